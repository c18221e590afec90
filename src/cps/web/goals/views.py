from __future__ import annotations

import hashlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from cps.web.accounts.access import require_write
from cps.web.goals import selectors, services
from cps.web.goals.forms import ExtractForm, PlanForm, RegisterForm


@require_safe
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    from django.utils.functional import SimpleLazyObject

    from cps.web.goals.models import IndicatorSnapshot
    from cps.web.goals.presenters import dashboard_context

    entity = request.entity  # type: ignore[attr-defined]
    if entity is None:
        return redirect("ui:home")
    state = selectors.dashboard_state(user=request.user, entity=entity)
    snapshot_id, plan_updated = state["snapshot_id"], state["plan_updated"]
    # the stored indicators are read only when the cached fragment has to be rendered again
    snapshot = SimpleLazyObject(lambda: IndicatorSnapshot.objects.get(pk=snapshot_id)) if snapshot_id else None
    context = {
        "has_snapshot": bool(snapshot_id),
        "has_plan": plan_updated is not None,
        "snapshot": snapshot,
        "state": state,
        # everything the cached page shows depends on these (the page has nothing per person)
        "dashboard_key": hashlib.sha256(
            "|".join(str(v) for v in (entity.pk, snapshot_id, plan_updated, state["extract_state"], state["extract_error"], state["extract_name"])).encode()
        ).hexdigest(),
        "years": lambda: dashboard_context(snapshot)["years"],
    }
    return render(request, "goals/dashboard.html", context)


def plan_edit(request: HttpRequest) -> HttpResponse:
    entity = request.entity  # type: ignore[attr-defined]
    if entity is None:
        return redirect("ui:home")
    plan = selectors.plan_get(user=request.user, entity=entity)
    initial = {"priority_classes": ", ".join(plan.priority_classes)} if plan else {}
    form = PlanForm(request.POST or None, initial=initial, initial_targets=plan.targets if plan else None)
    if request.method == "POST":
        require_write(user=request.user, entity=entity)
        if form.is_valid():
            try:
                targets = form.targets()
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                services.plan_save(user=request.user, entity=entity, targets=targets, priority_classes=form.cleaned_data["priority_classes"])
                queued = services.indicators_refresh(user=request.user, entity=entity)
                messages.success(request, "Plan guardado." + (" Los indicadores se recalculan en segundo plano." if queued else ""))
                return redirect("goals:dashboard")
    return render(request, "goals/plan.html", {"form": form, "plan": plan}, status=400 if form.errors else 200)


def extracts(request: HttpRequest) -> HttpResponse:
    entity = request.entity  # type: ignore[attr-defined]
    if entity is None:
        return redirect("ui:home")
    form = ExtractForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        require_write(user=request.user, entity=entity)
        if form.is_valid():
            _extract, task = services.extract_upload(user=request.user, entity=entity, kind=form.cleaned_data["kind"], upload=form.cleaned_data["file"])
            messages.success(request, "Extracto cargado; la importación sigue en segundo plano.")
            return redirect("tasks:status", task_id=task.pk)
    return render(
        request,
        "goals/extracts.html",
        {"form": form, "extracts": selectors.extracts_of(user=request.user, entity=entity)},
        status=400 if form.errors else 200,
    )


def register(request: HttpRequest) -> HttpResponse:
    entity = request.entity  # type: ignore[attr-defined]
    if entity is None:
        return redirect("ui:home")
    form = RegisterForm(request.POST or None)
    if request.method == "POST":
        require_write(user=request.user, entity=entity)
        if form.is_valid():
            services.register_add(user=request.user, entity=entity, **form.cleaned_data)
            services.indicators_refresh(user=request.user, entity=entity)
            messages.success(request, "Proceso agregado al registro de la entidad; los indicadores se recalculan.")
            return redirect("goals:register")
    return render(
        request,
        "goals/register.html",
        {"form": form, "entries": selectors.register_of(user=request.user, entity=entity)},
        status=400 if form.errors else 200,
    )


@require_POST
def register_remove(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = selectors.register_entry_get(user=request.user, entry_id=entry_id)
    services.register_remove(user=request.user, entry=entry)
    services.indicators_refresh(user=request.user, entity=entry.entity)
    messages.success(request, "Proceso retirado del registro; los indicadores se recalculan.")
    return redirect("goals:register")


@require_safe
@require_safe
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The dashboard as XLSX or PDF, written by the indicators core."""
    from django.http import FileResponse, Http404

    from cps.web.goals.core import export_file

    entity = request.entity  # type: ignore[attr-defined]
    if entity is None or fmt not in {"xlsx", "pdf"}:
        raise Http404("Formato no disponible.")
    snapshot = selectors.latest_snapshot(user=request.user, entity=entity)
    if snapshot is None:
        raise Http404("Aún no hay indicadores.")
    from cps.errors import InputError

    try:
        data = export_file(result=snapshot.result, fmt=fmt)
    except (InputError, ValueError) as error:
        raise Http404(f"No se pudo exportar: {error}") from None
    import io

    name = f"metas-cps-{entity.nit_base}.{fmt}"
    return FileResponse(io.BytesIO(data), as_attachment=True, filename=name)


@require_safe
def chart(request: HttpRequest) -> HttpResponse:
    from django.http import Http404

    from cps.errors import InputError
    from cps.web.goals.core import progress_chart

    entity = request.entity  # type: ignore[attr-defined]
    snapshot = selectors.latest_snapshot(user=request.user, entity=entity) if entity else None
    if snapshot is None:
        raise Http404("Aún no hay indicadores.")
    try:
        png = progress_chart(result=snapshot.result)
    except (InputError, ImportError, ValueError) as error:
        raise Http404(f"No hay gráfico: {error}") from None
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, max-age=600"
    return response
