"""Life-cycle cost analyses (writes); the computation is the core's (``cps.lcc``)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from cps.web.accounts.access import require_write
from cps.web.accounts.models import Entity
from cps.web.audit.services import audit_record, changes_between
from cps.web.lcc.models import LccAnalysis


@transaction.atomic
def analysis_save(
    *,
    user: Any,
    entity: Entity,
    case: dict[str, Any],
    result: dict[str, Any] | None,
    sensitivity: dict[str, Any] | None,
    analysis: LccAnalysis | None = None,
) -> LccAnalysis:
    require_write(user=user, entity=entity)
    name = str(case.get("name") or "Análisis de ciclo de vida")[:200]
    if analysis is None:
        analysis = LccAnalysis.objects.create(
            entity=entity, name=name, case=case, result=result, sensitivity=sensitivity, created_by=user
        )
        audit_record(user=user, entity_id=entity.pk, action="created", obj=analysis, object_type="lcc", summary=f"Análisis «{name}»" + (f": menor costo «{result.get('best')}»" if result else ""))
        return analysis
    if analysis.entity_id != entity.pk:
        raise ValueError("analysis of another entity")
    before = {"case": analysis.case, "best": (analysis.result or {}).get("best")}
    analysis.name, analysis.case, analysis.result, analysis.sensitivity = name, case, result, sensitivity
    analysis.save()
    audit_record(
        user=user,
        entity_id=entity.pk,
        action="updated",
        obj=analysis,
        object_type="lcc",
        summary=f"Análisis «{name}» recalculado",
        changes=changes_between(before, {"case": case, "best": (result or {}).get("best")}),
    )
    return analysis
