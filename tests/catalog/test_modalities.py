"""The modality table (data/modalidades.yaml)."""

from __future__ import annotations

import pytest

from cps.catalog import UnknownModality, get_modality, modalities
from cps.catalog.model import PLACEMENTS_ES


def test_minima_cuantia_excludes_award_criteria_with_a_confirmed_source() -> None:
    rule = get_modality("minima_cuantia")
    assert rule.excluded_placements == {"award_criterion"}
    assert rule.status == "confirmed"
    assert "menor precio" in rule.rule
    for placement in PLACEMENTS_ES:
        assert rule.allows(placement) == (placement != "award_criterion")


def test_every_modality_of_the_process_record_is_known() -> None:
    known = set(modalities())
    assert {"minima_cuantia", "licitacion_publica", "seleccion_abreviada_menor_cuantia", "subasta_inversa",
            "concurso_de_meritos", "contratacion_directa", "regimen_especial"} <= known
    for rule in modalities().values():
        assert rule.status in {"confirmed", "secondary", "unconfirmed"}
        assert rule.source and rule.rule


def test_unknown_modality() -> None:
    with pytest.raises(UnknownModality):
        get_modality("menor_cuantia")
