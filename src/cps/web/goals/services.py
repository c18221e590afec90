"""The entity's plan, extracts and register (writes); indicators are computed by ``cps.indicators``."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from cps.web.accounts.access import require_write
from cps.web.accounts.models import Entity
from cps.web.audit.services import audit_record, changes_between
from cps.web.goals.models import Extract, IndicatorSnapshot, Plan, RegisterEntry
from cps.web.tasks.models import Task
from cps.web.tasks.services import task_enqueue

IMPORT_TASK = "extract_import"
COMPUTE_TASK = "indicators_compute"


@transaction.atomic
def plan_save(*, user: Any, entity: Entity, targets: dict[str, dict[str, float]], priority_classes: list[str]) -> Plan:
    require_write(user=user, entity=entity)
    plan = Plan.objects.filter(entity=entity).first()
    before = {"targets": plan.targets, "priority_classes": plan.priority_classes} if plan else {}
    if plan is None:
        plan = Plan(entity=entity)
    plan.targets, plan.priority_classes, plan.updated_by = targets, priority_classes, user
    plan.save()
    audit_record(
        user=user,
        entity_id=entity.pk,
        action="updated" if before else "created",
        obj=plan,
        summary="Plan de CPS: metas por año y categorías prioritarias",
        changes=changes_between(before, {"targets": targets, "priority_classes": priority_classes}),
    )
    return plan


@transaction.atomic
def extract_upload(*, user: Any, entity: Entity, kind: str, upload: UploadedFile) -> tuple[Extract, Task]:
    """Keep the uploaded SECOP II extract and read it in a background task."""
    require_write(user=user, entity=entity)
    name = PurePath(upload.name or "extracto").name
    extract = Extract(entity=entity, kind=kind, original_name=name[:255], size=upload.size or 0, uploaded_by=user)
    extract.file.save(name, upload, save=False)
    extract.save()
    audit_record(user=user, entity_id=entity.pk, action="uploaded", obj=extract, summary=f"Extracto de {extract.get_kind_display()}: «{name}»")
    task = task_enqueue(
        user=user, entity_id=entity.pk, kind=IMPORT_TASK, label=f"Importación de «{name}»", params={"extract_id": extract.pk}
    )
    return extract, task


@transaction.atomic
def register_add(*, user: Any, entity: Entity, secop_process_id: str, note: str) -> RegisterEntry:
    require_write(user=user, entity=entity)
    entry, _ = RegisterEntry.objects.update_or_create(
        entity=entity, secop_process_id=secop_process_id.strip(), defaults={"note": note.strip(), "created_by": user}
    )
    audit_record(user=user, entity_id=entity.pk, action="created", obj=entry, object_type="register", summary=f"Registro: {entry.secop_process_id} con criterios de sostenibilidad")
    return entry


@transaction.atomic
def register_remove(*, user: Any, entry: RegisterEntry) -> None:
    require_write(user=user, entity=entry.entity_id)
    audit_record(user=user, entity_id=entry.entity_id, action="deleted", obj=entry, object_type="register", summary=f"Registro: {entry.secop_process_id} retirado")
    entry.delete()


def snapshot_save(*, entity_id: int, result: dict[str, Any]) -> IndicatorSnapshot:
    return IndicatorSnapshot.objects.create(entity_id=entity_id, result=result)


def indicators_refresh(*, user: Any, entity: Entity) -> Task | None:
    """Compute the indicators again in the background (after a change of plan or register);
    None when there is nothing to compute yet (no plan or no extracts)."""
    from cps.web.goals.models import ExtractState

    require_write(user=user, entity=entity)
    ready = set(Extract.objects.filter(entity=entity, state=ExtractState.READY).values_list("kind", flat=True))
    if not Plan.objects.filter(entity=entity).exists() or not {"procesos", "contratos"} <= ready:
        return None
    return task_enqueue(user=user, entity_id=entity.pk, kind=COMPUTE_TASK, label="Cálculo de los indicadores", params={})
