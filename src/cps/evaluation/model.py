"""The evaluation case: the process, its official items and the offers (pydantic models).

The format is the one of ``examples/evaluation/mc-034-2026.yaml``; every key added to it is
documented in ``docs/evaluation-format.md``. Unknown keys are refused (``extra="forbid"``).
Semantic checks that need the whole case (ids, shares adding to 100 %, …) are in
:mod:`cps.evaluation.load`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, BaseModel, BeforeValidator, ConfigDict, Field

BOGOTA = dt.timezone(dt.timedelta(hours=-5), "COT")  # Colombia: UTC−5 all year, no daylight saving

PLURAL_KINDS = ("consorcio", "union_temporal")


def _to_id(value: Any) -> Any:
    """Ids written as numbers are the same as written as text: ``1`` = ``"1"``, ``1.1`` = ``"1.1"``."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        return value.strip()
    return value


def _keys_to_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {_to_id(k): v for k, v in value.items()}
    return value


def _parse_iso(value: str) -> dt.date | dt.datetime:
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"fecha no válida «{value}»: use el formato ISO 8601 (AAAA-MM-DD o AAAA-MM-DDTHH:MM:SS-05:00)") from None


def _to_date(value: Any) -> Any:
    if isinstance(value, str):
        value = _parse_iso(value)
    if isinstance(value, dt.datetime):
        return (value.astimezone(BOGOTA) if value.tzinfo else value).date()
    if isinstance(value, dt.date):
        return value
    raise ValueError("se esperaba una fecha (AAAA-MM-DD)")


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=BOGOTA)


def _to_instant(value: Any) -> Any:
    """A moment in time; a date alone is the start of that day in Bogotá."""
    if isinstance(value, str):
        value = _parse_iso(value)
    if isinstance(value, dt.datetime):
        return _aware(value)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(0, 0), tzinfo=BOGOTA)
    raise ValueError("se esperaba una fecha y hora (AAAA-MM-DDTHH:MM:SS-05:00)")


def _to_deadline(value: Any) -> Any:
    """A closing moment; a date alone is the end of that day in Bogotá."""
    if isinstance(value, str):
        value = _parse_iso(value)
    if isinstance(value, dt.datetime):
        return _aware(value)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(23, 59, 59), tzinfo=BOGOTA)
    raise ValueError("se esperaba una fecha y hora (AAAA-MM-DDTHH:MM:SS-05:00)")


