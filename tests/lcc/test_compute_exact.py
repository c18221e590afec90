"""Property test: the Decimal computation agrees to the peso with exact rational arithmetic."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from cps.lcc import compute

from .cases import make_case

RATES = st.sampled_from(["0", "0.03", "0.06", "0.09", "0.12", "-0.02", "0.055", "0.1"])
ESCALATIONS = st.sampled_from(["0", "0.01", "0.02", "0.03", "-0.01", "0.045"])
AMOUNTS = st.integers(min_value=0, max_value=500_000_000)


def half_up(value: Fraction) -> int:
    sign = -1 if value < 0 else 1
    return sign * int(abs(value) + Fraction(1, 2))


def reference(alt: dict[str, Any], horizon: int, rate: str, price: int) -> dict[str, int]:
    r = Fraction(rate)
    annual = sum((Fraction(line["amount"]) * (1 + Fraction(line["escalation"])) ** (t - 1) / (1 + r) ** t
                  for line in alt["annual"] for t in range(1, horizon + 1)), Fraction(0))
    one_off = sum((Fraction(o["amount"]) / (1 + r) ** o["year"] for o in alt["one_off"]), Fraction(0))
    residual = Fraction(alt["residual_value"]) / (1 + r) ** horizon
    carbon = sum((Fraction(alt["annual_emissions_tco2e"]) * price / (1 + r) ** t for t in range(1, horizon + 1)),
                 Fraction(0))
    total = alt["acquisition"] + annual + one_off - residual + carbon
    return {"npv": half_up(total), "annual": half_up(annual), "one_off": half_up(one_off),
            "residual": half_up(residual), "carbon": half_up(carbon)}


@st.composite
def cases(draw: st.DrawFn) -> tuple[int, str, int, list[dict[str, Any]]]:
    horizon = draw(st.integers(min_value=1, max_value=15))
    rate = draw(RATES)
    price = draw(st.sampled_from([0, 29070, 50000]))
    alternatives = []
    for i in range(draw(st.integers(min_value=1, max_value=3))):
        alternatives.append({
            "name": f"alt {i}",
            "acquisition": draw(AMOUNTS),
            "annual": [{"concept": "c", "amount": draw(AMOUNTS), "escalation": draw(ESCALATIONS)}
                       for _ in range(draw(st.integers(min_value=0, max_value=3)))],
            "one_off": [{"year": draw(st.integers(min_value=0, max_value=horizon)), "concept": "o",
                         "amount": draw(AMOUNTS)} for _ in range(draw(st.integers(min_value=0, max_value=2)))],
            "residual_value": draw(AMOUNTS),
            "annual_emissions_tco2e": draw(st.sampled_from(["0", "1.8", "0.25", "12"])),
        })
    return horizon, rate, price, alternatives


@settings(max_examples=150, deadline=None)
@given(cases())
def test_decimal_result_equals_exact_rational_result(case: tuple[int, str, int, list[dict[str, Any]]]) -> None:
    horizon, rate, price, alternatives = case
    result = compute(make_case(*alternatives, horizon=horizon, rate=rate, carbon=price))
    for alt, got in zip(alternatives, result.alternatives, strict=True):
        want = reference(alt, horizon, rate, price)
        assert got.npv == want["npv"]
        assert got.breakdown.annual == want["annual"]
        assert got.breakdown.one_off == want["one_off"]
        assert got.breakdown.residual == want["residual"]
        assert got.breakdown.carbon == want["carbon"]
        assert got.breakdown.acquisition == alt["acquisition"]
