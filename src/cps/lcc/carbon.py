"""Which carbon price values the emissions: the case's, the user's, or Colombia's carbon tax."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

from cps.errors import InputError
from cps.law import params
from cps.lcc.model import Case
from cps.money import format_cop

Origin = Literal["case", "option", "carbon_tax"]


class CarbonPrice(BaseModel):
    """The price applied to each tCO2e, with where it comes from (shown to the user)."""

    model_config = ConfigDict(frozen=True)

    value: Decimal
    origin: Origin
    source: str
    year: int | None = None
    status: str | None = None

    def label(self) -> str:
        """``$29.070,49 por tCO2e — impuesto nacional al carbono 2026 (Resolución DIAN …)``."""
        decimals = 0 if self.value == self.value.to_integral_value() else 2
        return f"{format_cop(self.value, decimals=decimals)} por tCO2e — {self.source}"


def from_carbon_tax(year: int | None = None, *, on: dt.date | None = None) -> CarbonPrice:
    """Colombia's carbon tax (Ley 1819 de 2016 art. 222): of ``year``, or the latest confirmed one."""
    try:
        value = params.carbon_tax(year) if year is not None else params.latest_carbon_tax(on)
    except params.MissingParameter as error:
        raise InputError(str(error), field="carbon_price") from error
    status = params.STATUS_LABELS[value.status]
    source = f"impuesto nacional al carbono {value.year}, {value.source}"
    if not value.confirmed:
        source += f" [{status}]"
    return CarbonPrice(value=value.value, origin="carbon_tax", source=source, year=value.year, status=value.status)


def resolve(
    case: Case,
    *,
    override: Decimal | None = None,
    tax_year: int | None = None,
    on: dt.date | None = None,
) -> CarbonPrice:
    """The price that applies: an explicit option, then the case file, then the carbon tax.

    ``override`` (command-line ``--carbon-price``) wins over the file; ``tax_year``
    (``--carbon-year``) asks for the carbon tax of that year even when the file gives a price.
    """
    if override is not None:
        if override < 0 or not override.is_finite():
            raise InputError("el precio del carbono no puede ser negativo (use 0 para no valorarlo)",
                             field="--carbon-price")
        return CarbonPrice(value=override, origin="option", source="valor indicado en la línea de comandos")
    if tax_year is not None:
        return from_carbon_tax(tax_year)
    if case.carbon_price is not None:
        return CarbonPrice(value=case.carbon_price, origin="case", source="valor del archivo del caso (carbon_price)")
    return from_carbon_tax(on=on)
