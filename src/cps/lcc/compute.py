"""Present value of the life-cycle cost of each alternative, exactly as the example file says.

Every present value is computed in ``Decimal`` with 50 significant digits, term by term in the
documented form, and rounded half up to whole pesos only when reported: no intermediate rounding
(this reproduces ``examples/lcc/aceite-motor-volquetas.yaml`` to the peso).

    acquisition                       year 0, not discounted
    annual line   Σₜ₌₁..N amount·(1+escalation)^(t−1) / (1+r)^t
    one-off       amount / (1+r)^year
    residual      residual_value / (1+r)^N          (recovered: subtracted)
    carbon        Σₜ₌₁..N annual_emissions·carbon_price / (1+r)^t
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from cps.lcc import carbon as carbon_prices
from cps.lcc.carbon import CarbonPrice
from cps.lcc.model import Alternative, AnnualCost, Case
from cps.lcc.result import AlternativeResult, Breakdown, LineResult, Result
from cps.money import round_pesos

PRECISION = 50
ONE = Decimal(1)


@contextmanager
def exact() -> Iterator[None]:
    """Decimal context for the computation (50 digits, half-up where Decimal rounds)."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        ctx.rounding = ROUND_HALF_UP
        yield


def annual_present_value(line: AnnualCost, rate: Decimal, horizon: int, escalation: Decimal | None = None) -> Decimal:
    esc = line.escalation if escalation is None else escalation
    with exact():
        return sum(
            (line.amount * (ONE + esc) ** (t - 1) / (ONE + rate) ** t for t in range(1, horizon + 1)),
            Decimal(0),
        )


def discounted(amount: Decimal, rate: Decimal, year: int) -> Decimal:
    with exact():
        return amount / (ONE + rate) ** year


def carbon_present_value(alt: Alternative, price: Decimal, rate: Decimal, horizon: int) -> Decimal:
    with exact():
        yearly = alt.annual_emissions_tco2e * price
        return sum((yearly / (ONE + rate) ** t for t in range(1, horizon + 1)), Decimal(0))


@dataclass(frozen=True)
class ExactValues:
    """Unrounded present values of one alternative."""

    acquisition: Decimal
    annual: tuple[Decimal, ...]
    one_off: tuple[Decimal, ...]
    residual: Decimal
    carbon: Decimal

    @property
    def total(self) -> Decimal:
        with exact():
            return self.acquisition + sum(self.annual, Decimal(0)) + sum(self.one_off, Decimal(0)) - self.residual + self.carbon


def exact_values(
    alt: Alternative,
    *,
    rate: Decimal,
    horizon: int,
    carbon_price: Decimal,
    escalations: dict[int, Decimal] | None = None,
) -> ExactValues:
    """Present values of ``alt``; ``escalations`` replaces the escalation of some annual lines (by index)."""
    escalations = escalations or {}
    return ExactValues(
        acquisition=alt.acquisition,
        annual=tuple(
            annual_present_value(line, rate, horizon, escalations.get(i)) for i, line in enumerate(alt.annual)
        ),
        one_off=tuple(discounted(item.amount, rate, item.year) for item in alt.one_off),
        residual=discounted(alt.residual_value, rate, horizon),
        carbon=carbon_present_value(alt, carbon_price, rate, horizon),
    )


def rank_order(totals: list[Decimal]) -> list[int]:
    """Indexes from cheapest to dearest; equal present values keep the order of the file."""
    return sorted(range(len(totals)), key=lambda i: (totals[i], i))


