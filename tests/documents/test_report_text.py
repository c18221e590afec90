"""The readable Spanish report: counts in singular and plural, every finding under its severity."""

from pathlib import Path

from cps.documents.readers import read_document
from cps.documents.report_text import render
from cps.documents.review import review_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_counts_agree_in_number():
    text = render(review_document(read_document(FIXTURES / "000_9a7e475fc923e426.txt")))
    assert "Resultado: 0 errores, 1 advertencia, 0 observaciones informativas." in text


def test_every_finding_is_printed_under_its_severity():
    review = review_document(read_document(FIXTURES / "003_910f26f6926a9d9c.txt"))
    text = render(review)
    counts = review.counts()
    assert f"ERRORES ({counts['error']})" in text
    for finding in review.findings:
        assert f"[{finding.code}]" in text
