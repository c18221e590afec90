"""Processes: upload a document, record the core's review, draft the annex (writes)."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from cps.web.accounts.access import require_write
from cps.web.accounts.models import Entity
from cps.web.audit.services import audit_record
from cps.web.processes.models import Process, ProcessDocument, ProcessReview, ProcessState
from cps.web.tasks.models import Task
from cps.web.tasks.services import task_enqueue
from cps.web.ui.uploads import sha256_of
from cps.wording import count

REVIEW_TASK = "process_review"


def _store_document(*, user: Any, process: Process, upload: UploadedFile) -> ProcessDocument:
    digest = sha256_of(upload)
    name = PurePath(upload.name or "documento").name
    document = ProcessDocument(process=process, original_name=name[:255], size=upload.size or 0, sha256=digest, uploaded_by=user)
    document.file.save(name, upload, save=False)
    document.save()
    return document


@transaction.atomic
def process_create_from_upload(*, user: Any, entity: Entity, upload: UploadedFile) -> tuple[Process, Task]:
    """A new process from its invitation or estudios previos; the review runs in a background task."""
    require_write(user=user, entity=entity)
    process = Process.objects.create(entity=entity, created_by=user, state=ProcessState.REVIEWING)
    document = _store_document(user=user, process=process, upload=upload)
    audit_record(user=user, entity_id=entity.pk, action="created", obj=process, summary=f"Proceso creado con «{document.original_name}»")
    task = _enqueue_review(user=user, process=process, document=document)
    return process, task


@transaction.atomic
def process_add_document(*, user: Any, process: Process, upload: UploadedFile) -> Task:
    """A new version of the document (the previous reviews stay in the history)."""
    require_write(user=user, entity=process.entity_id)
    document = _store_document(user=user, process=process, upload=upload)
    Process.objects.filter(pk=process.pk).update(state=ProcessState.REVIEWING, updated_at=timezone.now())
    audit_record(user=user, entity_id=process.entity_id, action="uploaded", obj=process, summary=f"Nueva versión del documento: «{document.original_name}»")
    return _enqueue_review(user=user, process=process, document=document)


def _enqueue_review(*, user: Any, process: Process, document: ProcessDocument) -> Task:
    return task_enqueue(
        user=user,
        entity_id=process.entity_id,
        kind=REVIEW_TASK,
        label=f"Revisión de «{document.original_name}»",
        params={"process_id": process.pk, "document_id": document.pk},
    )


def _count(findings: list[dict[str, Any]], severity: str) -> int:
    return sum(1 for f in findings if f.get("severity") == severity)


@transaction.atomic
def process_record_review(*, user: Any, document: ProcessDocument, output: dict[str, Any]) -> ProcessReview:
    """Keep the core's review (``{"process", "findings", "sustainability"}``) as a new version."""
    process = Process.objects.select_for_update().get(pk=document.process_id)
    last = process.reviews.order_by("-version").values_list("version", flat=True).first() or 0
    record = output.get("process") or {}
    findings = list(output.get("findings") or [])
    sustainability = list(output.get("sustainability") or [])
    review = ProcessReview.objects.create(
        process=process, document=document, version=last + 1, record=record, findings=findings, sustainability=sustainability
    )
    before = {"number": process.number, "object": process.object, "modality": process.modality, "budget": process.budget}
    process.number = str(record.get("process_number") or process.number or "")[:100]
    process.object = str(record.get("object") or process.object or "")
    process.modality = str(record.get("modality") or process.modality or "")[:60]
    budget = record.get("budget")
    process.budget = int(budget) if isinstance(budget, int | float) else process.budget
    process.errors_count = _count(findings, "error")
    process.warnings_count = _count(findings, "warning")
    process.gaps_count = sum(1 for gap in sustainability if not gap.get("already_in_document"))
    process.state = ProcessState.REVIEWED
    process.save()
    after = {"number": process.number, "object": process.object, "modality": process.modality, "budget": process.budget}
    from cps.web.audit.services import changes_between

    audit_record(
        user=user,
        entity_id=process.entity_id,
        action="reviewed",
        obj=process,
        summary=(
            f"Revisión versión {review.version}: {count(process.errors_count, 'error', 'errores')}, "
            f"{count(process.warnings_count, 'advertencia', 'advertencias')}"
        ),
        changes=changes_between(before, after),
    )
    return review


def process_mark_failed(*, process_id: int) -> None:
    Process.objects.filter(pk=process_id).update(state=ProcessState.FAILED, updated_at=timezone.now())


def process_url(process: Process | int) -> str:
    pk = process if isinstance(process, int) else process.pk
    return reverse("processes:detail", kwargs={"process_id": pk})


ANNEX_TASK = "process_annex"


def process_request_annex(*, user: Any, process: Process, review: ProcessReview, criteria: list[str], level: str) -> Task:
    """Draft the annex in a background task (the document is read again to mark what it already has)."""
    require_write(user=user, entity=process.entity_id)
    return task_enqueue(
        user=user,
        entity_id=process.entity_id,
        kind=ANNEX_TASK,
        label=f"Anexo de sostenibilidad de {process.number or 'proceso'}",
        params={"process_id": process.pk, "review_id": review.pk, "criteria": criteria, "level": level},
    )


@transaction.atomic
def process_store_annex(*, user: Any, review: ProcessReview, criteria: list[str], level: str, data: bytes) -> Any:
    from django.core.files.base import ContentFile

    from cps.web.processes.models import ProcessAnnex

    process = review.process
    annex = ProcessAnnex(process=process, review=review, criteria=criteria, level=level, created_by=user)
    annex.file.save(f"anexo-{process.number or process.pk}.docx", ContentFile(data), save=False)
    annex.save()
    Process.objects.filter(pk=process.pk).update(updated_at=annex.created_at)
    audit_record(
        user=user,
        entity_id=process.entity_id,
        action="annex",
        obj=process,
        summary=f"Anexo de sostenibilidad con {len(criteria)} criterios (nivel {level or 'todos'}) sobre la revisión {review.version}",
    )
    return annex
