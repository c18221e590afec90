"""Uploads over the size limit or of the wrong type are refused with a Spanish message."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cps.web.processes.models import Process


@pytest.mark.django_db
def test_document_over_the_size_limit_is_refused(login: Any, writer_a: Any) -> None:
    big = SimpleUploadedFile("invitacion.txt", b"a" * (1024 * 1024 + 1), content_type="text/plain")
    response = login(writer_a).post(reverse("processes:create"), {"document": big})
    assert response.status_code == 400
    assert "el límite es 1 MB" in response.content.decode()
    assert not Process.objects.exists()


@pytest.mark.django_db
def test_document_of_a_wrong_type_is_refused(login: Any, writer_a: Any) -> None:
    exe = SimpleUploadedFile("invitacion.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = login(writer_a).post(reverse("processes:create"), {"document": exe})
    assert response.status_code == 400
    assert "no es de un tipo aceptado" in response.content.decode()
    assert not Process.objects.exists()


@pytest.mark.django_db
def test_document_whose_content_does_not_match_its_name_is_refused(login: Any, writer_a: Any) -> None:
    fake_pdf = SimpleUploadedFile("invitacion.pdf", b"esto no es un PDF", content_type="application/pdf")
    response = login(writer_a).post(reverse("processes:create"), {"document": fake_pdf})
    assert response.status_code == 400
    assert "no corresponde a un archivo .pdf" in response.content.decode()


@pytest.mark.django_db
def test_extract_of_a_wrong_type_is_refused(login: Any, writer_a: Any) -> None:
    xlsx = SimpleUploadedFile("procesos.xlsx", b"PK\x03\x04", content_type="application/vnd.ms-excel")
    response = login(writer_a).post(reverse("goals:extracts"), {"kind": "procesos", "file": xlsx})
    assert response.status_code == 400
    assert "Se aceptan archivos JSON lines" in response.content.decode()


@pytest.mark.django_db
def test_a_good_document_creates_the_process_and_queues_its_review(login: Any, writer_a: Any, seed_invitation: Any) -> None:
    from cps.web.tasks.models import Task

    upload = SimpleUploadedFile("invitacion.txt", seed_invitation.read_bytes(), content_type="text/plain")
    response = login(writer_a).post(reverse("processes:create"), {"document": upload})
    process = Process.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("processes:detail", kwargs={"process_id": process.pk})
    task = Task.objects.get()
    assert task.params["process_id"] == process.pk
    assert task.status == "pending"
