from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from cps.errors import InputError
from cps.web.accounts.access import require_write
from cps.web.audit.selectors import audit_for_object
from cps.web.lcc import selectors


@require_safe
def analysis_list(request: HttpRequest) -> HttpResponse:
    entity = request.entity  # type: ignore[attr-defined]
    if entity is None:
        return redirect("ui:home")
    return render(request, "lcc/list.html", {"analyses": selectors.analysis_list(user=request.user, entity=entity)[:200]})


def analysis_create(request: HttpRequest) -> HttpResponse:
    entity = request.entity  # type: ignore[attr-defined]
    if entity is None:
        return redirect("ui:home")
    require_write(user=request.user, entity=entity)
    from cps.web.lcc.forms_view import edit_case

    return edit_case(request, entity=entity, analysis=None)


def analysis_detail(request: HttpRequest, analysis_id: int) -> HttpResponse:
    analysis = selectors.analysis_get(user=request.user, analysis_id=analysis_id)
    if request.method == "POST":
        require_write(user=request.user, entity=analysis.entity_id)
        from cps.web.lcc.forms_view import edit_case

        return edit_case(request, entity=analysis.entity, analysis=analysis)
    return render(
        request,
        "lcc/detail.html",
        {"analysis": analysis, "events": audit_for_object(user=request.user, object_type="lcc", object_id=analysis.pk)},
    )


def analysis_edit(request: HttpRequest, analysis_id: int) -> HttpResponse:
    analysis = selectors.analysis_get(user=request.user, analysis_id=analysis_id)
    require_write(user=request.user, entity=analysis.entity_id)
    from cps.web.lcc.forms_view import edit_case

    return edit_case(request, entity=analysis.entity, analysis=analysis)


@require_safe
def analysis_chart(request: HttpRequest, analysis_id: int) -> HttpResponse:
    import tempfile
    from pathlib import Path

    from cps.web.lcc.core import chart_svg

    analysis = selectors.analysis_get(user=request.user, analysis_id=analysis_id)
    try:
        with tempfile.TemporaryDirectory() as folder:
            svg = chart_svg(analysis.case, Path(folder))
    except InputError as error:
        raise Http404(f"No hay gráfico: {error}") from None
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=3600"
    return response
