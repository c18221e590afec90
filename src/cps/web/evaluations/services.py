"""Evaluations (writes). A decided version is never changed: editing it creates a new version."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from cps.web.accounts.access import require_write
from cps.web.accounts.models import Entity
from cps.web.audit.services import audit_record
from cps.web.evaluations.models import Evaluation, EvaluationVersion, VersionStatus
from cps.web.processes.models import Process

DECIDED_IS_FINAL = "La versión {n} ya fue decidida y no se puede modificar; los cambios crean una versión nueva."


@transaction.atomic
def evaluation_create(
    *, user: Any, entity: Entity, title: str, case: dict[str, Any], process: Process | None = None
) -> Evaluation:
    require_write(user=user, entity=entity)
    if process is not None and process.entity_id != entity.pk:
        raise PermissionDenied("El proceso no pertenece a la entidad.")
    evaluation = Evaluation.objects.create(entity=entity, process=process, title=title[:200], created_by=user)
    EvaluationVersion.objects.create(evaluation=evaluation, number=1, case=case, created_by=user)
    audit_record(user=user, entity_id=entity.pk, action="created", obj=evaluation, summary=f"Evaluación «{evaluation.title}» creada")
    return evaluation


def evaluation_current(*, evaluation: Evaluation) -> EvaluationVersion:
    return evaluation.versions.order_by("-number").first()  # type: ignore[return-value]


@transaction.atomic
def evaluation_save_case(*, user: Any, evaluation: Evaluation, case: dict[str, Any], reason: str = "") -> EvaluationVersion:
    """Save the case: in place while the current version is a draft, as a new version once decided."""
    require_write(user=user, entity=evaluation.entity_id)
    current = EvaluationVersion.objects.select_for_update().filter(evaluation=evaluation).order_by("-number").first()
    assert current is not None
    if current.decided:
        version = EvaluationVersion.objects.create(
            evaluation=evaluation, number=current.number + 1, case=case, created_by=user, reason=reason[:300]
        )
        audit_record(
            user=user,
            entity_id=evaluation.entity_id,
            action="new_version",
            obj=evaluation,
            summary=f"Versión {version.number} creada a partir de la versión decidida {current.number}" + (f": {reason}" if reason else ""),
        )
        return version
    current.case, current.result, current.evaluated_at = case, None, None
    current.save(update_fields=["case", "result", "evaluated_at"])
    evaluation.save(update_fields=["updated_at"])
    audit_record(user=user, entity_id=evaluation.entity_id, action="updated", obj=evaluation, summary=f"Datos de la versión {current.number} modificados")
    return current


@transaction.atomic
def evaluation_record_result(*, user: Any, version: EvaluationVersion, result: dict[str, Any]) -> EvaluationVersion:
    require_write(user=user, entity=version.evaluation.entity_id)
    version = EvaluationVersion.objects.select_for_update().get(pk=version.pk)
    if version.decided:
        raise PermissionDenied(DECIDED_IS_FINAL.format(n=version.number))
    version.result, version.evaluated_at = result, timezone.now()
    version.save(update_fields=["result", "evaluated_at"])
    audit_record(
        user=user,
        entity_id=version.evaluation.entity_id,
        action="evaluated",
        obj=version.evaluation,
        summary=f"Versión {version.number}: {result.get('outcome', '')}, seleccionada {result.get('selected') or '—'}",
    )
    return version


@transaction.atomic
def evaluation_decide(*, user: Any, version: EvaluationVersion) -> EvaluationVersion:
    """Register the decision: the version becomes final."""
    require_write(user=user, entity=version.evaluation.entity_id)
    version = EvaluationVersion.objects.select_for_update().get(pk=version.pk)
    if version.decided:
        raise PermissionDenied(DECIDED_IS_FINAL.format(n=version.number))
    if version.result is None:
        raise PermissionDenied("Ejecute la evaluación antes de registrar la decisión.")
    version.status, version.decided_by, version.decided_at = VersionStatus.DECIDED, user, timezone.now()
    version.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(
        user=user,
        entity_id=version.evaluation.entity_id,
        action="decided",
        obj=version.evaluation,
        summary=f"Decisión registrada sobre la versión {version.number}: {version.result.get('outcome', '')}",
    )
    return version
