"""Background import of a SECOP II extract, then the indicators are computed again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.urls import reverse

from cps.errors import InputError
from cps.web.goals.models import Extract, ExtractState, Plan, RegisterEntry
from cps.web.goals.selectors import latest_extracts
from cps.web.goals.services import COMPUTE_TASK, IMPORT_TASK, snapshot_save
from cps.web.tasks.registry import Progress, task_handler


def _count_rows(path: Path) -> int:
    with path.open("rb") as handle:
        lines = sum(1 for line in handle if line.strip())
    return lines - 1 if path.suffix.lower() == ".csv" else lines


def recompute(*, entity_id: int) -> dict[str, Any] | None:
    """New indicators from the plan, the latest extracts and the register; None if something is missing."""
    from cps.web.goals.core import compute_indicators

    plan = Plan.objects.select_related("entity").filter(entity_id=entity_id).first()
    latest = latest_extracts(entity_id=entity_id)
    if plan is None or "procesos" not in latest or "contratos" not in latest:
        return None
    register = list(RegisterEntry.objects.filter(entity_id=entity_id).values_list("secop_process_id", flat=True))
    result = compute_indicators(
        plan=plan.as_plan_dict(),
        procesos=Path(latest["procesos"].file.path),
        contratos=Path(latest["contratos"].file.path),
        register=register,
    )
    snapshot_save(entity_id=entity_id, result=result)
    return result


@task_handler(IMPORT_TASK)
def run_import(task: Any, progress: Progress) -> dict[str, Any]:
    extract = Extract.objects.get(pk=task.params["extract_id"])
    progress(10, "Leyendo el extracto…")
    path = Path(extract.file.path)
    try:
        extract.rows = _count_rows(path)
        extract.state = ExtractState.READY
        extract.save(update_fields=["rows", "state"])
        progress(50, "Calculando los indicadores…")
        recompute(entity_id=extract.entity_id)
    except InputError as error:
        Extract.objects.filter(pk=extract.pk).update(state=ExtractState.FAILED, error=str(error))
        raise InputError(error.message, file=extract.original_name, field=error.field, line=error.line) from None
    return {"rows": extract.rows, "done_url": reverse("goals:dashboard")}


@task_handler(COMPUTE_TASK)
def run_compute(task: Any, progress: Progress) -> dict[str, Any]:
    progress(20, "Calculando los indicadores…")
    result = recompute(entity_id=task.entity_id)
    return {"computed": result is not None, "done_url": reverse("goals:dashboard")}
