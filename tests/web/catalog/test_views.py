"""Catálogo: search by text and UNSPSC code, filters by modality and level; the entity's own criteria."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

OWN = {
    "code": "GACH-01", "title": "Entrega de canecas vacías al programa municipal de posconsumo",
    "level": "basico", "placement": "contract_obligation", "dimension": "environmental", "aspect": "waste",
    "nature": "recommendation", "text": "El contratista recogerá las canecas vacías y las entregará al programa municipal.",
    "verification": "Acta de entrega firmada por el supervisor.", "verification_means": "delivery_records",
    "legal_basis": "Plan de gestión integral de residuos sólidos del municipio.", "source_title": "PGIRS de Gachetá 2020-2031",
    "source_status": "confirmed", "detect": "canecas vacías", "applies_to_text": "15121500",
}


@pytest.mark.django_db
def test_search_by_code_modality_and_level(login: Any, reader_a: Any) -> None:
    client = login(reader_a)
    page = client.get(reverse("catalog:list"), {"code": "15121504", "modality": "minima_cuantia"}).content.decode()
    assert "LUB-01" in page
    assert "Criterio de evaluación (puntaje)" not in page  # never scoring in mínima cuantía
    basic = client.get(reverse("catalog:list"), {"code": "15121504", "level": "basico"}).content.decode()
    assert "LUB-04" not in basic and "LUB-04" in client.get(reverse("catalog:list"), {"code": "15121501"}).content.decode()
    bad = client.get(reverse("catalog:list"), {"code": "1512"})
    assert bad.status_code == 200


@pytest.mark.django_db
def test_the_entity_administrator_adds_an_own_criterion(login: Any, admin_a: Any, writer_a: Any, admin_b: Any) -> None:
    assert login(writer_a).post(reverse("catalog:create"), OWN).status_code == 403  # only the administrator
    response = login(admin_a).post(reverse("catalog:create"), OWN)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = login(writer_a).get(reverse("catalog:list"), {"code": "15121504"}).content.decode()
    assert "GACH-01" in page  # merged into the entity's catalog by the core
    other = login(admin_b).get(reverse("catalog:list"), {"code": "15121504"}).content.decode()
    assert "GACH-01" not in other  # another entity never sees it


@pytest.mark.django_db
def test_a_criterion_without_a_valid_id_is_refused(login: Any, admin_a: Any) -> None:
    response = login(admin_a).post(reverse("catalog:create"), {**OWN, "code": "mi criterio"})
    assert response.status_code == 400
    assert "Use mayúsculas, números y guion" in response.content.decode()
