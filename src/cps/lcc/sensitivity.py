"""How the result moves: present values and ranking over discount rates and over the escalation
of each alternative's largest annual line, and the discount rates at which the cheapest
alternative changes (break-even).

Present values at each point use the same exact arithmetic as :func:`cps.lcc.compute.compute`.
The break-even search scans the range on a fine grid (0,25 points) and refines each change of
the cheapest alternative by bisection to about 1e-15, reported to 0,01 percentage point.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from cps.lcc import carbon as carbon_prices
from cps.lcc.carbon import CarbonPrice
from cps.lcc.compute import ONE, exact, exact_values, rank_order
from cps.lcc.model import Alternative, Case
from cps.lcc.result import Number, _Model
from cps.money import format_percent, round_pesos

DEFAULT_RATES = (Decimal("0"), Decimal("0.15"), Decimal("0.01"))
DEFAULT_ESCALATION_DELTAS = (Decimal("-0.05"), Decimal("0.05"), Decimal("0.01"))
DEFAULT_BREAK_EVEN_RANGE = (Decimal("0"), Decimal("1"))
SCAN_STEP = Decimal("0.0025")
BISECTION_STEPS = 60
REPORTED_RATE = Decimal("0.0001")  # 0,01 percentage point
MAX_POINTS = 2001


class RatePoint(_Model):
    rate: Number
    npv: dict[str, int]
    ranking: tuple[str, ...]
    best: str


class EscalationLine(_Model):
    """The annual line whose escalation is varied in one alternative."""

    alternative: str
    concept: str
    escalation: Number


class EscalationPoint(_Model):
    delta: Number
    npv: dict[str, int]
    ranking: tuple[str, ...]
    best: str


class BreakEven(_Model):
    rate: Number
    rate_percent: str
    before: str
    after: str
    npv: int


class Sensitivity(_Model):
    base_rate: Number
    rates: tuple[RatePoint, ...]
    escalation_lines: tuple[EscalationLine, ...]
    escalation: tuple[EscalationPoint, ...]
    break_even: tuple[BreakEven, ...]
    break_even_range: tuple[Number, Number]
    break_even_note: str


def grid(start: Decimal, stop: Decimal, step: Decimal) -> tuple[Decimal, ...]:
    """``start, start+step, … ≤ stop`` (exact decimals)."""
    if step <= 0:
        raise ValueError("el paso debe ser mayor que cero")
    if stop < start:
        raise ValueError("el final del rango debe ser mayor o igual que el inicio")
    count = int((stop - start) / step) + 1
    if count > MAX_POINTS:
        raise ValueError(f"el rango tiene demasiados puntos ({count}; máximo {MAX_POINTS})")
    return tuple(start + step * i for i in range(count))


def _npvs(case: Case, price: Decimal, rate: Decimal, escalations: dict[int, dict[int, Decimal]] | None = None
          ) -> list[Decimal]:
    escalations = escalations or {}
    return [
        exact_values(alt, rate=rate, horizon=case.horizon_years, carbon_price=price, escalations=escalations.get(i)).total
        for i, alt in enumerate(case.alternatives)
    ]


def _named(case: Case, totals: list[Decimal]) -> tuple[dict[str, int], tuple[str, ...], str]:
    order = rank_order(totals)
    names = [alt.name for alt in case.alternatives]
    ranking = tuple(names[i] for i in order)
    return {names[i]: round_pesos(t) for i, t in enumerate(totals)}, ranking, ranking[0]


def largest_annual_line(alt: Alternative, case: Case, price: Decimal) -> int | None:
    """Index of the annual line with the largest present value at the case's rate (first on ties)."""
    if not alt.annual:
        return None
    values = exact_values(alt, rate=case.discount_rate, horizon=case.horizon_years, carbon_price=price).annual
    return max(range(len(values)), key=lambda i: (values[i], -i))


def cash_flows(alt: Alternative, horizon: int, price: Decimal) -> list[Decimal]:
    """Undiscounted cost of each year 0..N (the residual value subtracted in year N)."""
    with exact():
        flows = [Decimal(0)] * (horizon + 1)
        flows[0] += alt.acquisition
        for line in alt.annual:
            for t in range(1, horizon + 1):
                flows[t] += line.amount * (ONE + line.escalation) ** (t - 1)
        for item in alt.one_off:
            flows[item.year] += item.amount
        for t in range(1, horizon + 1):
            flows[t] += alt.annual_emissions_tco2e * price
        flows[horizon] -= alt.residual_value
        return flows


def _present(flows: list[Decimal], rate: Decimal) -> Decimal:
    with exact():
        factor = ONE / (ONE + rate)
        total = Decimal(0)
        for amount in reversed(flows):
            total = total * factor + amount
        return total


