from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from cps.web.accounts.access import require_write
from cps.web.audit.selectors import audit_for_object
from cps.web.processes import selectors
from cps.web.processes.forms import DocumentUploadForm
from cps.web.processes.services import process_add_document, process_create_from_upload
from cps.web.tasks.models import Task, TaskStatus
from cps.web.ui.middleware import wants_partial

PAGE_SIZE = 25


@require_safe
def process_list(request: HttpRequest) -> HttpResponse:
    entity = request.entity  # type: ignore[attr-defined]
    if entity is None:
        return redirect("ui:home")
    query = request.GET.get("q", "")[:100]
    processes = selectors.process_list(user=request.user, entity=entity, query=query)
    stamp = selectors.process_list_stamp(entity=entity, query=query)
    paginator = Paginator(processes, PAGE_SIZE)
    paginator.__dict__["count"] = selectors.process_list_count(processes=processes, stamp=stamp)
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "processes": page.object_list,
        "q": query,
        "query_prefix": f"q={query}&" if query else "",
        # the rendered table is cached while nothing changed: same page, same count, same latest change
        "table_key": f"{stamp}:{page.number}",
    }
    template = "processes/list_results.html" if wants_partial(request) else "processes/list.html"
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def process_create(request: HttpRequest) -> HttpResponse:
    entity = request.entity  # type: ignore[attr-defined]
    if entity is None:
        return redirect("ui:home")
    require_write(user=request.user, entity=entity)
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        process, _task = process_create_from_upload(user=request.user, entity=entity, upload=form.cleaned_data["document"])
        messages.success(request, "Documento cargado. La revisión está en curso; puede esperar aquí o seguir trabajando.")
        return redirect("processes:detail", process_id=process.pk)
    return render(request, "processes/create.html", {"form": form}, status=400 if form.errors else 200)


@require_safe
def process_detail(request: HttpRequest, process_id: int) -> HttpResponse:
    process = selectors.process_get(user=request.user, process_id=process_id)
    review = selectors.process_latest_review(process=process)
    running = Task.objects.filter(
        entity_id=process.entity_id,
        kind__in=["process_review", "process_annex"],
        params__process_id=process.pk,
    ).order_by("-created_at").first()
    show_task = running if running and (running.status in (TaskStatus.PENDING, TaskStatus.RUNNING) or (running.status == TaskStatus.FAILED and process.state == "failed")) else None
    context = {
        "process": process,
        "review": review,
        "task": show_task,
        "groups": selectors.findings_by_severity(review.findings) if review else [],
        "upload_form": DocumentUploadForm(),
    }
    context.update(_sustainability_context(review))
    return render(request, "processes/detail.html", context)


def _sustainability_context(review: Any) -> dict[str, object]:
    from cps.web.processes.annex import annex_choices
    from cps.web.processes.criteria import gaps_with_criteria

    if review is None:
        return {"gaps": [], "choices": [], "annexes": []}
    try:
        choices = annex_choices(entity_id=review.process.entity_id, record=review.record)
    except ImportError:
        choices = []
    return {
        "gaps": gaps_with_criteria(review.sustainability, entity_id=review.process.entity_id),
        "choices": choices,
        "annexes": review.process.annexes.all()[:5],
    }


@require_http_methods(["POST"])
def process_upload(request: HttpRequest, process_id: int) -> HttpResponse:
    process = selectors.process_get(user=request.user, process_id=process_id)
    require_write(user=request.user, entity=process.entity_id)
    form = DocumentUploadForm(request.POST, request.FILES)
    if form.is_valid():
        process_add_document(user=request.user, process=process, upload=form.cleaned_data["document"])
        messages.success(request, "Nueva versión cargada; la revisión está en curso.")
        return redirect("processes:detail", process_id=process.pk)
    for error in form.errors.get("document", []):
        messages.error(request, error)
    return redirect("processes:detail", process_id=process.pk)


@require_safe
def process_history(request: HttpRequest, process_id: int) -> HttpResponse:
    process = selectors.process_get(user=request.user, process_id=process_id)
    return render(
        request,
        "processes/history.html",
        {
            "process": process,
            "reviews": process.reviews.select_related("document").order_by("-version"),
            "documents": process.documents.all(),
            "annexes": process.annexes.all(),
            "events": audit_for_object(user=request.user, object_type="process", object_id=process.pk),
        },
    )


@require_safe
def document_download(request: HttpRequest, process_id: int, document_id: int) -> FileResponse:
    document = selectors.process_document_get(user=request.user, process_id=process_id, document_id=document_id)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.original_name)


@require_safe
def annex_download(request: HttpRequest, process_id: int, annex_id: int) -> FileResponse:
    annex = selectors.process_annex_get(user=request.user, process_id=process_id, annex_id=annex_id)
    name = f"anexo-sostenibilidad-{annex.process.number or annex.process_id}.docx"
    return FileResponse(annex.file.open("rb"), as_attachment=True, filename=name)


@require_http_methods(["POST"])
def annex_request(request: HttpRequest, process_id: int) -> HttpResponse:
    from cps.web.processes.services import process_request_annex

    process = selectors.process_get(user=request.user, process_id=process_id)
    require_write(user=request.user, entity=process.entity_id)
    review = selectors.process_latest_review(process=process)
    chosen = list(dict.fromkeys(c for c in request.POST.getlist("criteria") if c))[:200]
    level = request.POST.get("level", "")
    if review is None or not chosen:
        messages.error(request, "Elija al menos un criterio para el anexo.")
        return redirect("processes:detail", process_id=process.pk)
    if level not in {"", "basico", "avanzado"}:
        level = ""
    process_request_annex(user=request.user, process=process, review=review, criteria=chosen, level=level)
    messages.success(request, "El anexo se está generando; aparecerá en esta página en unos segundos.")
    return redirect(f"{reverse('processes:detail', kwargs={'process_id': process.pk})}#anexo")
