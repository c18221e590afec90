from __future__ import annotations

from typing import Any

from cps.evaluation import evaluate, load_case
from cps.law import tiebreak as law


def _tie(example: dict[str, Any]) -> dict[str, Any]:
    """A and B at the same price, both compliant (B's form fixed)."""
    a, b = example["offers"][0], example["offers"][1]
    b["unit_prices"] = dict(a["unit_prices"])
    b["declared_total"] = a["declared_total"]
    return example


def test_every_step_has_the_outcome_of_each_remaining_offer(example: dict[str, Any]) -> None:
    example = _tie(example)
    example["offers"][1]["tie_break"] = {"national": True, "mipyme": True, "bic_mipyme": True}
    result = evaluate(load_case(example))
    tie = result.tie_break
    assert tie is not None and tie.decided_by == 11 and tie.winner == "B"
    assert [s.factor for s in tie.steps] == list(range(1, 12))
    for step in tie.steps:
        assert step.outcomes is not None
        assert [o.offer for o in step.outcomes] == ["A", "B"]
        assert step.title == law.factor(step.factor).title
        assert step.reserved == law.factor(step.factor).reserved
    assert result.random_draw is None


def test_factor_7_is_only_for_plural_bidders(example: dict[str, Any]) -> None:
    example = _tie(example)
    example["offers"][0]["tie_break"]["plural_women_reintegration"] = True
    result = evaluate(load_case(example))
    assert result.tie_break is not None
    step7 = next(s for s in result.tie_break.steps if s.factor == 7)
    assert step7.met_by == []
    assert result.tie_break.decided_by == 13


def test_random_draw_without_published_seed_uses_the_process_number_and_warns(example: dict[str, Any]) -> None:
    example = _tie(example)
    del example["process"]["random_method_seed"]
    result = evaluate(load_case(example))
    assert result.random_draw is not None
    assert result.random_draw.seed == "MC-034-2026" and result.random_draw.seed_source == "process.number"
    assert any("semilla" in w for w in result.warnings)
