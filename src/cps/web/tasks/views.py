from __future__ import annotations

from urllib.parse import urlparse

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from cps.web.tasks.selectors import task_get
from cps.web.ui.middleware import wants_partial


@require_safe
def task_status(request: HttpRequest, task_id: int) -> HttpResponse:
    """The task's progress; HTMX polls the fragment and goes to the result when it is done."""
    task = task_get(user=request.user, task_id=task_id)
    if wants_partial(request):
        response = render(request, "tasks/status.html", {"task": task})
        if task.status == "done" and task.done_url:
            current = urlparse(request.headers.get("HX-Current-URL", "")).path
            if current == urlparse(task.done_url).path:
                response["HX-Refresh"] = "true"  # same page: a redirect would only change the #fragment
            else:
                response["HX-Redirect"] = task.done_url
        return response
    return render(request, "tasks/page.html", {"task": task, "back": _back(task)})


def _back(task: object) -> tuple[str, str]:
    """Where the user came from: the process, or the extracts page."""
    from django.urls import reverse

    params = getattr(task, "params", {}) or {}
    if "process_id" in params:
        return reverse("processes:detail", kwargs={"process_id": params["process_id"]}), "Volver al proceso"
    if "extract_id" in params:
        return reverse("goals:extracts"), "Volver a los extractos"
    return reverse("ui:home"), "Volver al inicio"
