from __future__ import annotations

from typing import Any

from cps.evaluation import evaluate, load_case

from .conftest import EXAMPLE


def test_example_statuses_and_order() -> None:
    result = evaluate(load_case(EXAMPLE))
    assert [(o.id, o.status, o.price_rank) for o in result.offers] == [
        ("A", "selected", 1), ("B", "rejected", None), ("C", "not_verified", 2)]
    assert result.verification_order == ["A"]
    assert result.outcome == "adjudicada" and result.selected == "A"


def test_when_the_cheapest_fails_the_next_is_verified(example: dict[str, Any]) -> None:
    example["offers"][0]["certificate_issued"] = "2026-06-01"
    result = evaluate(load_case(example))
    assert result.verification_order == ["A", "C"]
    assert result.outcome == "desierta"  # C does not comply either (certificate, experience)
    assert result.desierta is not None and result.desierta.causal == "B"
    assert [o.status for o in result.offers] == ["not_compliant", "rejected", "not_compliant"]


def test_evaluation_is_deterministic() -> None:
    case = load_case(EXAMPLE)
    assert evaluate(case) == evaluate(case)