def _to_decimal(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("se esperaba un número, no un valor sí/no")
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


def _share(value: Any) -> Any:
    value = _to_decimal(value)
    if isinstance(value, int | Decimal) and Decimal(value) > 1:
        raise ValueError(f"{value} no es una proporción: exprese el porcentaje como fracción entre 0 y 1 (0.6 = 60 %)")
    return value


Id = Annotated[str, BeforeValidator(_to_id), Field(min_length=1)]
Nit = Annotated[str, BeforeValidator(_to_id), Field(min_length=1)]
Day = Annotated[dt.date, BeforeValidator(_to_date)]
Instant = Annotated[dt.datetime, BeforeValidator(_to_instant)]
Deadline = Annotated[dt.datetime, BeforeValidator(_to_deadline)]
Pesos = Annotated[Decimal, BeforeValidator(_to_decimal), Field(ge=0)]
PositivePesos = Annotated[Decimal, BeforeValidator(_to_decimal), Field(gt=0)]
Quantity = Annotated[Decimal, BeforeValidator(_to_decimal), Field(gt=0)]
Share = Annotated[Decimal, BeforeValidator(_share), Field(ge=0, le=1)]
PositiveShare = Annotated[Decimal, BeforeValidator(_share), Field(gt=0, le=1)]
BidderKind = Literal["natural", "juridica", "consorcio", "union_temporal"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------- process


class Item(_Model):
    """A line of the official budget; ``max_unit_price`` is the official unit price (cap)."""

    id: Id
    description: str = ""
    unit: str = ""
    quantity: Quantity
    max_unit_price: PositivePesos | None = None


class ExperienceRequirement(_Model):
    max_contracts: Annotated[int, Field(ge=1)] | None = None
    min_total_value: Pesos | None = None
    min_total_smmlv: Annotated[Decimal, BeforeValidator(_to_decimal), Field(ge=0)] | None = None
    min_share_one_member: Share | None = None


class Process(_Model):
    number: str
    entity: str = ""
    entity_nit: str | None = None
    modality: Literal["minima_cuantia"] = "minima_cuantia"
    object: str | None = None
    closing: Deadline
    # Extension: the closing date first set in the invitation, when the closing was moved
    # (seed §3.1.1.2 I.A.a: the certificate's age is counted from it).
    original_closing: Deadline | None = None
    official_budget: PositivePesos
    mipyme_limited: bool = False
    territorial_limitation: list[str] = Field(default_factory=list)
    seriousness_guarantee_required: bool = False
    certificate_max_age_days: Annotated[int, Field(ge=0)] = 30
    experience: ExperienceRequirement | None = None
    random_method_seed: str | None = None
    items: Annotated[list[Item], Field(min_length=1)]

    @property
    def closing_date(self) -> dt.date:
        return self.closing.astimezone(BOGOTA).date()

    @property
    def certificate_reference_date(self) -> dt.date:
        return (self.original_closing or self.closing).astimezone(BOGOTA).date()


# --------------------------------------------------------------------------- offers


class TieBreakEvidence(_Model):
    """Tie-break facts accredited per art. 2.2.1.2.4.2.17 (factor numbers as in the seed)."""

    national: bool | None = None  # 1
    women_head_or_violence_victim: bool | None = None  # 2 (reserved)
    disability_payroll_pct: Share | None = None  # 3
    older_workers_pct: Share | None = None  # 4
    ethnic_payroll_pct: Share | None = None  # 5 (reserved)
    reintegration: bool | None = None  # 6 (reserved)
    plural_women_reintegration: bool | None = None  # 7 (reserved)
    mipyme: bool | None = None  # 8
    plural_micro_small: bool | None = None  # 9
    mipyme_payments_pct: Share | None = None  # 10
    bic_mipyme: bool | None = None  # 11
    icbf_youth: bool | None = None  # 12
    # Extensions (docs/evaluation-format.md): head counts to add up plural bidders' payrolls
    # (factors 4 and 5) and an explicit share of the offer's experience (factors 3, 7, 10).
    payroll_total: Annotated[int, Field(ge=0)] | None = None
    older_workers: Annotated[int, Field(ge=0)] | None = None
    ethnic_workers: Annotated[int, Field(ge=0)] | None = None
    experience_share: Share | None = None


class Member(_Model):
    name: str
    nit: Nit
    participation: Share
    kind: Literal["natural", "juridica"] = "juridica"
    mipyme: bool | None = None  # absent: the plural bidder's `mipyme`
    department: str | None = None  # absent: the plural bidder's `department`
    municipality: str | None = None
    certificate_issued: Day | None = None  # absent: the offer's `certificate_issued`
    tie_break: TieBreakEvidence | None = None


class Bidder(_Model):
    name: str
    nit: Nit
    kind: BidderKind = "juridica"
    mipyme: bool = False
    department: str | None = None
    municipality: str | None = None
    members: list[Member] = Field(default_factory=list)

    @property
    def plural(self) -> bool:
        return self.kind in PLURAL_KINDS


class ExperienceEntry(_Model):
    description: str = ""
    value: PositivePesos
    currency: Annotated[str, Field(pattern=r"^[A-Za-z]{3}$")] = "COP"
    rate: PositivePesos | None = None  # COP per unit of `currency` at the end date (TRM)
    start: Day | None = None
    end: Day
    participation: PositiveShare = Decimal(1)
    member: Nit | None = None
    subcontract: bool = False
    related_object: bool = True  # extension: false when the entity found the object not related


class OfferedItem(_Model):
    """Extension: an item as the bidder wrote it, when it states its own items, units or quantities."""

    id: Id
    unit_price: Annotated[Decimal, BeforeValidator(_to_decimal)] | None = None
    quantity: Quantity | None = None
    unit: str | None = None
    description: str | None = None


class FlagEntry(_Model):
    code: str
    detail: str = ""


class Offer(_Model):
    id: Id
    submitted_at: Instant
    bidder: Bidder
    declared_total: PositivePesos
    economic_form_signed: bool = True
    unit_prices: Annotated[dict[Id, Annotated[Decimal, BeforeValidator(_to_decimal)] | None], BeforeValidator(_keys_to_ids)] | None = None
    items: list[OfferedItem] | None = None
    certificate_issued: Day | None = None
    experience: list[ExperienceEntry] = Field(default_factory=list)
    tie_break: TieBreakEvidence = Field(default_factory=TieBreakEvidence)
    flags: list[str | FlagEntry] = Field(default_factory=list)
    seriousness_guarantee: bool = Field(
        default=False, validation_alias=AliasChoices("seriousness_guarantee", "seriousness_guarantee_submitted")
    )

    def flag_entries(self) -> list[FlagEntry]:
        return [f if isinstance(f, FlagEntry) else FlagEntry(code=f) for f in self.flags]


class Case(_Model):
    process: Process
    offers: list[Offer] = Field(default_factory=list)

    def item_index(self) -> dict[str, Item]:
        return {item.id: item for item in self.process.items}
