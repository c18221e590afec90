from pathlib import Path

from cps.documents.checks import all_rules
from cps.documents.rules_doc import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "review.md"


def test_docs_review_is_generated_from_the_rules():
    assert DOC.read_text(encoding="utf-8") == render(), "regenerate: python -m cps.documents.rules_doc > docs/review.md"


def test_every_rule_is_documented_in_spanish_with_its_norm():
    codes = [rule.code for rule in all_rules()]
    assert len(codes) == len(set(codes))
    for rule in all_rules():
        assert rule.title and rule.explanation and rule.norm
        assert rule.severity in ("error", "warning", "info")
