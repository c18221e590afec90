"""What ``cps lcc`` computes, as pydantic models (the JSON of CONTRACTS.md plus extra keys).

Amounts are whole pesos (``int``), each rounded half up from the exact present value; quantities
that are not pesos (rates, tCO2e, percentages) are ``Decimal`` and go to JSON as numbers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, PlainSerializer

from cps.lcc.model import LineKind


def _number(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() and value.as_tuple().exponent == 0 else float(value)


# Decimal that is written to JSON as a number (pydantic writes Decimal as a string by default).
Number = Annotated[Decimal, PlainSerializer(_number, return_type=float | int, when_used="json")]
# Same, always with a decimal point (``9.0``), as CONTRACTS.md shows for tCO2e.
Quantity = Annotated[Decimal, PlainSerializer(float, return_type=float, when_used="json")]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Breakdown(_Model):
    """Present value of each kind of line. ``residual`` is the value recovered (it is subtracted):
    ``npv ≈ acquisition + annual + one_off − residual + carbon`` (each figure is rounded on its
    own from the exact value, so the sum may differ from ``npv`` by a peso)."""

    acquisition: int
    annual: int
    one_off: int
    residual: int
    carbon: int


class LineResult(_Model):
    kind: LineKind
    concept: str
    present_value: int
    year: int | None = None
    escalation: Number | None = None


class AlternativeResult(_Model):
    name: str
    npv: int
    breakdown: Breakdown
    emissions_tco2e: Quantity
    rank: int
    savings: int
    savings_percent: Number | None
    lines: tuple[LineResult, ...]


class Result(_Model):
    case: str
    currency: str
    horizon_years: int
    discount_rate: Number
    carbon_price: Number
    carbon_price_source: str
    carbon_price_origin: str
    carbon_price_year: int | None = None
    alternatives: tuple[AlternativeResult, ...]
    ranking: tuple[str, ...]
    best: str
    baseline: str
    warnings: tuple[str, ...] = ()

    def by_name(self, name: str) -> AlternativeResult:
        for alt in self.alternatives:
            if alt.name == name:
                return alt
        raise KeyError(name)
