"""The review task runs the core on the uploaded seed invitation and keeps its output."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cps.web.processes.models import Process, ProcessState
from cps.web.processes.services import process_add_document, process_create_from_upload
from cps.web.tasks.models import Task
from cps.web.tasks.services import run_pending_tasks


def _upload(path: Path) -> SimpleUploadedFile:
    return SimpleUploadedFile("invitacion-MC-034-2026.txt", path.read_bytes(), content_type="text/plain")


@pytest.mark.django_db
def test_the_seed_invitation_is_reviewed_in_the_background(entity_a: Any, writer_a: Any, seed_invitation: Path, login: Any) -> None:
    process, task = process_create_from_upload(user=writer_a, entity=entity_a, upload=_upload(seed_invitation))
    assert process.state == ProcessState.REVIEWING
    assert run_pending_tasks() == 1
    task.refresh_from_db()
    process.refresh_from_db()
    assert task.status == "done", task.error
    assert task.done_url == reverse("processes:detail", kwargs={"process_id": process.pk})
    assert process.state == ProcessState.REVIEWED
    assert process.number == "MC-034-2026"
    assert process.budget == 49016520
    review = process.reviews.get()
    assert review.record["entity_nit"] == "899999331-2"
    assert any(f["code"] == "UNSPSC_MALFORMED" for f in review.findings)
    assert process.errors_count == sum(1 for f in review.findings if f["severity"] == "error") > 0

    page = login(writer_a).get(reverse("processes:detail", kwargs={"process_id": process.pk})).content.decode()
    assert "Código UNSPSC mal formado" in page
    assert "4000000" in page  # the evidence is quoted
    assert "$49.016.520" in page  # es-CO amounts


@pytest.mark.django_db
def test_a_new_document_version_keeps_the_history(entity_a: Any, writer_a: Any, seed_invitation: Path) -> None:
    process, _ = process_create_from_upload(user=writer_a, entity=entity_a, upload=_upload(seed_invitation))
    run_pending_tasks()
    process_add_document(user=writer_a, process=Process.objects.get(pk=process.pk), upload=_upload(seed_invitation))
    run_pending_tasks()
    assert list(process.reviews.values_list("version", flat=True).order_by("version")) == [1, 2]
    assert process.documents.count() == 2
    assert Task.objects.filter(status="done").count() == 2


@pytest.mark.django_db
def test_an_unreadable_document_fails_with_a_spanish_message(entity_a: Any, writer_a: Any) -> None:
    upload = SimpleUploadedFile("roto.docx", b"PK\x03\x04 no es un docx", content_type="application/octet-stream")
    process, task = process_create_from_upload(user=writer_a, entity=entity_a, upload=upload)
    run_pending_tasks()
    task.refresh_from_db()
    process.refresh_from_db()
    assert task.status == "failed"
    assert "roto.docx" in task.error
    assert process.state == ProcessState.FAILED


@pytest.mark.django_db
def test_the_review_looks_for_the_entitys_own_criteria(
    login: Any, admin_a: Any, writer_a: Any, entity_a: Any, admin_b: Any, entity_b: Any, seed_invitation: Path
) -> None:
    from tests.web.catalog.test_views import OWN

    assert login(admin_a).post(reverse("catalog:create"), OWN).status_code == 302
    own, _ = process_create_from_upload(user=writer_a, entity=entity_a, upload=_upload(seed_invitation))
    other, _ = process_create_from_upload(user=admin_b, entity=entity_b, upload=_upload(seed_invitation))
    assert run_pending_tasks() == 2

    def criteria_of(process: Process) -> set[str]:
        review = Process.objects.get(pk=process.pk).reviews.get()
        return {c for item in review.sustainability for c in item["criteria"]}

    assert "GACH-01" in criteria_of(own)  # the entity's criterion for its lubricants (15121500)
    assert "GACH-01" not in criteria_of(other)  # never another entity's
