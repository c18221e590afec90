"""Dated legal parameters: SMMLV, UVT, carbon tax, cuantías, Mipyme threshold."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, Literal

from cps import yamlio

Status = Literal["confirmed", "secondary", "unconfirmed"]

STATUS_LABELS: dict[str, str] = {
    "confirmed": "confirmado",
    "secondary": "fuente secundaria",
    "unconfirmed": "SIN CONFIRMAR",
}


class MissingParameter(LookupError):
    """The table has no value for the requested year."""


@dataclass(frozen=True)
class DatedValue:
    name: str
    year: int
    value: Decimal
    status: Status
    source: str
    valid_from: dt.date | None = None

    @property
    def confirmed(self) -> bool:
        return self.status == "confirmed"

    def label(self) -> str:
        """Short Spanish citation, e.g. ``SMMLV 2026: $1.750.905 (Decreto 1469 de 2025)``."""
        return f"{self.source} [{STATUS_LABELS[self.status]}]"


@cache
def _load(name: str) -> dict[str, Any]:
    text = resources.files("cps.law").joinpath("data", f"{name}.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yamlio.load(text)
    return data


def _yearly(name: str) -> dict[int, DatedValue]:
    data = _load(name)
    out: dict[int, DatedValue] = {}
    for row in data["values"]:
        out[int(row["year"])] = DatedValue(
            name=data["name"],
            year=int(row["year"]),
            value=Decimal(str(row["value"])),
            status=row["status"],
            source=row["source"],
            valid_from=row.get("valid_from"),
        )
    return out


def _get(name: str, label: str, year: int) -> DatedValue:
    table = _yearly(name)
    if year not in table:
        years = sorted(table)
        raise MissingParameter(
            f"No hay {label} registrado para {year} (tabla disponible: {years[0]}–{years[-1]})."
        )
    return table[year]


def smmlv(year: int) -> DatedValue:
    """Salario mínimo mensual legal vigente of ``year`` (COP)."""
    return _get("smmlv", "SMMLV", year)


def smmlv_years() -> list[int]:
    return sorted(_yearly("smmlv"))


def uvt(year: int) -> DatedValue:
    return _get("uvt", "UVT", year)


def carbon_tax(year: int) -> DatedValue:
    """Impuesto nacional al carbono of ``year`` (COP per tCO2e)."""
    return _get("carbon_tax", "impuesto al carbono", year)


def latest_carbon_tax(on: dt.date | None = None) -> DatedValue:
    """The most recent confirmed carbon-tax value in force on ``on`` (default: today)."""
    on = on or dt.date.today()
    candidates = [
        v
        for v in _yearly("carbon_tax").values()
        if v.confirmed and (v.valid_from is None or v.valid_from <= on) and v.year <= on.year
    ]
    if not candidates:
        raise MissingParameter("No hay una tarifa confirmada del impuesto al carbono vigente.")
    return max(candidates, key=lambda v: v.year)


@dataclass(frozen=True)
class CuantiaBand:
    budget_min_smmlv: int
    budget_max_smmlv: int | None
    menor_smmlv: int
    minima_smmlv: int
    status: Status
    source: str

    def describe(self) -> str:
        upper = f"menor a {self.budget_max_smmlv:,} SMMLV".replace(",", ".") if self.budget_max_smmlv else ""
        lower = f"desde {self.budget_min_smmlv:,} SMMLV".replace(",", ".") if self.budget_min_smmlv else ""
        span = " y ".join(p for p in (lower, upper) if p) or "cualquier presupuesto"
        return (
            f"presupuesto anual {span}: menor cuantía {self.menor_smmlv} SMMLV, "
            f"mínima cuantía hasta {self.minima_smmlv} SMMLV [{STATUS_LABELS[self.status]}]"
        )


def cuantia_bands() -> list[CuantiaBand]:
    """Bands of Ley 1150 art. 2 num. 2 lit. b), highest budget first."""
    return [
        CuantiaBand(
            budget_min_smmlv=int(b["budget_min_smmlv"]),
            budget_max_smmlv=int(b["budget_max_smmlv"]) if b["budget_max_smmlv"] is not None else None,
            menor_smmlv=int(b["menor_smmlv"]),
            minima_smmlv=int(b["minima_smmlv"]),
            status=b["status"],
            source=b["source"],
        )
        for b in _load("cuantias")["bands"]
    ]


def cuantias_source() -> str:
    return str(_load("cuantias")["source"])


def band_for_budget(annual_budget_smmlv: Decimal) -> CuantiaBand:
    for band in cuantia_bands():
        if annual_budget_smmlv >= band.budget_min_smmlv and (
            band.budget_max_smmlv is None or annual_budget_smmlv < band.budget_max_smmlv
        ):
            return band
    raise ValueError(f"presupuesto anual no válido: {annual_budget_smmlv}")


def minima_cuantia_ceilings(year: int) -> list[tuple[CuantiaBand, Decimal]]:
    """Ceiling in pesos of mínima cuantía for each band in ``year`` (minima_smmlv × SMMLV)."""
    wage = smmlv(year).value
    return [(band, band.minima_smmlv * wage) for band in cuantia_bands()]


@dataclass(frozen=True)
class MipymeThreshold:
    usd: int
    value: Decimal
    from_year: int
    to_year: int
    status: Status
    source: str
    norm: str


def mipyme_threshold(year: int) -> MipymeThreshold:
    """Value in COP below which a process may be limited to Mipyme (US$125.000 at the MinCIT rate)."""
    data = _load("mipyme")
    for row in data["values"]:
        if int(row["from_year"]) <= year <= int(row["to_year"]):
            return MipymeThreshold(
                usd=int(data["usd"]),
                value=Decimal(str(row["value"])),
                from_year=int(row["from_year"]),
                to_year=int(row["to_year"]),
                status=row["status"],
                source=row["source"],
                norm=data["source"],
            )
    raise MissingParameter(f"No hay umbral Mipyme registrado para {year}.")
