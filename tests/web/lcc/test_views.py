"""Ciclo de vida: the form with templates computes with the core and keeps the analysis."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from django.urls import reverse

from cps.web.lcc.models import LccAnalysis
from cps.web.lcc.services import analysis_save


@pytest.mark.django_db
def test_the_example_through_the_form_gives_the_expected_figures(login: Any, form_fields: Any, entity_a: Any, writer_a: Any, examples: Path) -> None:
    case = yaml.safe_load((examples / "lcc" / "aceite-motor-volquetas.yaml").read_text(encoding="utf-8"))
    analysis = analysis_save(user=writer_a, entity=entity_a, case=case, result=None, sensitivity=None)
    client = login(writer_a)
    edit = client.get(reverse("lcc:edit", kwargs={"analysis_id": analysis.pk})).content.decode()
    action = reverse("lcc:detail", kwargs={"analysis_id": analysis.pk})
    data = form_fields(edit, action)
    assert data["alt-0-annual-0-amount"] == "7.200.000" and data["discount_rate"] == "6"
    response = client.post(action, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    analysis.refresh_from_db()
    npv = {a["name"]: a["npv"] for a in analysis.result["alternatives"]}
    assert npv == {
        "Mineral 15W-40, cambio cada 250 h": 41571332,
        "Sintético 5W-40 de larga duración, cambio cada 500 h": 32097742,
        "Sintético con filtración de desvío (bypass) y análisis de aceite": 27700820,
    }
    assert analysis.result["best"] == "Sintético con filtración de desvío (bypass) y análisis de aceite"
    page = client.get(action).content.decode()
    assert "$27.700.820" in page
    chart = client.get(reverse("lcc:chart", kwargs={"analysis_id": analysis.pk}))
    assert chart.status_code == 200 and chart["Content-Type"] == "image/svg+xml"


@pytest.mark.django_db
def test_a_template_fills_the_form(login: Any, writer_a: Any) -> None:
    page = login(writer_a).get(reverse("lcc:create"), {"plantilla": "alumbrado-publico"}).content.decode()
    assert "Modernización del alumbrado público" in page
    assert 'name="alt-1-name"' in page


@pytest.mark.django_db
def test_bad_input_is_shown_in_spanish_and_nothing_is_saved(login: Any, writer_a: Any) -> None:
    response = login(writer_a).post(reverse("lcc:create"), {
        "name": "Prueba", "horizon_years": "5", "discount_rate": "6", "alternatives": "1",
        "alt-0-name": "Única", "alt-0-annual_rows": "1", "alt-0-annual-0-concept": "energía", "alt-0-annual-0-amount": "mucho",
    })
    assert response.status_code == 400
    assert "Única, costo anual 1: «mucho» no es un número" in response.content.decode()
    assert not LccAnalysis.objects.exists()
