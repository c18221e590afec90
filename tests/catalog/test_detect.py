"""Recognising a criterion's wording in a document (cps.catalog.detect)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cps.catalog import find_present, load_catalog, present_in, recommend
from cps.catalog.detect import _folded, _folded_slow, fold

SEED = Path(__file__).parents[1] / "fixtures" / "003_910f26f6926a9d9c.txt"


def test_fold_ignores_case_accents_and_spaces() -> None:
    assert fold("  GESTIÓN\tde  Residuos\nPeligrosos ") == "gestion de residuos peligrosos"


def test_used_oil_clause_is_recognised_whatever_the_accents() -> None:
    text = (
        "CLÁUSULA DÉCIMA. OBLIGACIONES.\n"
        "El CONTRATISTA deberá recoger los ACEITES LUBRICANTES USADOS y entregarlos a un GESTOR "
        "autorizado por la CAR, con certificado de disposición."
    )
    evidence = present_in(text, load_catalog().criterion("LUB-01"))
    assert evidence is not None
    assert evidence.line == 2
    assert "ACEITES LUBRICANTES USADOS" in evidence.excerpt  # quoted from the original text
    assert evidence.pattern.startswith("re:")


def test_phrase_pattern_and_evidence_position() -> None:
    text = "Especificaciones\n\nLos detergentes tendrán el Sello Ambiental Colombiano o equivalente."
    evidence = present_in(text, load_catalog().criterion("LIM-01"))
    assert evidence is not None
    assert evidence.pattern == "sello ambiental colombiano"
    assert text[evidence.start:evidence.end] == "Sello Ambiental Colombiano"
    assert evidence.line == 3


def test_absent_wording_gives_none() -> None:
    catalog = load_catalog()
    assert present_in("Suministro de filtros de aire para volquetas.", catalog.criterion("FIL-01")) is None
    assert present_in("", catalog.criterion("FIL-01")) is None


def test_the_seed_invitation_has_none_of_its_goods_criteria() -> None:
    text = SEED.read_text(encoding="utf-8")
    catalog = load_catalog()
    goods = ["15121504", "15121501", "15121902", "15121508", "40141734", "40161504", "40161505", "40161513"]
    criteria = [i.criterion for r in recommend(goods, modality="minima_cuantia", catalog=catalog) for i in r.items]
    assert criteria
    assert find_present(text, criteria) == {}


def test_the_seed_already_has_the_social_security_obligation() -> None:
    text = SEED.read_text(encoding="utf-8")
    evidence = present_in(text, load_catalog().criterion("LAB-01"))
    assert evidence is not None
    assert "seguridad social" in evidence.excerpt



@given(st.text(alphabet=st.sampled_from(list("aeiouáéíóúñÑÁ ºª²\t\n\u00a0ßﬁ.,-AZ09")), max_size=60))
def test_fast_folding_is_the_character_by_character_folding(text):
    _folded.cache_clear()
    assert _folded(text) == _folded_slow(text)
