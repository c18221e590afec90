"""Present values: the example's documented figures to the peso, and hand-computed cases."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cps.lcc import carbon, compute
from cps.lcc.model import Case

from .cases import make_case

MINERAL = "Mineral 15W-40, cambio cada 250 h"
SYNTHETIC = "Sintético 5W-40 de larga duración, cambio cada 500 h"
BYPASS = "Sintético con filtración de desvío (bypass) y análisis de aceite"


# ----------------------------------------------------------------- the example (every figure in its comments)


def test_example_present_values(example_case: Case) -> None:
    result = compute(example_case)
    assert [a.npv for a in result.alternatives] == [41_571_332, 32_097_742, 27_700_820]


def test_example_breakdowns(example_case: Case) -> None:
    result = compute(example_case)
    mineral, synthetic, bypass = (a.breakdown.model_dump() for a in result.alternatives)
    assert mineral == {"acquisition": 0, "annual": 41_192_219, "one_off": 0, "residual": 0, "carbon": 379_113}
    assert synthetic == {"acquisition": 0, "annual": 31_739_691, "one_off": 0, "residual": 0, "carbon": 358_051}
    assert bypass == {"acquisition": 4_500_000, "annual": 22_733_689, "one_off": 503_772, "residual": 373_629,
                      "carbon": 336_989}


def test_example_emissions_best_ranking(example_case: Case) -> None:
    result = compute(example_case)
    assert [a.emissions_tco2e for a in result.alternatives] == [Decimal("9.0"), Decimal("8.5"), Decimal("8.0")]
    assert result.best == BYPASS
    assert result.ranking == (BYPASS, SYNTHETIC, MINERAL)
    assert [a.rank for a in result.alternatives] == [3, 2, 1]
    assert result.baseline == MINERAL


def test_example_savings_against_first(example_case: Case) -> None:
    result = compute(example_case)
    by = {a.name: a for a in result.alternatives}
    assert by[MINERAL].savings == 0
    assert by[SYNTHETIC].savings == 41_571_332 - 32_097_742
    assert by[BYPASS].savings == 13_870_512
    assert by[SYNTHETIC].savings_percent == Decimal("22.79")
    assert by[BYPASS].savings_percent == Decimal("33.37")


def test_example_uses_the_file_carbon_price(example_case: Case) -> None:
    result = compute(example_case)
    assert result.carbon_price == Decimal(50000)
    assert result.carbon_price_origin == "case"
    assert "archivo del caso" in result.carbon_price_source


def test_example_json_matches_contract_shape(example_case: Case) -> None:
    data = compute(example_case).model_dump(mode="json")
    first = data["alternatives"][0]
    assert first["npv"] == 41571332
    assert first["emissions_tco2e"] == 9.0 and isinstance(first["emissions_tco2e"], float)
    assert set(first["breakdown"]) == {"acquisition", "annual", "one_off", "residual", "carbon"}
    assert data["best"] == BYPASS


def test_lines_present_values(example_case: Case) -> None:
    bypass = compute(example_case).alternatives[2]
    annual = {line.concept: line.present_value for line in bypass.lines if line.kind == "annual"}
    # 3 900 000 × Σ 1,03^(t−1)/1,06^t, t = 1..5, and the flat lines × annuity factor 4,212364
    assert annual["aceite"] == 17_383_987
    assert annual["mano de obra de cambios"] == 2_948_655
    one_off = [line for line in bypass.lines if line.kind == "one_off"]
    assert one_off[0].year == 3 and one_off[0].present_value == 503_772


# ----------------------------------------------------------------- hand-computed cases, one per line kind


def test_acquisition_is_not_discounted() -> None:
    result = compute(make_case({"name": "A", "acquisition": 1000}, horizon=3, rate=0.1))
    assert result.alternatives[0].npv == 1000
    assert result.alternatives[0].breakdown.acquisition == 1000


def test_annual_line_without_escalation() -> None:
    # 1000/1,1 + 1000/1,21 = 909,0909 + 826,4463 = 1735,54
    case = make_case({"name": "A", "annual": [{"concept": "x", "amount": 1000}]}, horizon=2, rate=0.1)
    assert compute(case).alternatives[0].npv == 1736


def test_annual_line_with_escalation() -> None:
    # 1000/1,1 + 1050/1,21 = 909,0909 + 867,7686 = 1776,86
    case = make_case({"name": "A", "annual": [{"concept": "x", "amount": 1000, "escalation": 0.05}]},
                     horizon=2, rate=0.1)
    assert compute(case).alternatives[0].breakdown.annual == 1777


def test_escalation_equal_to_rate_gives_n_over_one_plus_r() -> None:
    # amount·(1+r)^(t−1)/(1+r)^t = amount/(1+r) every year: 5 × 1000/1,08 = 4629,63
    case = make_case({"name": "A", "annual": [{"amount": 1000, "escalation": 0.08}]}, horizon=5, rate=0.08)
    assert compute(case).alternatives[0].npv == 4630


def test_zero_discount_rate_is_plain_sum() -> None:
    case = make_case({"name": "A", "acquisition": 500,
                      "annual": [{"concept": "x", "amount": 1000, "escalation": 0.1}],
                      "one_off": [{"year": 2, "concept": "y", "amount": 300}],
                      "residual_value": 200, "annual_emissions_tco2e": 2},
                     horizon=3, rate=0, carbon=50000)
    alt = compute(case).alternatives[0]
    assert alt.breakdown.annual == 1000 + 1100 + 1210
    assert alt.breakdown.carbon == 3 * 2 * 50000
    assert alt.npv == 500 + 3310 + 300 - 200 + 300000
    assert alt.emissions_tco2e == 6


def test_horizon_one_year() -> None:
    # annual 1000/1,06 = 943,396; residual 500/1,06 = 471,698; total 471,698
    case = make_case({"name": "A", "annual": [{"amount": 1000}], "residual_value": 500}, horizon=1, rate=0.06)
    alt = compute(case).alternatives[0]
    assert alt.breakdown.annual == 943
    assert alt.breakdown.residual == 472
    assert alt.npv == 472


def test_residual_value_reduces_cost_discounted_at_horizon() -> None:
    # 10000 − 2420/1,1² = 10000 − 2000
    case = make_case({"name": "A", "acquisition": 10000, "residual_value": 2420}, horizon=2, rate=0.1)
    alt = compute(case).alternatives[0]
    assert alt.breakdown.residual == 2000
    assert alt.npv == 8000


def test_one_off_discounted_by_its_year_and_year_zero_not_discounted() -> None:
    case = make_case({"name": "A", "one_off": [{"year": 2, "concept": "x", "amount": 1210},
                                               {"year": 0, "concept": "y", "amount": 77}]},
                     horizon=3, rate=0.1)
    assert compute(case).alternatives[0].breakdown.one_off == 1000 + 77


def test_carbon_line_discounted_like_annual_costs() -> None:
    # 2 t × 50 000 = 100 000 a year: 100000/1,1 + 100000/1,21 = 90909,09 + 82644,63 = 173553,72
    case = make_case({"name": "A", "annual_emissions_tco2e": 2}, horizon=2, rate=0.1, carbon=50000)
    alt = compute(case).alternatives[0]
    assert alt.breakdown.carbon == 173554
    assert alt.npv == 173554
    assert alt.emissions_tco2e == 4


def test_carbon_price_zero_values_no_emissions() -> None:
    case = make_case({"name": "A", "annual_emissions_tco2e": 5, "acquisition": 1}, carbon=0)
    alt = compute(case).alternatives[0]
    assert alt.breakdown.carbon == 0
    assert alt.emissions_tco2e == 25


def test_default_carbon_price_is_the_carbon_tax() -> None:
    case = make_case({"name": "A", "annual_emissions_tco2e": 1}, horizon=1, rate=0, carbon=None)
    price = carbon.resolve(case, on=dt.date(2026, 11, 21))
    assert price.value == Decimal("29070.49")
    assert price.origin == "carbon_tax"
    assert "impuesto nacional al carbono 2026" in price.label()
    assert "DIAN 000003" in price.label()
    result = compute(case, price)
    assert result.alternatives[0].breakdown.carbon == 29070  # 1 t × 29 070,49, half up
    assert "impuesto nacional al carbono 2026" in result.carbon_price_source


def test_carbon_option_overrides_the_file_and_tax_year_is_labelled() -> None:
    case = make_case({"name": "A", "annual_emissions_tco2e": 1}, horizon=1, rate=0, carbon=50000)
    assert carbon.resolve(case, override=Decimal(0)).value == 0
    assert carbon.resolve(case, override=Decimal(0)).origin == "option"
    unconfirmed = carbon.resolve(case, tax_year=2025)
    assert unconfirmed.value == Decimal("27399")
    assert "SIN CONFIRMAR" in unconfirmed.label()


def test_rounding_is_half_up_on_the_exact_value() -> None:
    case = make_case({"name": "A", "acquisition": "2.5"}, {"name": "B", "acquisition": "0.5"}, rate=0)
    assert [a.npv for a in compute(case).alternatives] == [3, 1]


def test_figures_are_rounded_separately_not_summed() -> None:
    # annual 1000/3 per year at r = 0: 333,33…×3 = 1000 exactly; each line rounds on its own
    case = make_case({"name": "A", "annual": [{"amount": "0.4"}, {"amount": "0.4"}]}, horizon=1, rate=0)
    alt = compute(case).alternatives[0]
    assert [line.present_value for line in alt.lines if line.kind == "annual"] == [0, 0]
    assert alt.breakdown.annual == 1  # 0,8 → 1
    assert alt.npv == 1


def test_negative_real_rate_is_allowed() -> None:
    case = make_case({"name": "A", "annual": [{"amount": 100}]}, horizon=1, rate=-0.5)
    assert compute(case).alternatives[0].npv == 200


def test_savings_against_first_alternative_and_negative_savings() -> None:
    case = make_case({"name": "Actual", "acquisition": 1000}, {"name": "Barata", "acquisition": 750},
                     {"name": "Cara", "acquisition": 1200}, rate=0)
    result = compute(case)
    by = {a.name: a for a in result.alternatives}
    assert (by["Barata"].savings, by["Barata"].savings_percent) == (250, Decimal("25.00"))
    assert (by["Cara"].savings, by["Cara"].savings_percent) == (-200, Decimal("-20.00"))
    assert result.best == "Barata"
    assert result.ranking == ("Barata", "Actual", "Cara")


def test_zero_baseline_has_no_percent() -> None:
    case = make_case({"name": "Actual"}, {"name": "Otra", "acquisition": 10}, rate=0)
    assert compute(case).alternatives[1].savings_percent is None


def test_tie_keeps_file_order_and_warns() -> None:
    case = make_case({"name": "Primera", "acquisition": 100}, {"name": "Segunda", "acquisition": 100}, rate=0)
    result = compute(case)
    assert result.best == "Primera"
    assert any("Empate" in w for w in result.warnings)


def test_rate_written_as_whole_percent_is_warned() -> None:
    case = make_case({"name": "A", "annual": [{"amount": 100}]}, horizon=1, rate=6)
    assert any("0.06" in w for w in compute(case).warnings)


@pytest.mark.parametrize("rate", ["6 %", "6%", "6,0 %"])
def test_rate_as_percent_text(rate: str) -> None:
    case = make_case({"name": "A", "annual": [{"amount": 106}]}, horizon=1, rate=rate)
    assert case.discount_rate == Decimal("0.06")
    assert compute(case).alternatives[0].npv == 100