def savings_percent(baseline: int, npv: int) -> Decimal | None:
    """Saving against the baseline in percent, two decimals, half up (None if the baseline is 0)."""
    if baseline == 0:
        return None
    with exact():
        return (Decimal(baseline - npv) * 100 / Decimal(baseline)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _lines(alt: Alternative, values: ExactValues) -> tuple[LineResult, ...]:
    lines = [LineResult(kind="acquisition", concept="adquisición", present_value=round_pesos(values.acquisition), year=0)]
    for i, (line, pv) in enumerate(zip(alt.annual, values.annual, strict=True), start=1):
        lines.append(LineResult(kind="annual", concept=line.concept or f"costo anual {i}",
                                present_value=round_pesos(pv), escalation=line.escalation))
    for i, (item, pv) in enumerate(zip(alt.one_off, values.one_off, strict=True), start=1):
        lines.append(LineResult(kind="one_off", concept=item.concept or f"costo único {i}",
                                present_value=round_pesos(pv), year=item.year))
    lines.append(LineResult(kind="residual", concept="valor residual", present_value=round_pesos(values.residual)))
    lines.append(LineResult(kind="carbon", concept="emisiones valoradas al precio del carbono",
                            present_value=round_pesos(values.carbon)))
    return tuple(lines)


def compute(case: Case, carbon: CarbonPrice | None = None) -> Result:
    """Present value, breakdown, emissions, ranking and savings against the first alternative."""
    price = carbon or carbon_prices.resolve(case)
    with exact():
        return _compute(case, price)


def _compute(case: Case, price: CarbonPrice) -> Result:
    exacts = [
        exact_values(alt, rate=case.discount_rate, horizon=case.horizon_years, carbon_price=price.value)
        for alt in case.alternatives
    ]
    totals = [v.total for v in exacts]
    order = rank_order(totals)
    rank_of = {index: position for position, index in enumerate(order, start=1)}
    npvs = [round_pesos(t) for t in totals]
    baseline = npvs[0]
    emissions = [alt.annual_emissions_tco2e * case.horizon_years for alt in case.alternatives]
    alternatives = tuple(
        AlternativeResult(
            name=alt.name,
            npv=npvs[i],
            breakdown=Breakdown(
                acquisition=round_pesos(v.acquisition),
                annual=round_pesos(sum(v.annual, Decimal(0))),
                one_off=round_pesos(sum(v.one_off, Decimal(0))),
                residual=round_pesos(v.residual),
                carbon=round_pesos(v.carbon),
            ),
            emissions_tco2e=emissions[i],
            rank=rank_of[i],
            savings=baseline - npvs[i],
            savings_percent=savings_percent(baseline, npvs[i]),
            lines=_lines(alt, v),
        )
        for i, (alt, v) in enumerate(zip(case.alternatives, exacts, strict=True))
    )
    warnings = _warnings(case, npvs, order)
    best = case.alternatives[order[0]].name
    return Result(
        case=case.name,
        currency=case.currency,
        horizon_years=case.horizon_years,
        discount_rate=case.discount_rate,
        carbon_price=price.value,
        carbon_price_source=price.label(),
        carbon_price_origin=price.origin,
        carbon_price_year=price.year,
        alternatives=alternatives,
        ranking=tuple(case.alternatives[i].name for i in order),
        best=best,
        baseline=case.alternatives[0].name,
        warnings=warnings,
    )


def _warnings(case: Case, npvs: list[int], order: list[int]) -> tuple[str, ...]:
    out: list[str] = []
    if len(case.alternatives) == 1:
        out.append("El caso tiene una sola alternativa: no hay con qué compararla.")
    if len(order) > 1 and npvs[order[0]] == npvs[order[1]]:
        tied = [case.alternatives[i].name for i in order if npvs[i] == npvs[order[0]]]
        out.append("Empate al peso en el menor costo entre: " + "; ".join(f"«{n}»" for n in tied)
                   + ". Se muestra primero la de menor valor sin redondear (o la primera del archivo).")
    if case.discount_rate > 1:
        out.append(
            f"La tasa de descuento es {case.discount_rate}, es decir {case.discount_rate * 100} %. "
            "Si quiso decir ese número en porcentaje, escríbala como fracción (0.06 = 6 %)."
        )
    for alt in case.alternatives:
        for line in alt.annual:
            if line.escalation > 1:
                out.append(f"En «{alt.name}», el escalamiento de «{line.concept}» es {line.escalation * 100} % anual; "
                           "¿quiso escribirlo como fracción (0.03 = 3 %)?")
    return tuple(out)
