"""Missing essentials: one warning per missing datum in an invitation, one warning when the document
is not a process document at all (the seed minutes)."""

from pathlib import Path

from cps.documents.readers import read_document
from cps.documents.review import review_document

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _codes(path: Path) -> list[str]:
    return [f.code for f in review_document(read_document(path)).findings]


def test_the_minutes_are_not_an_invitation():
    review = review_document(read_document(FIXTURES / "000_9a7e475fc923e426.txt"))
    found = [f for f in review.findings if f.family == "contenido mínimo"]
    assert [f.code for f in found] == ["NOT_A_PROCESS_DOCUMENT"]
    assert "el número del proceso" in found[0].message and "el objeto" in found[0].message


def test_the_seed_invitation_has_every_essential():
    codes = _codes(FIXTURES / "003_910f26f6926a9d9c.txt")
    assert "NOT_A_PROCESS_DOCUMENT" not in codes and "MISSING_ESSENTIAL" not in codes


def test_one_missing_essential_is_named(tmp_path):
    path = tmp_path / "invitacion.txt"
    path.write_text(
        "INVITACIÓN PÚBLICA DE MÍNIMA CUANTÍA No. MC-009-2026\nALCALDÍA MUNICIPAL DE PRUEBA\n"
        "1. OBJETO\nSuministro de papel para las oficinas de la alcaldía.\n"
        "2. PRESUPUESTO OFICIAL\nDiez millones de pesos ($10.000.000).\n"
        "3. PLAZO\nEl plazo de ejecución es de treinta (30) días calendario.\n",
        encoding="utf-8",
    )
    messages = [f.message for f in review_document(read_document(path)).findings if f.code == "MISSING_ESSENTIAL"]
    assert any("UNSPSC" in m for m in messages)
    assert "NOT_A_PROCESS_DOCUMENT" not in _codes(path)
