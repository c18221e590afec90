from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from cps.web.accounts.access import require_write
from cps.web.audit.selectors import audit_for_object
from cps.web.evaluations import selectors, services
from cps.web.evaluations.forms import EvaluationCreateForm
from cps.web.processes.selectors import process_latest_review, process_list


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
        case = data.get("case_file") or (_case_from_process(process) if process else {"process": {"number": data["title"], "modality": "minima_cuantia", "items": []}, "offers": []})
        title = data["title"] or str(case.get("process", {}).get("number") or (process.title if process else "Evaluación"))
        evaluation = services.evaluation_create(user=request.user, entity=entity, title=title, case=case, process=process)
        messages.success(request, "Evaluación creada.")
        return redirect("evaluations:detail", evaluation_id=evaluation.pk)
    return render(request, "evaluations/create.html", {"form": form}, status=400 if form.errors else 200)


@require_safe
def evaluation_detail(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    evaluation = selectors.evaluation_get(user=request.user, evaluation_id=evaluation_id)
    version = services.evaluation_current(evaluation=evaluation)
    return render(
        request,
        "evaluations/detail.html",
        {
            "evaluation": evaluation,
            "version": version,
            "versions": evaluation.versions.all(),
            "events": audit_for_object(user=request.user, object_type="evaluation", object_id=evaluation.pk),
        },
    )
