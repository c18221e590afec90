"""Evaluaciones in the browser's terms: import the example, run it, read statuses, download reports, decide."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from cps.web.evaluations.models import Evaluation


def _create(client: Any, examples: Path) -> Evaluation:
    path = examples / "evaluation" / "mc-034-2026.yaml"
    response = client.post(reverse("evaluations:create"), {"case_file": SimpleUploadedFile(path.name, path.read_bytes())})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Evaluation.objects.get()


@pytest.mark.django_db
def test_run_the_example_and_download_both_reports(login: Any, form_fields: Any, writer_a: Any, examples: Path) -> None:
    client = login(writer_a)
    evaluation = _create(client, examples)
    detail = reverse("evaluations:detail", kwargs={"evaluation_id": evaluation.pk})
    save = reverse("evaluations:save", kwargs={"evaluation_id": evaluation.pk})
    data = form_fields(client.get(detail).content.decode(), save)
    assert client.post(save, {**data, "action": "run"}).status_code == 302
    version = evaluation.versions.get()
    assert version.result["outcome"] == "adjudicada" and version.result["selected"] == "A"
    statuses = {o["id"]: o["status"] for o in version.result["offers"]}
    assert statuses == {"A": "selected", "B": "rejected", "C": "not_verified"}
    page = client.get(detail).content.decode()
    assert "Seleccionada" in page and "Rechazada" in page and "1,22 %" in page
    for kind in ("interno", "publico"):
        url = reverse("evaluations:report", kwargs={"evaluation_id": evaluation.pk, "version": 1, "kind": kind, "ext": "docx"})
        response = client.get(url)
        assert response.status_code == 200
        text = "\n".join(p.text for p in Document(io.BytesIO(b"".join(response.streaming_content))).paragraphs)
        assert "MC-034-2026" in text
    pdf = client.get(reverse("evaluations:report", kwargs={"evaluation_id": evaluation.pk, "version": 1, "kind": "publico", "ext": "pdf"}))
    assert b"".join(pdf.streaming_content)[:5] == b"%PDF-"


@pytest.mark.django_db
def test_after_the_decision_a_change_makes_version_two(login: Any, form_fields: Any, writer_a: Any, examples: Path) -> None:
    client = login(writer_a)
    evaluation = _create(client, examples)
    detail = reverse("evaluations:detail", kwargs={"evaluation_id": evaluation.pk})
    save = reverse("evaluations:save", kwargs={"evaluation_id": evaluation.pk})
    data = form_fields(client.get(detail).content.decode(), save)
    client.post(save, {**data, "action": "run"})
    assert client.post(reverse("evaluations:decide", kwargs={"evaluation_id": evaluation.pk})).status_code == 302
    data = form_fields(client.get(detail).content.decode(), save)
    data["o-1-declared_total"] = "44.030.000"  # B's form corrected: now the lowest price
    data["reason"] = "subsanación de la oferta B"
    client.post(save, {**data, "action": "run"})
    first, second = evaluation.versions.order_by("number")
    assert first.decided and first.result["selected"] == "A"
    assert second.number == 2 and not second.decided and second.result["selected"] == "B"
    assert second.reason == "subsanación de la oferta B"


@pytest.mark.django_db
def test_a_case_the_core_refuses_shows_its_spanish_message(login: Any, writer_a: Any) -> None:
    client = login(writer_a)
    client.post(reverse("evaluations:create"), {"title": "Vacía"})
    evaluation = Evaluation.objects.get()
    response = client.post(reverse("evaluations:save", kwargs={"evaluation_id": evaluation.pk}), {"items": "0", "offers": "0", "action": "run"})
    assert response.status_code == 400
    assert "Revise los datos" in response.content.decode()
    assert evaluation.versions.get().result is None
