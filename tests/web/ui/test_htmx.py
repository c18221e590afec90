"""HTMX: partial responses vary on HX-Request, and a history restore gets the full page."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_partials_and_history_restore(login: Any, objects_a: dict[str, Any], admin_a: Any) -> None:
    client = login(admin_a)
    full = client.get(reverse("processes:list"))
    partial = client.get(reverse("processes:list"), HTTP_HX_REQUEST="true")
    restore = client.get(reverse("processes:list"), HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "HX-Request" in full["Vary"] and "HX-Request" in partial["Vary"]
    assert b"<html" in full.content and b"<html" not in partial.content
    assert b"<html" in restore.content


@pytest.mark.django_db
def test_task_progress_fragment(login: Any, objects_a: dict[str, Any], admin_a: Any) -> None:
    from cps.web.tasks.models import Task

    task = Task.objects.get(pk=objects_a["task_id"])
    url = reverse("tasks:status", kwargs={"task_id": task.pk})
    fragment = login(admin_a).get(url, HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in fragment and "En cola" in fragment
    Task.objects.filter(pk=task.pk).update(status="done", done_url="/procesos/1/")
    done = login(admin_a).get(url, HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL="http://testserver/tareas/1/")
    assert done["HX-Redirect"] == "/procesos/1/"
    same = login(admin_a).get(url, HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL="http://testserver/procesos/1/#anexo")
    assert same["HX-Refresh"] == "true"


@pytest.mark.django_db
def test_static_assets_are_served_by_the_app(client: Any) -> None:
    for path in ("/static/cps/css/app.css", "/static/cps/js/htmx.min.js", "/static/cps/js/htmx.LICENSE.txt"):
        response = client.get(path)
        assert response.status_code == 200, path


def test_es_co_formatting() -> None:
    from cps.web.ui.templatetags.cps_format import decimal_co, miles, pesos, porcentaje

    assert pesos(49016520) == "$49.016.520"
    assert miles(100000) == "100.000"
    assert porcentaje(0.1714) == "17,1 %"
    assert decimal_co(9.0, 1) == "9,0"
    assert pesos(None) == "" and pesos("no") == ""
