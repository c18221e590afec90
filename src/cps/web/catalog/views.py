from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from cps.errors import InputError
from cps.web.accounts.access import require_admin
from cps.web.catalog import selectors, services
from cps.web.catalog.forms import CatalogFilterForm, CriterionForm
from cps.web.ui.middleware import wants_partial


def _core_criteria(*, entity_id: int, query: str, code: str, modality: str, level: str) -> tuple[list[dict[str, Any]], str]:
    from cps.errors import InputError
    from cps.web.catalog import core

    try:
        if code:
            criteria = core.search(codes=[code], modality=modality or None, level=level or None, entity_id=entity_id)
        else:
            criteria = core.all_criteria(entity_id, modality=modality or None, level=level or None)
    except ImportError:
        return [], "El catálogo general de criterios aún no está instalado en este servidor."
    except (InputError, ValueError) as error:
        return [], str(error)
    if query:
        needle = query.casefold()
        criteria = [c for c in criteria if needle in " ".join(str(c.get(k, "")) for k in ("id", "title", "text")).casefold()]
    return criteria, ""


@require_safe
def catalog_list(request: HttpRequest) -> HttpResponse:
    entity = request.entity  # type: ignore[attr-defined]
    if entity is None:
        return redirect("ui:home")
    form = CatalogFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {"q": "", "code": "", "modality": "", "level": ""}
    criteria, notice = _core_criteria(entity_id=entity.pk, query=data["q"], code=data["code"], modality=data["modality"], level=data["level"])
    own = selectors.entity_criteria(user=request.user, entity=entity)
    own_codes = {c.code for c in own}
    for c in criteria:
        c["own"] = c["id"] in own_codes
    context = {"form": form, "criteria": criteria, "own": own, "notice": notice}
    template = "catalog/results.html" if wants_partial(request) else "catalog/list.html"
    return render(request, template, context)


def criterion_create_view(request: HttpRequest) -> HttpResponse:
    entity = request.entity  # type: ignore[attr-defined]
    if entity is None:
        return redirect("ui:home")
    require_admin(user=request.user, entity=entity)
    form = CriterionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "applies_to": form.cleaned_data["applies_to_text"]}
        try:
            services.criterion_create(user=request.user, entity=entity, data=data)
        except InputError as error:
            form.add_error(None, f"El catálogo no acepta el criterio: {error.message} ({error.field or ''})")
        else:
            messages.success(request, "Criterio propio agregado al catálogo de la entidad.")
            return redirect("catalog:list")
    return render(request, "catalog/form.html", {"form": form, "creating": True}, status=400 if form.errors else 200)


def criterion_edit(request: HttpRequest, criterion_id: int) -> HttpResponse:
    criterion = selectors.criterion_get(user=request.user, criterion_id=criterion_id)
    if request.method == "POST":
        require_admin(user=request.user, entity=criterion.entity_id)
    form = CriterionForm(request.POST or None, instance=criterion)
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "applies_to": form.cleaned_data["applies_to_text"]}
        try:
            services.criterion_update(user=request.user, criterion=criterion, data=data)
        except InputError as error:
            form.add_error(None, f"El catálogo no acepta el criterio: {error.message} ({error.field or ''})")
        else:
            messages.success(request, "Criterio actualizado.")
            return redirect("catalog:list")
    return render(request, "catalog/form.html", {"form": form, "criterion": criterion}, status=400 if form.errors else 200)

