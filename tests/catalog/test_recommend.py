"""Matching precedence, modality and level filtering (cps.catalog.recommend)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cps.catalog import UnknownModality, load_catalog, load_files, recommend, recommend_code
from cps.catalog.model import Catalog
from cps.law.unspsc import MalformedCode

from .helpers import SOURCES, criterion


@pytest.fixture
def ladder(write_catalog: Callable[..., Path]) -> Catalog:
    """One criterion at each level of 40161505 (filters), plus one narrowed to a commodity."""
    path = write_catalog(
        [
            ("segmento", ["40000000"], [criterion("SEG-01")]),
            ("familia", ["40160000"], [criterion("FAM-01")]),
            ("clase", ["40161500"], [criterion("CLA-01"), criterion("CLA-02", applies_to=["40161500", "40161505"])]),
            ("producto", ["40161505"], [criterion("PRO-01")]),
            ("otra-familia", ["40140000"], [criterion("OTR-01")]),
        ],
        sources=SOURCES,
    )
    return load_files([path])


def test_most_specific_match_comes_first(ladder: Catalog) -> None:
    result = recommend_code("40161505", catalog=ladder)
    assert result.level == "commodity"
    assert result.ids == ["CLA-02", "PRO-01", "CLA-01", "FAM-01", "SEG-01"]
    matched = {i.criterion.id: (i.matched_on, i.match_level) for i in result.items}
    assert matched["CLA-02"] == ("40161505", "commodity")  # listed once, at its most specific code
    assert matched["CLA-01"] == ("40161500", "class")
    assert matched["FAM-01"] == ("40160000", "family")
    assert matched["SEG-01"] == ("40000000", "segment")


def test_a_code_does_not_inherit_from_siblings_or_children(ladder: Catalog) -> None:
    assert recommend_code("40161504", catalog=ladder).ids == ["CLA-01", "CLA-02", "FAM-01", "SEG-01"]
    assert recommend_code("40160000", catalog=ladder).ids == ["FAM-01", "SEG-01"]  # not the class below it
    assert recommend_code("40141734", catalog=ladder).ids == ["OTR-01", "SEG-01"]
    assert recommend_code("15121501", catalog=ladder).ids == []


def test_recommend_keeps_the_order_of_the_codes(ladder: Catalog) -> None:
    results = recommend(["40141734", "V1.40161505"], catalog=ladder)
    assert [r.code for r in results] == ["40141734", "40161505"]


def test_malformed_code_raises(ladder: Catalog) -> None:
    with pytest.raises(MalformedCode):
        recommend_code("4016150", catalog=ladder)


@pytest.fixture
def placements(write_catalog: Callable[..., Path]) -> Catalog:
    path = write_catalog(
        [("clase", ["40161500"], [
            criterion("AWD-01", placements=["award_criterion"]),
            criterion("MIX-01", placements=["award_criterion", "technical_specification", "contract_obligation"]),
            criterion("OBL-01", placements=["contract_obligation"]),
            criterion("ADV-01", level="avanzado"),
        ])],
        sources=SOURCES,
    )
    return load_files([path])


def test_minima_cuantia_never_returns_an_award_criterion(placements: Catalog) -> None:
    result = recommend_code("40161505", modality="minima_cuantia", catalog=placements)
    assert result.ids == ["MIX-01", "OBL-01", "ADV-01"]  # AWD-01, award only, is dropped
    mix = result.items[0]
    assert mix.placement == "technical_specification"  # first allowed in the criterion's own order
    assert mix.allowed_placements == ("technical_specification", "contract_obligation")
    assert all("award_criterion" not in i.allowed_placements for i in result.items)


def test_modalities_that_score_keep_award_criteria(placements: Catalog) -> None:
    result = recommend_code("40161505", modality="licitacion_publica", catalog=placements)
    assert result.ids == ["AWD-01", "MIX-01", "OBL-01", "ADV-01"]
    assert result.items[1].placement == "award_criterion"
    assert recommend_code("40161505", catalog=placements).ids == result.ids  # no modality: no filter


def test_unknown_modality_is_refused(placements: Catalog) -> None:
    with pytest.raises(UnknownModality, match="modalidad desconocida «subasta»"):
        recommend_code("40161505", modality="subasta", catalog=placements)


def test_level_filtering(placements: Catalog) -> None:
    assert "ADV-01" not in recommend_code("40161505", level="basico", catalog=placements).ids
    assert recommend_code("40161505", level="avanzado", catalog=placements).ids == [
        "AWD-01", "MIX-01", "OBL-01", "ADV-01"]  # advanced includes basic
    with pytest.raises(ValueError, match="nivel desconocido"):
        recommend_code("40161505", level="medio", catalog=placements)


# --------------------------------------------------------------------------- the real catalog


def test_acceptance_codes_of_the_seed() -> None:
    results = recommend(["15121501", "15121504", "40161505", "47131801"], modality="minima_cuantia")
    by_code = {r.code: r.ids for r in results}
    assert all(by_code.values())
    assert "LUB-01" in by_code["15121501"]  # used oil as hazardous waste
    assert by_code["15121504"][0] == "HID-01"  # biodegradable hydraulic fluid, the commodity's own criterion
    assert "LUB-01" in by_code["15121504"]
    assert "HID-02" not in by_code["15121504"]  # award only
    assert "FIL-01" in by_code["40161505"]  # filter disposal
    assert "LIM-01" in by_code["47131801"]  # SAC or equivalent
    assert all(i.placement != "award_criterion" for r in results for i in r.items)
    assert all("award_criterion" not in i.allowed_placements for r in results for i in r.items)


def test_every_seed_good_gets_criteria() -> None:
    catalog = load_catalog()
    for code in ("15121504", "15121501", "15121902", "15121508", "40141734", "40161504", "40161505",
                 "40161513", "40161515"):
        assert recommend_code(code, modality="minima_cuantia", catalog=catalog).items, code


def test_engine_oil_criterion_does_not_reach_hydraulic_oil() -> None:
    assert "LUB-04" in recommend_code("15121501").ids
    assert "LUB-04" not in recommend_code("15121504").ids
