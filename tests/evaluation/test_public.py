from __future__ import annotations

from typing import Any

from cps.evaluation import evaluate, load_case, redact, to_dict


def _tie(example: dict[str, Any], **evidence: Any) -> dict[str, Any]:
    a, b = example["offers"][0], example["offers"][1]
    b["unit_prices"] = dict(a["unit_prices"])
    b["declared_total"] = a["declared_total"]
    b["tie_break"].update(evidence)
    return example


def test_non_reserved_decision_after_reserved_factors_is_published(example: dict[str, Any]) -> None:
    example["offers"][0]["bidder"]["mipyme"] = False
    example["offers"][0]["tie_break"]["mipyme"] = False
    example["process"]["mipyme_limited"] = False
    result = evaluate(load_case(_tie(example)))
    assert result.tie_break is not None and result.tie_break.decided_by == 8
    public = redact(result)
    tie = public.tie_break
    assert tie is not None and tie.decided_by == 8 and not tie.decided_by_reserved
    assert [s.kept for s in tie.steps] == [["A", "B"]] + [None] * 7
    assert result.tie_break.steps[7].kept == ["B"]  # the internal result is not modified


def test_random_draw_is_published_without_candidates(example: dict[str, Any]) -> None:
    result = evaluate(load_case(_tie(example)))
    assert result.random_draw is not None and result.random_draw.candidates == ["A", "B"]
    data = to_dict(redact(result))
    draw = data["random_draw"]
    assert draw["seed"] == "MC-034-2026/sorteo" and draw["winner"] == result.selected
    assert draw["candidates"] is None and draw["sha256"] is None and draw["index"] is None
    assert data["tie_break"]["decided_by"] == 13


def test_reserved_evidence_never_reaches_the_public_json(example: dict[str, Any]) -> None:
    result = evaluate(load_case(_tie(example, ethnic_payroll_pct=0.2)))
    assert result.tie_break is not None and result.tie_break.decided_by == 5
    text = str(to_dict(redact(result)))
    assert "20 %" not in text and "población" not in text.split("reserve_note")[0]
    assert "'decided_by': None" in text
