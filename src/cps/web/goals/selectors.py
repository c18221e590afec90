from __future__ import annotations

from typing import Any

from cps.web.accounts.access import object_for, require_member
from cps.web.accounts.models import Entity
from cps.web.goals.models import Extract, ExtractState, IndicatorSnapshot, Plan, RegisterEntry


def plan_get(*, user: Any, entity: Entity) -> Plan | None:
    require_member(user=user, entity=entity)
    return Plan.objects.filter(entity=entity).first()


def extracts_of(*, user: Any, entity: Entity) -> list[Extract]:
    require_member(user=user, entity=entity)
    return list(Extract.objects.filter(entity=entity).order_by("-uploaded_at")[:50])


def latest_extracts(*, entity_id: int) -> dict[str, Extract]:
    """The newest successfully imported extract of each kind."""
    latest: dict[str, Extract] = {}
    for extract in Extract.objects.filter(entity_id=entity_id, state=ExtractState.READY).order_by("-uploaded_at", "-id"):
        latest.setdefault(extract.kind, extract)
    return latest


def register_of(*, user: Any, entity: Entity) -> list[RegisterEntry]:
    require_member(user=user, entity=entity)
    return list(RegisterEntry.objects.filter(entity=entity))


def register_entry_get(*, user: Any, entry_id: int) -> RegisterEntry:
    return object_for(RegisterEntry.objects.all(), user=user, pk=entry_id)


def latest_snapshot(*, user: Any, entity: Entity) -> IndicatorSnapshot | None:
    require_member(user=user, entity=entity)
    # the result (possibly large) is loaded only when it is used
    return IndicatorSnapshot.objects.filter(entity=entity).defer("result").order_by("-computed_at", "-id").first()


def last_extract(*, entity_id: int) -> Extract | None:
    return Extract.objects.filter(entity_id=entity_id).only("id", "state", "error", "original_name").order_by("-uploaded_at", "-id").first()


def dashboard_state(*, user: Any, entity: Entity) -> dict[str, Any]:
    """In one round trip: the newest indicators' id, when the plan changed, and the newest
    extract's state (the dashboard's cache key and notices). Plain SQL: the ORM's subquery
    compilation cost more than the query itself on this page."""
    from django.db import connection

    require_member(user=user, entity=entity)
    snapshots, plans, extracts = (m._meta.db_table for m in (IndicatorSnapshot, Plan, Extract))
    last = f"FROM {extracts} WHERE entity_id = %s ORDER BY uploaded_at DESC, id DESC LIMIT 1"
    sql = (
        f"SELECT (SELECT id FROM {snapshots} WHERE entity_id = %s ORDER BY computed_at DESC, id DESC LIMIT 1),"
        f" (SELECT updated_at FROM {plans} WHERE entity_id = %s),"
        f" (SELECT state {last}), (SELECT error {last}), (SELECT original_name {last})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [entity.pk] * 5)
        row = cursor.fetchone()
    keys = ("snapshot_id", "plan_updated", "extract_state", "extract_error", "extract_name")
    return dict(zip(keys, row, strict=True))
