from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from cps.errors import InputError
from cps.law import tiebreak
from cps.web.accounts.access import require_write
from cps.web.audit.selectors import audit_for_object
from cps.web.evaluations import core, selectors, services
from cps.web.evaluations.case_grid import (
    FLAGS,
    KINDS,
    TIE_BREAK_FLAGS,
    TIE_BREAK_SHARES,
    GridError,
    case_from_grid,
    grid_from_case,
)
from cps.web.evaluations.forms import CaseUploadForm, EvaluationCreateForm
from cps.web.processes.selectors import process_latest_review, process_list

STATUS_LABELS = {
    "selected": "Seleccionada",
    "rejected": "Rechazada",
    "not_compliant": "No cumple lo habilitante",
    "not_verified": "No verificada",
}


@require_safe
def evaluation_list(request: HttpRequest) -> HttpResponse:
    entity = request.entity  # type: ignore[attr-defined]
    if entity is None:
        return redirect("ui:home")
    return render(request, "evaluations/list.html", {"evaluations": selectors.evaluation_list(user=request.user, entity=entity)[:200]})


def _case_from_process(process: Any) -> dict[str, Any]:
    """A case skeleton from the process record: number, entity, modality, budget."""
    review = process_latest_review(process=process)
    record = review.record if review else {}
    return {
        "process": {
            "number": record.get("process_number") or process.number,
            "entity": record.get("entity") or process.entity.name,
            "entity_nit": record.get("entity_nit") or process.entity.nit,
            "modality": record.get("modality") or process.modality or "minima_cuantia",
            "official_budget": record.get("budget") or process.budget,
            "items": [],
        },
        "offers": [],
    }


def evaluation_create(request: HttpRequest) -> HttpResponse:
    entity = request.entity  # type: ignore[attr-defined]
    if entity is None:
        return redirect("ui:home")
    require_write(user=request.user, entity=entity)
    processes = list(process_list(user=request.user, entity=entity)[:200])
    form = EvaluationCreateForm(request.POST or None, request.FILES or None, processes=processes)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        process = next((p for p in processes if str(p.pk) == data.get("process")), None)
        case = data.get("case_file") or (
            _case_from_process(process) if process else
            {"process": {"number": data["title"], "entity": entity.name, "entity_nit": entity.nit, "modality": "minima_cuantia", "items": []}, "offers": []}
        )
        title = data["title"] or str(case.get("process", {}).get("number") or (process.title if process else "Evaluación"))
        evaluation = services.evaluation_create(user=request.user, entity=entity, title=title, case=case, process=process)
        messages.success(request, "Evaluación creada. Escriba o revise los ítems y las ofertas, y ejecútela.")
        return redirect("evaluations:detail", evaluation_id=evaluation.pk)
    return render(request, "evaluations/create.html", {"form": form}, status=400 if form.errors else 200)


def _detail(request: HttpRequest, evaluation: Any, *, grid: dict[str, Any] | None = None, errors: list[str] | None = None, status: int = 200) -> HttpResponse:
    version = services.evaluation_current(evaluation=evaluation)
    result = version.result
    offers_by_id = {str(o.get("id")): o for o in version.case.get("offers") or []}
    rows = []
    for offer in (result or {}).get("offers") or []:
        bidder = (offers_by_id.get(str(offer.get("id"))) or {}).get("bidder") or {}
        rows.append({**offer, "bidder_name": bidder.get("name", ""), "status_label": STATUS_LABELS.get(offer.get("status"), offer.get("status"))})
    tie = (result or {}).get("tie_break")
    steps = []
    if tie:
        for step in tie.get("steps") or []:
            try:
                name = tiebreak.factor(int(step.get("factor"))).name
            except (KeyError, ValueError, TypeError, LookupError, AttributeError):
                name = ""
            steps.append({**step, "name": name})
    return render(
        request,
        "evaluations/detail.html",
        {
            "evaluation": evaluation,
            "version": version,
            "versions": evaluation.versions.all(),
            "grid": grid or grid_from_case(version.case),
            "errors": errors or [],
            "rows": rows,
            "tie": tie,
            "steps": steps,
            "kinds": KINDS,
            "tie_flags": TIE_BREAK_FLAGS,
            "tie_shares": TIE_BREAK_SHARES,
            "flags": FLAGS,
            "import_form": CaseUploadForm(),
            "engine_available": core.available(),
            "events": audit_for_object(user=request.user, object_type="evaluation", object_id=evaluation.pk),
        },
        status=status,
    )