def break_even_rates(case: Case, price: Decimal, low: Decimal, high: Decimal) -> tuple[BreakEven, ...]:
    """Discount rates in [low, high] at which the alternative with the lowest present value changes."""
    flows = [cash_flows(alt, case.horizon_years, price) for alt in case.alternatives]
    names = [alt.name for alt in case.alternatives]

    def best(rate: Decimal) -> int:
        return rank_order([_present(f, rate) for f in flows])[0]

    found: list[BreakEven] = []
    if len(flows) < 2:
        return ()
    points = list(grid(low, high, SCAN_STEP))
    if points[-1] < high:
        points.append(high)
    previous_rate, previous_best = points[0], best(points[0])
    for rate in points[1:]:
        current = best(rate)
        if current != previous_best:
            lo, hi = previous_rate, rate
            with exact():
                for _ in range(BISECTION_STEPS):
                    mid = (lo + hi) / 2
                    if best(mid) == previous_best:
                        lo = mid
                    else:
                        hi = mid
                crossing = (lo + hi) / 2
            after = best(hi)
            reported = crossing.quantize(REPORTED_RATE, rounding=ROUND_HALF_UP)
            found.append(BreakEven(
                rate=reported,
                rate_percent=format_percent(reported),
                before=names[previous_best],
                after=names[after],
                npv=round_pesos(_present(flows[previous_best], crossing)),
            ))
            current = best(rate)
        previous_rate, previous_best = rate, current
    return tuple(found)


def _note(case: Case, found: tuple[BreakEven, ...], low: Decimal, high: Decimal, best_at_low: str) -> str:
    span = f"{format_percent(low, 0)} a {format_percent(high, 0)}"
    if len(case.alternatives) < 2:
        return "Con una sola alternativa no hay tasa de equilibrio."
    if not found:
        return (f"Con tasas de descuento reales de {span}, la alternativa de menor costo es siempre "
                f"«{best_at_low}»: no hay tasa de equilibrio en ese rango.")
    parts = [
        f"con una tasa de {b.rate_percent} la alternativa de menor costo pasa de «{b.before}» a «{b.after}»"
        for b in found
    ]
    return f"En el rango de {span}: " + "; ".join(parts) + "."


def sensitivity(
    case: Case,
    carbon: CarbonPrice | None = None,
    *,
    rates: tuple[Decimal, ...] | None = None,
    escalation_deltas: tuple[Decimal, ...] | None = None,
    break_even_range: tuple[Decimal, Decimal] | None = None,
) -> Sensitivity:
    """Present values and ranking over ``rates`` and over changes of escalation of the largest
    annual line of each alternative (``escalation_deltas``, in fractions: 0.01 = one point)."""
    price = (carbon or carbon_prices.resolve(case)).value
    if rates is None:
        rates = grid(*DEFAULT_RATES)
        if case.discount_rate not in rates:
            rates = tuple(sorted((*rates, case.discount_rate)))
    rates = tuple(r for r in rates if r > -1)
    rate_points = []
    for rate in rates:
        npv, ranking, best = _named(case, _npvs(case, price, rate))
        rate_points.append(RatePoint(rate=rate, npv=npv, ranking=ranking, best=best))

    largest = {i: largest_annual_line(alt, case, price) for i, alt in enumerate(case.alternatives)}
    lines = tuple(
        EscalationLine(alternative=alt.name, concept=alt.annual[idx].concept or f"costo anual {idx + 1}",
                       escalation=alt.annual[idx].escalation)
        for alt, idx in ((case.alternatives[i], j) for i, j in largest.items()) if idx is not None
    )
    deltas = escalation_deltas if escalation_deltas is not None else grid(*DEFAULT_ESCALATION_DELTAS)
    escalation_points = []
    if lines:
        for delta in deltas:
            changes = {
                i: {j: case.alternatives[i].annual[j].escalation + delta}
                for i, j in largest.items() if j is not None
            }
            if any(value <= -1 for change in changes.values() for value in change.values()):
                continue
            npv, ranking, best = _named(case, _npvs(case, price, case.discount_rate, changes))
            escalation_points.append(EscalationPoint(delta=delta, npv=npv, ranking=ranking, best=best))

    low, high = break_even_range or DEFAULT_BREAK_EVEN_RANGE
    if low <= -1 or high <= low:
        raise ValueError("el rango de búsqueda de la tasa de equilibrio no es válido")
    found = break_even_rates(case, price, low, high)
    best_at_low = _named(case, _npvs(case, price, low))[2]
    return Sensitivity(
        base_rate=case.discount_rate,
        rates=tuple(rate_points),
        escalation_lines=lines,
        escalation=tuple(escalation_points),
        break_even=found,
        break_even_range=(low, high),
        break_even_note=_note(case, found, low, high, best_at_low),
    )
