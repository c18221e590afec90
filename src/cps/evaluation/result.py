"""What the evaluation establishes, with its full trace (pydantic models).

Money is in pesos: ``declared_total`` as written in the economic form, ``corrected_total``
rounded half up to the peso. Everything a user reads (``detail``, ``title``, ``note``) is Spanish.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

Status = Literal["selected", "rejected", "not_compliant", "not_verified"]
Outcome = Literal["adjudicada", "desierta"]
ReasonKind = Literal["rejection", "habilitating", "info"]

STATUS_LABELS: dict[str, str] = {
    "selected": "Seleccionada",
    "rejected": "Rechazada",
    "not_compliant": "No cumple",
    "not_verified": "No verificada",
}


class Reason(BaseModel):
    code: str
    kind: ReasonKind
    causal: str | None = None
    rule: str
    detail: str
    # the text of the public version when ``detail`` names reserved tie-break data
    public_detail: str | None = None


class EconomicReview(BaseModel):
    declared_total: Decimal
    corrected_total: int
    difference: Decimal  # corrected − declared
    relative_difference: Decimal  # |difference| / declared, exact
    reasons: list[Reason] = Field(default_factory=list)


class CapacityCheck(BaseModel):
    """Legal capacity of the bidder or of one member: the certificate of existence and its age."""

    subject: str
    nit: str
    person_kind: Literal["natural", "juridica"]
    applies: bool
    issued: dt.date | None = None
    reference_date: dt.date
    age_days: int | None = None
    max_days: int
    compliant: bool
    code: str | None = None
    note: str


class ContractCheck(BaseModel):
    index: int  # position in the offer's list, from 1
    description: str
    member: str | None = None
    member_name: str | None = None
    end: dt.date
    currency: str
    value: Decimal
    rate: Decimal | None = None
    value_cop: Decimal
    participation: Decimal
    credited_cop: Decimal
    smmlv_year: int | None = None
    smmlv: Decimal | None = None
    smmlv_status: str | None = None
    credited_smmlv: int | None = None
    considered: bool  # within the allowed number of contracts, in the order given
    counted: bool
    note: str


class ExperienceCheck(BaseModel):
    required: bool
    basis: Literal["COP", "SMMLV"]
    min_total_value: Decimal | None = None
    min_total_smmlv: Decimal | None = None
    max_contracts: int | None = None
    contracts: list[ContractCheck] = Field(default_factory=list)
    total_cop: Decimal
    total_smmlv: int | None = None
    meets_total: bool
    # plural bidders: each member's credited experience (in ``basis`` units) and share of the total
    member_totals: dict[str, Decimal] = Field(default_factory=dict)
    member_shares: dict[str, Decimal] = Field(default_factory=dict)
    min_share_one_member: Decimal | None = None
    meets_share: bool | None = None
    compliant: bool


class Verification(BaseModel):
    compliant: bool
    capacity: list[CapacityCheck]
    experience: ExperienceCheck
    reasons: list[Reason] = Field(default_factory=list)


class OfferResult(BaseModel):
    id: str
    bidder_name: str
    bidder_nit: str
    bidder_kind: str
    submitted_at: dt.datetime
    declared_total: Decimal
    corrected_total: int
    difference: Decimal
    relative_difference: Decimal
    price_rank: int | None = None
    status: Status
    reasons: list[Reason] = Field(default_factory=list)
    verification: Verification | None = None


class FactorOutcome(BaseModel):
    offer: str
    met: bool
    value: Decimal | None = None  # factor 4: the proportion compared
    note: str


class TieStep(BaseModel):
    factor: int
    title: str
    reserved: bool
    outcomes: list[FactorOutcome] | None = None
    met_by: list[str] | None = None
    kept: list[str] | None = None
    note: str


class TieBreak(BaseModel):
    tied: list[str]
    price: int
    steps: list[TieStep]
    decided_by: int | None
    decided_by_reserved: bool = False
    winner: str
    redacted: bool = False


class RandomDraw(BaseModel):
    method: str
    seed: str
    seed_source: str
    candidates: list[str] | None = None
    message: str | None = None
    sha256: str | None = None
    index: int | None = None
    winner: str
    redacted: bool = False


class Desierta(BaseModel):
    causal: str
    title: str
    rule: str
    detail: str


class Result(BaseModel):
    process: str
    entity: str
    outcome: Outcome
    selected: str | None
    offers: list[OfferResult]
    verification_order: list[str]
    tie_break: TieBreak | None = None
    random_draw: RandomDraw | None = None
    desierta: Desierta | None = None
    warnings: list[str] = Field(default_factory=list)
    public: bool = False

    def offer(self, offer_id: str) -> OfferResult:
        for o in self.offers:
            if o.id == offer_id:
                return o
        raise KeyError(offer_id)
