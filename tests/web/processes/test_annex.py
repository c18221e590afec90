"""Choose criteria and level → the Word annex, drafted by the core in a background task."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from cps.web.processes.services import process_create_from_upload
from cps.web.tasks.services import run_pending_tasks


@pytest.mark.django_db
def test_choose_criteria_and_download_the_annex(login: Any, entity_a: Any, writer_a: Any, seed_invitation: Path) -> None:
    upload = SimpleUploadedFile("invitacion.txt", seed_invitation.read_bytes(), content_type="text/plain")
    process, _ = process_create_from_upload(user=writer_a, entity=entity_a, upload=upload)
    run_pending_tasks()
    client = login(writer_a)
    detail = reverse("processes:detail", kwargs={"process_id": process.pk})
    page = client.get(detail).content.decode()
    assert 'name="criteria" value="LUB-01"' in page  # offered for the lubricants
    response = client.post(reverse("processes:annex_request", kwargs={"process_id": process.pk}), {"criteria": ["LUB-01", "FIL-01"], "level": "basico"})
    assert response.status_code == 302
    assert run_pending_tasks() == 1
    annex = process.annexes.get()
    assert annex.criteria == ["LUB-01", "FIL-01"] and annex.level == "basico"
    download = client.get(reverse("processes:annex", kwargs={"process_id": process.pk, "annex_id": annex.pk}))
    assert download.status_code == 200
    assert 'filename="anexo-sostenibilidad-MC-034-2026.docx"' in download["Content-Disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(b"".join(download.streaming_content))).paragraphs)
    assert "MC-034-2026" in text
    page = client.get(detail).content.decode()
    assert "Descargar el anexo" in page


@pytest.mark.django_db
def test_an_annex_needs_at_least_one_criterion(login: Any, objects_a: dict[str, Any], admin_a: Any) -> None:
    from cps.web.tasks.models import Task

    before = Task.objects.count()
    response = login(admin_a).post(reverse("processes:annex_request", kwargs={"process_id": objects_a["process_id"]}), {"level": "basico"})
    assert response.status_code == 302
    assert Task.objects.count() == before
