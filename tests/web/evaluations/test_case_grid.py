"""The offers grid round-trips the example case: what the page shows, posted back, is the same case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cps.web.evaluations.forms import read_case_yaml
from cps.web.evaluations.services import evaluation_create, evaluation_current


@pytest.mark.django_db
def test_the_grid_round_trips_the_example_case(login: Any, form_fields: Any, entity_a: Any, writer_a: Any, examples: Path) -> None:
    path = examples / "evaluation" / "mc-034-2026.yaml"
    case = read_case_yaml(SimpleUploadedFile(path.name, path.read_bytes()))
    evaluation = evaluation_create(user=writer_a, entity=entity_a, title="MC-034-2026", case=case)
    client = login(writer_a)
    page = client.get(reverse("evaluations:detail", kwargs={"evaluation_id": evaluation.pk})).content.decode()
    action = reverse("evaluations:save", kwargs={"evaluation_id": evaluation.pk})
    data = form_fields(page, action)
    assert data["o-1-declared_total"] == "43.500.000"  # es-CO in the grid
    assert data["o-0-price-1"] == "2.750.000"
    response = client.post(action, {**data, "action": "save"})
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = evaluation_current(evaluation=evaluation).case
    assert saved["process"]["items"] == case["process"]["items"]
    assert saved["process"]["official_budget"] == case["process"]["official_budget"]
    for before, after in zip(case["offers"], saved["offers"], strict=True):
        assert after["declared_total"] == before["declared_total"]
        assert after["unit_prices"] == {str(k): v for k, v in before["unit_prices"].items()}
        assert after["bidder"] == before["bidder"]  # members of the consortium kept
        assert after["experience"] == before["experience"]
        assert after["tie_break"] == before["tie_break"]
        assert after["certificate_issued"] == before["certificate_issued"]


@pytest.mark.django_db
def test_a_bad_amount_in_the_grid_is_reported_in_spanish(login: Any, entity_a: Any, writer_a: Any) -> None:
    evaluation = evaluation_create(user=writer_a, entity=entity_a, title="X", case={"process": {"items": [{"id": 1, "description": "Aceite"}]}, "offers": []})
    response = login(writer_a).post(
        reverse("evaluations:save", kwargs={"evaluation_id": evaluation.pk}),
        {"items": "1", "i-0-id": "1", "i-0-description": "Aceite", "offers": "1", "o-0-id": "A", "o-0-name": "Uno", "o-0-declared_total": "mucho"},
    )
    assert response.status_code == 400
    assert "Oferta A, valor declarado: «mucho» no es un valor en pesos" in response.content.decode()
