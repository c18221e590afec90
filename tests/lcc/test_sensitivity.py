"""Sensitivity to the discount rate and to escalation; break-even discount rates."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cps.lcc import compute, sensitivity
from cps.lcc.model import Case
from cps.lcc.sensitivity import grid

from .cases import make_case

BYPASS = "Sintético con filtración de desvío (bypass) y análisis de aceite"
SYNTHETIC = "Sintético 5W-40 de larga duración, cambio cada 500 h"


def float_npv(case: Case, index: int, rate: float) -> float:
    """Independent float computation of the documented formula (for cross-checks)."""
    alt = case.alternatives[index]
    n = case.horizon_years
    price = float(case.carbon_price or 0)
    total = float(alt.acquisition)
    for line in alt.annual:
        total += sum(float(line.amount) * (1 + float(line.escalation)) ** (t - 1) / (1 + rate) ** t
                     for t in range(1, n + 1))
    total += sum(float(o.amount) / (1 + rate) ** o.year for o in alt.one_off)
    total -= float(alt.residual_value) / (1 + rate) ** n
    total += sum(float(alt.annual_emissions_tco2e) * price / (1 + rate) ** t for t in range(1, n + 1))
    return total


def test_rate_grid_contains_the_case_rate_with_the_same_figures(example_case: Case) -> None:
    sens = sensitivity(example_case)
    result = compute(example_case)
    rates = [p.rate for p in sens.rates]
    assert rates[0] == 0 and rates[-1] == Decimal("0.15") and len(rates) == 16
    at_case = next(p for p in sens.rates if p.rate == example_case.discount_rate)
    assert at_case.npv == {a.name: a.npv for a in result.alternatives}
    assert at_case.best == result.best


def test_rate_point_at_zero_is_the_undiscounted_sum(example_case: Case) -> None:
    zero = sensitivity(example_case).rates[0]
    assert zero.npv[BYPASS] == round(float_npv(example_case, 2, 0.0))


def test_case_rate_is_added_to_the_default_grid() -> None:
    case = make_case({"name": "A", "annual": [{"amount": 100}]}, rate="0.065")
    assert Decimal("0.065") in [p.rate for p in sensitivity(case).rates]


def test_example_break_even_rate(example_case: Case) -> None:
    sens = sensitivity(example_case)
    assert len(sens.break_even) == 1
    be = sens.break_even[0]
    assert (be.before, be.after) == (BYPASS, SYNTHETIC)
    assert be.rate == Decimal("0.3565")
    assert be.rate_percent == "35,65 %"
    # the two present values cross between 35,64 % and 35,66 % (independent float computation)
    assert float_npv(example_case, 2, 0.3564) < float_npv(example_case, 1, 0.3564)
    assert float_npv(example_case, 2, 0.3566) > float_npv(example_case, 1, 0.3566)
    assert abs(be.npv - float_npv(example_case, 1, float(be.rate))) < 20_000
    assert "35,65 %" in sens.break_even_note


def test_break_even_of_a_hand_computed_case() -> None:
    # A pays 1000 now; B pays 1100 at the end of year 1: equal when 1100/(1+r) = 1000, r = 10 %
    case = make_case({"name": "A", "acquisition": 1000},
                     {"name": "B", "one_off": [{"year": 1, "concept": "pago", "amount": 1100}]}, horizon=1)
    sens = sensitivity(case)
    assert [(b.rate, b.before, b.after, b.npv) for b in sens.break_even] == [(Decimal("0.1000"), "A", "B", 1000)]


def test_break_even_outside_the_search_range_is_reported_as_none(example_case: Case) -> None:
    sens = sensitivity(example_case, break_even_range=(Decimal(0), Decimal("0.2")))
    assert sens.break_even == ()
    assert "no hay tasa de equilibrio" in sens.break_even_note
    assert "0 % a 20 %" in sens.break_even_note


def test_two_break_evens_in_order() -> None:
    case = make_case(
        {"name": "Diésel", "acquisition": 165_000_000, "annual": [{"amount": 14_000_000}],
         "residual_value": 41_250_000},
        {"name": "Gasolina", "acquisition": 150_000_000, "annual": [{"amount": 16_800_000}],
         "residual_value": 37_500_000},
        {"name": "Eléctrica", "acquisition": 191_500_000, "annual": [{"amount": 11_000_000}],
         "residual_value": 46_250_000},
        horizon=8, rate=0.09,
    )
    sens = sensitivity(case)
    rates = [b.rate for b in sens.break_even]
    assert rates == sorted(rates) and len(rates) >= 2
    for b in sens.break_even:
        names = [a.name for a in case.alternatives]
        i, j = names.index(b.before), names.index(b.after)
        below, above = float(b.rate) - 0.0002, float(b.rate) + 0.0002
        assert float_npv(case, i, below) < float_npv(case, j, below)
        assert float_npv(case, i, above) > float_npv(case, j, above)


def test_single_alternative_has_no_break_even() -> None:
    sens = sensitivity(make_case({"name": "A", "acquisition": 1}))
    assert sens.break_even == ()
    assert "una sola alternativa" in sens.break_even_note


def test_escalation_varies_the_largest_annual_line(example_case: Case) -> None:
    sens = sensitivity(example_case)
    assert {line.concept for line in sens.escalation_lines} == {"aceite"}
    deltas = [p.delta for p in sens.escalation]
    assert deltas[0] == Decimal("-0.05") and deltas[-1] == Decimal("0.05") and len(deltas) == 11
    base = next(p for p in sens.escalation if p.delta == 0)
    assert base.npv[BYPASS] == 27_700_820
    higher = next(p for p in sens.escalation if p.delta == Decimal("0.01"))
    # bypass with oil escalating at 4 % instead of 3 %: only that line changes
    oil = example_case.alternatives[2].annual[0]
    change = sum(float(oil.amount) * (1.04 ** (t - 1) - 1.03 ** (t - 1)) / 1.06 ** t for t in range(1, 6))
    assert higher.npv[BYPASS] == round(float_npv(example_case, 2, 0.06) + change)


def test_escalation_picks_each_alternatives_own_largest_line() -> None:
    case = make_case(
        {"name": "A", "annual": [{"concept": "pequeña", "amount": 10}, {"concept": "grande", "amount": 1000}]},
        {"name": "B", "annual": [{"concept": "energía", "amount": 500, "escalation": 0.02}]},
        {"name": "C", "acquisition": 100},
    )
    sens = sensitivity(case, escalation_deltas=(Decimal("-0.01"), Decimal(0)))
    assert [(line.alternative, line.concept) for line in sens.escalation_lines] == [("A", "grande"), ("B", "energía")]
    assert len(sens.escalation) == 2


def test_escalation_points_that_would_reach_minus_100_percent_are_skipped() -> None:
    case = make_case({"name": "A", "annual": [{"amount": 100, "escalation": -0.97}]})
    sens = sensitivity(case)
    assert min(p.delta for p in sens.escalation) == Decimal("-0.02")


def test_no_annual_lines_means_no_escalation_sensitivity() -> None:
    sens = sensitivity(make_case({"name": "A", "acquisition": 5}, {"name": "B", "acquisition": 6}))
    assert sens.escalation == () and sens.escalation_lines == ()


def test_custom_rates() -> None:
    case = make_case({"name": "A", "annual": [{"amount": 110}]}, horizon=1)
    sens = sensitivity(case, rates=grid(Decimal(0), Decimal("0.1"), Decimal("0.05")))
    assert [(p.rate, p.npv["A"]) for p in sens.rates] == [(0, 110), (Decimal("0.05"), 105), (Decimal("0.10"), 100)]


@pytest.mark.parametrize(("start", "stop", "step"), [("0", "1", "0"), ("1", "0", "0.1"), ("0", "100", "0.001")])
def test_bad_grids(start: str, stop: str, step: str) -> None:
    with pytest.raises(ValueError):
        grid(Decimal(start), Decimal(stop), Decimal(step))
