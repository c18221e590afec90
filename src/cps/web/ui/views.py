from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from cps.web.ui.selectors import home_summary


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    entity = request.entity  # type: ignore[attr-defined]
    summary = home_summary(user=request.user, entity=entity) if entity else None
    return render(request, "ui/home.html", {"summary": summary})


@login_not_required
@never_cache
def health(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"estado": "ok"})
