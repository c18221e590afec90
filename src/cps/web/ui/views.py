from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from cps.web.ui.selectors import home_summary


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    entity = request.entity  # type: ignore[attr-defined]
    summary = home_summary(user=request.user, entity=entity) if entity else None
    return render(request, "ui/home.html", {"summary": summary})
