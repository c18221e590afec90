"""The LCC form: choose a template or edit the case, compute with the core, keep the analysis."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from cps.errors import InputError
from cps.web.lcc import core
from cps.web.lcc.case_form import CaseFormError, case_from_post, form_rows
from cps.web.lcc.services import analysis_save


def edit_case(request: HttpRequest, *, entity: Any, analysis: Any) -> HttpResponse:
    errors: list[str] = []
    case: dict[str, Any] = dict(analysis.case) if analysis else {"horizon_years": 5, "discount_rate": 0.06}
    templates: list[dict[str, str]] = []
    try:
        templates = core.templates()
    except (ImportError, InputError, AttributeError):
        templates = []
    chosen = request.GET.get("plantilla", "")
    if request.method == "GET" and chosen and any(t["name"] == chosen for t in templates):
        case = core.template_case(chosen)
    if request.method == "POST":
        try:
            case = case_from_post(request.POST)
            result, sensitivity = core.compute_case(case)
        except CaseFormError as error:
            errors = error.errors
        except InputError as error:
            errors = [_field_message(error)]
        else:
            saved = analysis_save(user=request.user, entity=entity, case=case, result=result, sensitivity=sensitivity, analysis=analysis)
            messages.success(request, "Cálculo hecho y guardado.")
            return redirect("lcc:detail", analysis_id=saved.pk)
    return render(
        request,
        "lcc/form.html",
        {"analysis": analysis, "rows": form_rows(case), "errors": errors, "templates": templates, "chosen": chosen, "available": core.available()},
        status=400 if errors else 200,
    )


def _field_message(error: InputError) -> str:
    return f"{error.field}: {error.message}" if error.field else error.message
