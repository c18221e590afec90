from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from cps.web.accounts.access import object_for, require_member
from cps.web.accounts.models import Entity
from cps.web.processes.models import Process, ProcessAnnex, ProcessDocument, ProcessReview

SEVERITY_ORDER = ("error", "warning", "info")


def process_list(*, user: Any, entity: Entity, query: str = "") -> QuerySet[Process]:
    require_member(user=user, entity=entity)
    processes = Process.objects.filter(entity=entity)
    query = query.strip()
    if query:
        processes = processes.filter(Q(number__icontains=query) | Q(object__icontains=query))
    return processes.order_by("-updated_at", "-id").only(
        "id", "number", "object", "modality", "budget", "state", "errors_count", "warnings_count",
        "gaps_count", "updated_at",
    )


def process_list_stamp(*, entity: Entity, query: str) -> str:
    """A key that changes whenever the list can change: every write to a process moves its
    ``updated_at`` (processes are never deleted by the app), so the newest one identifies the state."""
    import hashlib

    from django.db import connection

    # plain SQL on the (entity, -updated_at, -id) index: the ORM's compilation cost more than the query
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT updated_at, id FROM {Process._meta.db_table} WHERE entity_id = %s ORDER BY updated_at DESC, id DESC LIMIT 1",
            [entity.pk],
        )
        latest = cursor.fetchone()
    state = f"{latest[0]}|{latest[1]}" if latest else "0"
    digest = hashlib.sha256(f"{query}\x00{state}".encode()).hexdigest()[:32]
    return f"{entity.pk}:{digest}"


def process_list_count(*, processes: QuerySet[Process], stamp: str) -> int:
    """``COUNT(*)`` of the list, remembered while the stamp is the same (it costs ~10 ms at 100 000 rows)."""
    from django.core.cache import cache

    key = f"process_count:{stamp}"
    count = cache.get(key)
    if count is None:
        count = processes.count()
        cache.set(key, count, 600)
    return int(count)


def process_get(*, user: Any, process_id: int) -> Process:
    return object_for(Process.objects.select_related("entity"), user=user, pk=process_id)


def process_latest_review(*, process: Process) -> ProcessReview | None:
    return process.reviews.order_by("-version").first()


def process_review_get(*, process: Process, version: int) -> ProcessReview | None:
    return process.reviews.filter(version=version).first()


def process_document_get(*, user: Any, process_id: int, document_id: int) -> ProcessDocument:
    process = process_get(user=user, process_id=process_id)
    return object_for(ProcessDocument.objects.filter(process=process), user=user, pk=document_id, field="process__entity_id")


def process_annex_get(*, user: Any, process_id: int, annex_id: int) -> ProcessAnnex:
    process = process_get(user=user, process_id=process_id)
    return object_for(ProcessAnnex.objects.filter(process=process), user=user, pk=annex_id, field="process__entity_id")


def findings_by_severity(findings: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = {s: [] for s in SEVERITY_ORDER}
    for finding in findings:
        groups.setdefault(str(finding.get("severity", "info")), []).append(finding)
    return [(severity, items) for severity, items in groups.items() if items]
