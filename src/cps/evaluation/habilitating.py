"""Habilitating requirements of one offer: legal capacity and experience (invitation ch. III).

Legal capacity (§3.1.1.2 I.A.a): the certificate of existence and legal representation of each
juridical person (the bidder, or each member of a plural bidder) issued no more than
``certificate_max_age_days`` calendar days before the closing date originally set.

Experience (§3.2.1 and §3.2.2): the contracts are valued in the order given, at most
``max_contracts`` of them (the first ones listed; an invalid one still takes its place); a
contract counts when it was finished by the closing date, not executed as subcontractor, and
its object is related; its value (converted to pesos with the given rate when in a foreign
currency) is multiplied by the participation share; in SMMLV, each contract is divided by the
SMMLV of the year it ended and rounded half up to the unit. A plural bidder needs one member
providing at least ``min_share_one_member`` of the credited experience.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from cps.evaluation import texts
from cps.evaluation.identity import person_key
from cps.evaluation.model import Case, Offer
from cps.evaluation.result import CapacityCheck, ContractCheck, ExperienceCheck, Reason, Verification
from cps.evaluation.rules import reason
from cps.law import params
from cps.money import format_cop


def capacity(case: Case, offer: Offer) -> list[CapacityCheck]:
    process = case.process
    reference = process.certificate_reference_date
    closing = process.closing_date
    max_days = process.certificate_max_age_days
    bidder = offer.bidder
    subjects: list[tuple[str, str, str, dt.date | None]] = []
    if bidder.plural:
        for m in bidder.members:
            subjects.append((m.name, m.nit, m.kind, m.certificate_issued or offer.certificate_issued))
    else:
        subjects.append((bidder.name, bidder.nit, bidder.kind, offer.certificate_issued))
    checks: list[CapacityCheck] = []
    for name, nit, kind, issued in subjects:
        person_kind = "juridica" if kind == "juridica" else "natural"
        if person_kind == "natural":
            checks.append(CapacityCheck(
                subject=name, nit=nit, person_kind="natural", applies=False, issued=None, reference_date=reference,
                max_days=max_days, compliant=True,
                note="Persona natural: acredita su existencia con el documento de identidad (invitación §3.1.1.1); "
                     "no se exige certificado de existencia y representación legal.",
            ))
            continue
        if issued is None:
            checks.append(CapacityCheck(
                subject=name, nit=nit, person_kind="juridica", applies=True, issued=None, reference_date=reference,
                max_days=max_days, compliant=False, code="CERTIFICATE_MISSING",
                note="No aportó el certificado de existencia y representación legal.",
            ))
            continue
        issued_date = issued
        age = (reference - issued_date).days
        if issued_date > closing:
            checks.append(CapacityCheck(
                subject=name, nit=nit, person_kind="juridica", applies=True, issued=issued_date,
                reference_date=reference, age_days=age, max_days=max_days, compliant=False,
                code="CERTIFICATE_AFTER_CLOSING",
                note=f"Certificado expedido el {texts.day(issued_date)}, después del cierre ({texts.day(closing)}).",
            ))
        elif age > max_days:
            checks.append(CapacityCheck(
                subject=name, nit=nit, person_kind="juridica", applies=True, issued=issued_date,
                reference_date=reference, age_days=age, max_days=max_days, compliant=False,
                code="CERTIFICATE_TOO_OLD",
                note=f"Certificado expedido el {texts.day(issued_date)}: {age} días calendario antes del cierre "
                     f"({texts.day(reference)}); máximo {max_days}.",
            ))
        else:
            checks.append(CapacityCheck(
                subject=name, nit=nit, person_kind="juridica", applies=True, issued=issued_date,
                reference_date=reference, age_days=age, max_days=max_days, compliant=True,
                note=f"Certificado expedido el {texts.day(issued_date)}: {max(age, 0)} días calendario antes del "
                     f"cierre ({texts.day(reference)}); máximo {max_days}. Cumple.",
            ))
    return checks


def _round_units(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def experience(case: Case, offer: Offer) -> ExperienceCheck:
    process = case.process
    requirement = process.experience
    closing = process.closing_date
    required = requirement is not None and (
        requirement.min_total_value is not None or requirement.min_total_smmlv is not None
        or requirement.min_share_one_member is not None
    )
    in_smmlv = requirement is not None and requirement.min_total_smmlv is not None
    max_contracts = requirement.max_contracts if requirement is not None else None
    names = {person_key(m.nit): m.name for m in offer.bidder.members}
    contracts: list[ContractCheck] = []
    for index, entry in enumerate(offer.experience, start=1):
        currency = entry.currency.upper()
        rate = entry.rate if currency != "COP" else None
        value_cop = entry.value * rate if rate is not None else entry.value
        credited = value_cop * entry.participation
        considered = max_contracts is None or index <= max_contracts
        smmlv_year = smmlv_value = smmlv_status = credited_smmlv = None
        if in_smmlv:
            wage = params.smmlv(entry.end.year)
            smmlv_year, smmlv_value = entry.end.year, wage.value
            smmlv_status = wage.label()
            credited_smmlv = _round_units(credited / wage.value)
        problems: list[str] = []
        if not considered:
            problems.append(f"no se valora: supera el máximo de {max_contracts} contratos, en el orden aportado")
        else:
            if entry.end > closing:
                problems.append(f"terminó el {texts.day(entry.end)}, después del cierre ({texts.day(closing)})")
            if entry.subcontract:
                problems.append("ejecutado como subcontratista (no se considera, §3.2.1 regla 7)")
            if not entry.related_object:
                problems.append("la entidad estableció que su objeto no corresponde a la experiencia exigida")
        counted = considered and not problems
        if counted:
            parts = [f"{format_cop(value_cop)}"]
            if rate is not None:
                parts = [f"{texts.number(entry.value)} {currency} × {texts.number(rate)} = {format_cop(value_cop)}"]
            if entry.participation != 1:
                parts.append(f"× {texts.share(entry.participation)} de participación = {format_cop(credited)}")
            if credited_smmlv is not None and smmlv_value is not None:
                parts.append(
                    f"÷ SMMLV {smmlv_year} ({format_cop(smmlv_value)}) = "
                    f"{texts.number(credited / smmlv_value, 4)} → {credited_smmlv} SMMLV"
                )
            note = "Se valora: " + " ".join(parts) + "."
        else:
            note = "No se valora: " + "; ".join(problems) + "."
        member_key = person_key(entry.member) if entry.member is not None else None
        contracts.append(ContractCheck(
            index=index, description=entry.description, member=member_key,
            member_name=names.get(member_key) if member_key else None, end=entry.end, currency=currency,
            value=entry.value, rate=rate, value_cop=value_cop, participation=entry.participation,
            credited_cop=credited, smmlv_year=smmlv_year, smmlv=smmlv_value, smmlv_status=smmlv_status,
            credited_smmlv=credited_smmlv, considered=considered, counted=counted, note=note,
        ))
    counted_contracts = [c for c in contracts if c.counted]
    total_cop = sum((c.credited_cop for c in counted_contracts), Decimal(0))
    total_smmlv = sum(c.credited_smmlv or 0 for c in counted_contracts) if in_smmlv else None
    meets_total = True
    if requirement is not None:
        if requirement.min_total_value is not None and total_cop < requirement.min_total_value:
            meets_total = False
        if requirement.min_total_smmlv is not None and Decimal(total_smmlv or 0) < requirement.min_total_smmlv:
            meets_total = False
    member_totals: dict[str, Decimal] = {}
    member_shares: dict[str, Decimal] = {}
    meets_share: bool | None = None
    if offer.bidder.plural:
        for m in offer.bidder.members:
            member_totals[person_key(m.nit)] = Decimal(0)
        for c in counted_contracts:
            amount = Decimal(c.credited_smmlv or 0) if in_smmlv else c.credited_cop
            if c.member is not None:
                member_totals[c.member] = member_totals.get(c.member, Decimal(0)) + amount
        basis_total = sum(member_totals.values(), Decimal(0))
        for key, amount in member_totals.items():
            member_shares[key] = amount / basis_total if basis_total else Decimal(0)
        if requirement is not None and requirement.min_share_one_member is not None:
            meets_share = any(s >= requirement.min_share_one_member for s in member_shares.values())
    compliant = meets_total and meets_share is not False
    return ExperienceCheck(
        required=required,
        basis="SMMLV" if in_smmlv else "COP",
        min_total_value=requirement.min_total_value if requirement else None,
        min_total_smmlv=requirement.min_total_smmlv if requirement else None,
        max_contracts=max_contracts,
        contracts=contracts,
        total_cop=total_cop,
        total_smmlv=total_smmlv,
        meets_total=meets_total,
        member_totals=member_totals,
        member_shares=member_shares,
        min_share_one_member=requirement.min_share_one_member if requirement else None,
        meets_share=meets_share,
        compliant=compliant,
    )


def _experience_reasons(check: ExperienceCheck) -> list[Reason]:
    out: list[Reason] = []
    if not check.meets_total:
        wanted = []
        if check.min_total_value is not None:
            wanted.append(f"{format_cop(check.total_cop)} frente a {format_cop(check.min_total_value)} exigidos")
        if check.min_total_smmlv is not None:
            wanted.append(f"{check.total_smmlv} SMMLV frente a {texts.number(check.min_total_smmlv)} SMMLV exigidos")
        counted = sum(1 for c in check.contracts if c.counted)
        out.append(reason(
            "EXPERIENCE_INSUFFICIENT",
            f"Experiencia valorada ({counted} contrato(s)): " + "; ".join(wanted) + ".",
        ))
    if check.meets_share is False and check.min_share_one_member is not None:
        shares = ", ".join(f"{k}: {texts.share(v)}" for k, v in check.member_shares.items())
        out.append(reason(
            "EXPERIENCE_ONE_MEMBER_SHARE",
            f"Aporte de cada integrante ({shares}); ninguno alcanza {texts.share(check.min_share_one_member)}.",
            min_share=texts.share(check.min_share_one_member),
        ))
    return out


def verify(case: Case, offer: Offer) -> Verification:
    checks = capacity(case, offer)
    exp = experience(case, offer)
    reasons: list[Reason] = []
    for c in checks:
        if not c.compliant and c.code:
            reasons.append(reason(c.code, f"{c.subject}: {c.note}", max_days=c.max_days))
    reasons.extend(_experience_reasons(exp))
    return Verification(
        compliant=all(c.compliant for c in checks) and exp.compliant,
        capacity=checks,
        experience=exp,
        reasons=reasons,
    )
