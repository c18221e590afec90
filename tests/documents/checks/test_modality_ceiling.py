"""The mínima cuantía ceiling against the band the document declares for its entity."""

from pathlib import Path

from cps.documents.readers import read_document
from cps.documents.review import review_document

HEAD = """INVITACIÓN PÚBLICA PROCESO DE MÍNIMA CUANTÍA No. MC-001-2026
ALCALDÍA MUNICIPAL DE PRUEBA
1. PRESUPUESTO OFICIAL
El presupuesto oficial es de {words} ($ {digits}).
2. TOPE
{band}
"""


def _ceiling_findings(tmp_path: Path, words: str, digits: str, band: str):
    path = tmp_path / "invitacion.txt"
    path.write_text(HEAD.format(words=words, digits=digits, band=band), encoding="utf-8")
    review = review_document(read_document(path))
    return [f for f in review.findings if f.code.startswith("MC_CEILING")]


def test_budget_within_the_declared_band_is_information(tmp_path):
    found = _ceiling_findings(
        tmp_path, "SETENTA Y SIETE MILLONES DE PESOS", "77.000.000",
        "La menor cuantía de la entidad es de cuatrocientos cincuenta (450) SMMLV.",
    )
    assert [(f.code, f.severity) for f in found] == [("MC_CEILING_BANDS", "info")]
    assert "menor cuantía de 450 SMMLV (sección 2)" in found[0].message


def test_budget_above_the_declared_band_is_an_error(tmp_path):
    found = _ceiling_findings(
        tmp_path, "SESENTA MILLONES DE PESOS", "60.000.000",
        "La menor cuantía de la entidad es de doscientos ochenta (280) SMMLV.",
    )
    assert [(f.code, f.severity) for f in found] == [("MC_CEILING_EXCEEDED", "error")]


def test_without_a_declared_band_a_budget_that_only_fits_big_entities_asks_to_verify(tmp_path):
    found = _ceiling_findings(tmp_path, "SETENTA Y SIETE MILLONES DE PESOS", "77.000.000", "Sin dato.")
    assert [(f.code, f.severity) for f in found] == [("MC_CEILING_BANDS", "warning")]


def test_a_declared_value_that_is_no_legal_band_is_ignored(tmp_path):
    found = _ceiling_findings(
        tmp_path, "SETENTA Y SIETE MILLONES DE PESOS", "77.000.000",
        "La menor cuantía de la entidad es de quinientos (500) SMMLV.",
    )
    assert [(f.code, f.severity) for f in found] == [("MC_CEILING_BANDS", "warning")]
