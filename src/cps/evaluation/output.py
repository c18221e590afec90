"""The JSON object of ``cps evaluate --json`` (CONTRACTS.md), built deterministically.

Required keys: ``process``, ``outcome``, ``selected``, ``offers[]`` (``id``, ``declared_total``,
``corrected_total``, ``status``, ``reasons[]`` with ``code``, ``rule``, ``detail``), ``tie_break``
(``tied``, ``steps[]`` with ``factor`` and ``kept``, ``decided_by``) and ``random_draw``. The rest
is the trace. Money is in whole pesos (int) unless it has cents; proportions are fractions.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from cps.evaluation.public import RESERVE_NOTE
from cps.evaluation.result import (
    CapacityCheck,
    ContractCheck,
    ExperienceCheck,
    OfferResult,
    RandomDraw,
    Reason,
    Result,
    TieBreak,
    TieStep,
    Verification,
)


def _num(value: Decimal | int | None, places: int | None = None) -> int | float | None:
    if value is None:
        return None
    d = Decimal(value)
    if places is not None:
        d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if d == d.to_integral_value():
        return int(d)
    return float(d)


def _reason(r: Reason) -> dict[str, Any]:
    return {"code": r.code, "kind": r.kind, "causal": r.causal, "rule": r.rule, "detail": r.detail}


def _capacity(c: CapacityCheck) -> dict[str, Any]:
    return {
        "subject": c.subject, "nit": c.nit, "person_kind": c.person_kind, "applies": c.applies,
        "issued": c.issued.isoformat() if c.issued else None, "reference_date": c.reference_date.isoformat(),
        "age_days": c.age_days, "max_days": c.max_days, "compliant": c.compliant, "code": c.code, "note": c.note,
    }


def _contract(c: ContractCheck) -> dict[str, Any]:
    return {
        "index": c.index, "description": c.description, "member": c.member, "end": c.end.isoformat(),
        "currency": c.currency, "value": _num(c.value), "rate": _num(c.rate), "value_cop": _num(c.value_cop, 2),
        "participation": _num(c.participation), "credited_cop": _num(c.credited_cop, 2),
        "smmlv_year": c.smmlv_year, "smmlv": _num(c.smmlv), "credited_smmlv": c.credited_smmlv,
        "considered": c.considered, "counted": c.counted, "note": c.note,
    }


def _experience(e: ExperienceCheck) -> dict[str, Any]:
    return {
        "required": e.required, "basis": e.basis, "min_total_value": _num(e.min_total_value),
        "min_total_smmlv": _num(e.min_total_smmlv), "max_contracts": e.max_contracts,
        "contracts": [_contract(c) for c in e.contracts], "total_cop": _num(e.total_cop, 2),
        "total_smmlv": e.total_smmlv, "meets_total": e.meets_total,
        "member_shares": {k: _num(v, 6) for k, v in e.member_shares.items()},
        "min_share_one_member": _num(e.min_share_one_member), "meets_share": e.meets_share,
        "compliant": e.compliant,
    }


def _verification(v: Verification | None) -> dict[str, Any] | None:
    if v is None:
        return None
    return {
        "compliant": v.compliant,
        "legal_capacity": [_capacity(c) for c in v.capacity],
        "experience": _experience(v.experience),
    }


def _offer(o: OfferResult) -> dict[str, Any]:
    return {
        "id": o.id,
        "bidder": {"name": o.bidder_name, "nit": o.bidder_nit, "kind": o.bidder_kind},
        "submitted_at": o.submitted_at.isoformat(),
        "declared_total": _num(o.declared_total),
        "corrected_total": o.corrected_total,
        "difference": _num(o.difference),
        "relative_difference": _num(o.relative_difference, 6),
        "price_rank": o.price_rank,
        "status": o.status,
        "reasons": [_reason(r) for r in o.reasons],
        "verification": _verification(o.verification),
    }


def _step(s: TieStep) -> dict[str, Any]:
    out: dict[str, Any] = {"factor": s.factor, "title": s.title, "reserved": s.reserved, "kept": s.kept,
                           "met_by": s.met_by}
    if s.outcomes is not None:
        out["outcomes"] = [
            {"offer": x.offer, "met": x.met, "value": _num(x.value, 6), "note": x.note} for x in s.outcomes
        ]
    out["note"] = s.note
    return out


def _tie(t: TieBreak | None) -> dict[str, Any] | None:
    if t is None:
        return None
    out: dict[str, Any] = {
        "tied": t.tied, "price": t.price, "steps": [_step(s) for s in t.steps], "decided_by": t.decided_by,
        "winner": t.winner,
    }
    if t.redacted:
        out["decided_by_reserved"] = t.decided_by_reserved
        out["reserve_note"] = RESERVE_NOTE
    return out


def _draw(d: RandomDraw | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {
        "method": d.method, "seed": d.seed, "seed_source": d.seed_source, "candidates": d.candidates,
        "message": d.message, "sha256": d.sha256, "index": d.index, "winner": d.winner,
        "algorithm": "SHA-256 de la semilla y los ids empatados (orden de código Unicode) unidos por saltos de línea; "
                     "índice = número del resumen módulo número de candidatos (docs/evaluation-format.md).",
    }


def to_dict(result: Result) -> dict[str, Any]:
    """The JSON object for ``result`` (already redacted when it is the public version)."""
    return {
        "process": result.process,
        "outcome": result.outcome,
        "selected": result.selected,
        "public": result.public,
        "desierta": result.desierta.model_dump() if result.desierta else None,
        "verification_order": result.verification_order,
        "offers": [_offer(o) for o in result.offers],
        "tie_break": _tie(result.tie_break),
        "random_draw": _draw(result.random_draw),
        "warnings": result.warnings,
    }
