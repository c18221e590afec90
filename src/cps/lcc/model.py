"""The life-cycle-cost case: what the user writes (YAML, web form, API) as pydantic models.

Conventions (``examples/lcc/aceite-motor-volquetas.yaml``, ``docs/lcc-format.md``): money in COP
at constant prices, ``discount_rate`` is the real annual rate, acquisition in year 0, annual
costs at the end of years 1..N with their own real escalation, one-off costs at the end of their
year, residual value recovered at the end of the horizon, annual emissions valued at the carbon
price at the end of each year 1..N.

The reader (:mod:`cps.lcc.reader`) checks types and unknown keys with Spanish messages that
name the alternative and the field; the validators below enforce the ranges, so a case built in
code (web app, API) obeys the same rules.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

MAX_HORIZON_YEARS = 100


def _non_negative(value: Decimal) -> Decimal:
    _finite(value)
    if value < 0:
        raise ValueError("el valor no puede ser negativo")
    return value


# an amount of money or of emissions: finite and not negative
NonNegative = Annotated[Decimal, AfterValidator(_non_negative)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AnnualCost(_Strict):
    """A cost paid at the end of every year 1..N: ``amount * (1 + escalation) ** (t - 1)``."""

    concept: str = ""
    amount: NonNegative
    escalation: Decimal = Decimal(0)

    @field_validator("escalation")
    @classmethod
    def _escalation(cls, value: Decimal) -> Decimal:
        _finite(value)
        if value <= -1:
            raise ValueError("el escalamiento debe ser mayor que -100 % (-1)")
        return value


class OneOffCost(_Strict):
    """A cost paid once, at the end of ``year`` (0 = with the acquisition)."""

    year: int
    concept: str = ""
    amount: NonNegative

    @field_validator("year")
    @classmethod
    def _year(cls, value: int) -> int:
        if value < 0:
            raise ValueError("el año no puede ser negativo")
        return value


class Alternative(_Strict):
    name: str
    acquisition: NonNegative = Decimal(0)
    annual: tuple[AnnualCost, ...] = ()
    one_off: tuple[OneOffCost, ...] = ()
    residual_value: NonNegative = Decimal(0)
    annual_emissions_tco2e: NonNegative = Decimal(0)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("la alternativa necesita un nombre")
        return value


class Case(_Strict):
    name: str = ""
    currency: Literal["COP"] = "COP"
    horizon_years: int = Field(description="years of use counted (N)")
    discount_rate: Decimal = Field(description="real annual discount rate, 0.06 = 6 %")
    carbon_price: Decimal | None = Field(
        default=None, description="COP per tCO2e; None = Colombia's carbon tax of the year"
    )
    alternatives: tuple[Alternative, ...]

    @field_validator("horizon_years")
    @classmethod
    def _horizon(cls, value: int) -> int:
        if value < 1:
            raise ValueError("el horizonte debe ser de al menos 1 año")
        if value > MAX_HORIZON_YEARS:
            raise ValueError(f"el horizonte no puede pasar de {MAX_HORIZON_YEARS} años")
        return value

    @field_validator("discount_rate")
    @classmethod
    def _rate(cls, value: Decimal) -> Decimal:
        _finite(value)
        if value <= -1:
            raise ValueError("la tasa de descuento debe ser mayor que -100 % (-1)")
        return value

    @field_validator("carbon_price")
    @classmethod
    def _carbon(cls, value: Decimal | None) -> Decimal | None:
        if value is not None:
            _finite(value)
            if value < 0:
                raise ValueError("el precio del carbono no puede ser negativo (use 0 para no valorarlo)")
        return value

    @field_validator("alternatives")
    @classmethod
    def _some(cls, value: tuple[Alternative, ...]) -> tuple[Alternative, ...]:
        if not value:
            raise ValueError("el caso necesita al menos una alternativa")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        seen: set[str] = set()
        for alt in self.alternatives:
            key = alt.name.casefold()
            if key in seen:
                raise ValueError(f"hay dos alternativas con el nombre «{alt.name}»; cada una necesita un nombre distinto")
            seen.add(key)
            for item in alt.one_off:
                if item.year > self.horizon_years:
                    raise ValueError(
                        f"en la alternativa «{alt.name}», el costo único «{item.concept}» está en el año "
                        f"{item.year}, fuera del horizonte de {self.horizon_years} años (use un año de 0 a "
                        f"{self.horizon_years})"
                    )
        return self

    def alternative(self, name: str) -> Alternative:
        for alt in self.alternatives:
            if alt.name == name:
                return alt
        raise KeyError(name)


def _finite(value: Decimal) -> None:
    if not value.is_finite():
        raise ValueError("el valor debe ser un número finito")


LineKind = Literal["acquisition", "annual", "one_off", "residual", "carbon"]
