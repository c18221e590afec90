from __future__ import annotations

from decimal import Decimal
from typing import Any

from cps.evaluation import load_case
from cps.evaluation.economic import lines, review


def test_example_offer_b_is_off_by_1_22_percent() -> None:
    from .conftest import EXAMPLE

    case = load_case(EXAMPLE)
    b = review(case, case.offers[1])
    assert b.corrected_total == 44030000
    assert b.difference == 530000
    assert b.relative_difference.quantize(Decimal("0.0001")) == Decimal("0.0122")
    assert [r.causal for r in b.reasons] == ["K"]


def test_decimal_quantities_round_half_up_once_at_the_end(example: dict[str, Any]) -> None:
    example["process"]["items"] = [
        {"id": 1, "description": "Combustible", "unit": "galón", "quantity": 2.5, "max_unit_price": 20000},
        {"id": 2, "description": "Aditivo", "unit": "litro", "quantity": 0.5, "max_unit_price": 20000},
    ]
    for offer in example["offers"]:
        offer["unit_prices"] = {1: 1001, 2: 1001}
        offer["declared_total"] = 3003
    case = load_case(example)
    result = review(case, case.offers[0])
    # 2.5 × 1001 + 0.5 × 1001 = 2502.5 + 500.5 = 3003 (no rounding of each line)
    assert result.corrected_total == 3003
    example["process"]["items"][1]["quantity"] = 1
    case = load_case(example)
    assert review(case, case.offers[0]).corrected_total == 3504  # 3503.5 → 3504


def test_lines_keep_the_offer_statements(example: dict[str, Any]) -> None:
    offer = example["offers"][0]
    del offer["unit_prices"]
    offer["items"] = [{"id": i, "unit_price": p} for i, p in {1: 2750000, 2: 2950000, 3: 400000, 4: 90000,
                                                                 5: 170000, 6: 80000}.items()]
    offer["items"][0]["unit"] = "tambor"
    case = load_case(example)
    first = lines(case, case.offers[0])[0]
    assert first.unit == "tambor" and first.total == 4 * 2750000
    assert [r.causal for r in review(case, case.offers[0]).reasons] == ["N"]