@require_safe
def evaluation_detail(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    evaluation = selectors.evaluation_get(user=request.user, evaluation_id=evaluation_id)
    return _detail(request, evaluation)


def _run(request: HttpRequest, version: Any) -> list[str]:
    try:
        result = core.evaluate_case(version.case)
    except InputError as error:
        return [f"{error.field}: {error.message}" if error.field else error.message]
    services.evaluation_record_result(user=request.user, version=version, result=result)
    return []


@require_POST
def evaluation_save(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    evaluation = selectors.evaluation_get(user=request.user, evaluation_id=evaluation_id)
    require_write(user=request.user, entity=evaluation.entity_id)
    current = services.evaluation_current(evaluation=evaluation)
    try:
        case = case_from_grid(request.POST, current.case)
    except GridError as error:
        return _detail(request, evaluation, grid=grid_from_case(current.case), errors=error.errors, status=400)
    version = services.evaluation_save_case(user=request.user, evaluation=evaluation, case=case, reason=request.POST.get("reason", ""))
    if version.number != current.number:
        messages.info(request, f"La versión {current.number} ya estaba decidida: se creó la versión {version.number}.")
    if request.POST.get("action") == "run":
        errors = _run(request, version)
        if errors:
            return _detail(request, evaluation, errors=errors, status=400)
        messages.success(request, "Evaluación ejecutada.")
    else:
        messages.success(request, "Datos guardados.")
    return redirect("evaluations:detail", evaluation_id=evaluation.pk)


@require_POST
def evaluation_import(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    evaluation = selectors.evaluation_get(user=request.user, evaluation_id=evaluation_id)
    require_write(user=request.user, entity=evaluation.entity_id)
    form = CaseUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = [e for field in form.errors.values() for e in field]
        return _detail(request, evaluation, errors=errors, status=400)
    services.evaluation_save_case(user=request.user, evaluation=evaluation, case=form.cleaned_data["case_file"], reason=form.cleaned_data.get("reason") or "caso importado de YAML")
    messages.success(request, "Caso importado.")
    return redirect("evaluations:detail", evaluation_id=evaluation.pk)


@require_POST
def evaluation_decide(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    evaluation = selectors.evaluation_get(user=request.user, evaluation_id=evaluation_id)
    require_write(user=request.user, entity=evaluation.entity_id)
    version = services.evaluation_current(evaluation=evaluation)
    services.evaluation_decide(user=request.user, version=version)
    messages.success(request, f"Decisión registrada sobre la versión {version.number}. Cualquier cambio creará una versión nueva.")
    return redirect("evaluations:detail", evaluation_id=evaluation.pk)


@require_safe
def evaluation_report(request: HttpRequest, evaluation_id: int, version: int, kind: str, ext: str) -> FileResponse:
    stored = selectors.evaluation_version_get(user=request.user, evaluation_id=evaluation_id, number=version)
    if kind not in {"interno", "publico"} or ext not in {"docx", "pdf"}:
        raise Http404("Informe no disponible.")
    if stored.result is None:
        raise Http404("La versión aún no se ha ejecutado.")
    try:
        with tempfile.TemporaryDirectory(prefix="cps-informe-") as folder:
            data = core.report_file(stored.case, public=kind == "publico", fmt=ext, folder=Path(folder)).read_bytes()
    except InputError as error:
        raise Http404(str(error)) from None
    number = stored.evaluation.title.split(" ")[0] or "evaluacion"
    name = f"informe-evaluacion-{number}-v{stored.number}{'-publico' if kind == 'publico' else ''}.{ext}"
    return FileResponse(io.BytesIO(data), as_attachment=True, filename=name)
