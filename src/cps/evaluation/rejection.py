"""Rejection causes other than the economic ones (invitation §2.13 A–J, M, Q–U).

Some are facts the entity established and wrote as ``flags``; the others follow from the case
data: the same person in more than one offer, a Mipyme-limited or territorially limited call,
the seriousness guarantee, an offer after the closing.
"""

from __future__ import annotations

from collections import defaultdict

from cps.evaluation import texts
from cps.evaluation.identity import person_key, place_key
from cps.evaluation.model import Case, Member, Offer
from cps.evaluation.result import Reason
from cps.evaluation.rules import flag_rules, reason


def participants(offer: Offer) -> list[tuple[str, str]]:
    """(identity key, name) of the bidder and of each member of a plural bidder."""
    people = [(person_key(offer.bidder.nit), offer.bidder.name)]
    people.extend((person_key(m.nit), m.name) for m in offer.bidder.members)
    return people


def submission_order(case: Case) -> list[Offer]:
    """Offers by the moment they were submitted; equal moments keep the order of the file."""
    order = {o.id: i for i, o in enumerate(case.offers)}
    return sorted(case.offers, key=lambda o: (o.submitted_at, order[o.id]))


def duplicates(case: Case) -> dict[str, Reason]:
    """Causal B: each person may be in one offer; only the first offer in time is admitted."""
    first: dict[str, Offer] = {}
    found: dict[str, list[str]] = defaultdict(list)
    for offer in submission_order(case):
        seen_here: set[str] = set()
        for key, name in participants(offer):
            if key in seen_here:
                continue
            seen_here.add(key)
            earlier = first.get(key)
            if earlier is None:
                first[key] = offer
            else:
                found[offer.id].append(
                    f"{name} (NIT {key}) ya participa en la oferta {earlier.id}, presentada antes "
                    f"({texts.moment(earlier.submitted_at)})"
                )
    return {
        oid: reason("DUPLICATE_PARTICIPANT", "; ".join(found_texts) + ". Solo se admite la primera oferta en el tiempo.")
        for oid, found_texts in found.items()
    }


def member_mipyme(offer: Offer, member: Member) -> bool:
    return member.mipyme if member.mipyme is not None else offer.bidder.mipyme


def _places(offer: Offer) -> list[tuple[str, str | None, str | None]]:
    bidder = offer.bidder
    if bidder.plural:
        return [
            (m.name, m.department or bidder.department, m.municipality or bidder.municipality)
            for m in bidder.members
        ]
    return [(bidder.name, bidder.department, bidder.municipality)]


def check(case: Case, offer: Offer) -> list[Reason]:
    """Every non-economic rejection cause of ``offer`` except duplicates (see :func:`duplicates`)."""
    process = case.process
    reasons: list[Reason] = []
    if offer.submitted_at > process.closing:
        reasons.append(reason(
            "LATE_SUBMISSION",
            f"Presentada el {texts.moment(offer.submitted_at)}, después del cierre ({texts.moment(process.closing)}).",
        ))
    known = flag_rules()
    for flag in offer.flag_entries():
        r = known[flag.code]
        detail = flag.detail or f"La entidad estableció: {r.title.lower()}."
        reasons.append(reason(r.code, detail))
    if process.seriousness_guarantee_required and not offer.seriousness_guarantee:
        reasons.append(reason("NO_SERIOUSNESS_GUARANTEE",
                              "La invitación exige garantía de seriedad y la oferta no la incluye."))
    bidder = offer.bidder
    if process.mipyme_limited:
        if bidder.plural:
            outside = [m.name for m in bidder.members if not member_mipyme(offer, m)]
            if outside:
                reasons.append(reason(
                    "NOT_MIPYME",
                    f"Convocatoria limitada a Mipyme: el integrante o los integrantes {', '.join(outside)} no "
                    "acreditan la condición de Mipyme.",
                ))
        elif not bidder.mipyme:
            reasons.append(reason("NOT_MIPYME",
                                  f"Convocatoria limitada a Mipyme: {bidder.name} no acredita la condición de Mipyme."))
    if process.territorial_limitation:
        allowed = {place_key(p) for p in process.territorial_limitation}
        outside_places = []
        for name, department, municipality in _places(offer):
            inside = any(p is not None and place_key(p) in allowed for p in (department, municipality))
            if not inside:
                where = ", ".join(p for p in (municipality, department) if p) or "domicilio no acreditado"
                outside_places.append(f"{name} ({where})")
        if outside_places:
            reasons.append(reason(
                "OUTSIDE_TERRITORY",
                f"Limitación territorial a {', '.join(process.territorial_limitation)}: "
                f"{'; '.join(outside_places)} fuera de ella.",
            ))
    return reasons
