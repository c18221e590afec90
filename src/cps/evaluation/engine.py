"""The mínima cuantía procedure (Decreto 1082 de 2015 art. 2.2.1.2.1.5.2 num. 5; invitation §2.10.1).

1. Every offer goes through the economic review and the rejection causes.
2. The admissible offers are taken by corrected price, lowest first. All offers at that price are
   verified (legal capacity, experience); when one or more comply, the process stops there: one
   compliant offer is selected, several are a tie broken by art. 2.2.1.2.4.2.17. When none
   complies, the next price is verified, and so on.
3. Offers at higher prices than the selected one are ``not_verified``; when no offer complies the
   process is ``desierta`` with its causal (invitation §2.16).
"""

from __future__ import annotations

from itertools import groupby

from cps.evaluation import economic, habilitating, rejection, tiebreak
from cps.evaluation.model import Case, Offer
from cps.evaluation.result import Desierta, EconomicReview, OfferResult, Reason, Result, Status, Verification
from cps.evaluation.rules import desierta, reason
from cps.money import format_cop


def _desierta(letter: str, detail: str) -> Desierta:
    causal = desierta(letter)
    return Desierta(causal=letter, title=causal.title, rule=causal.rule, detail=detail)


def evaluate(case: Case) -> Result:
    offers = case.offers
    reviews: dict[str, EconomicReview] = {}
    reasons: dict[str, list[Reason]] = {}
    duplicates = rejection.duplicates(case)
    for offer in offers:
        review = economic.review(case, offer)
        reviews[offer.id] = review
        found = list(review.reasons)
        found.extend(rejection.check(case, offer))
        if offer.id in duplicates:
            found.append(duplicates[offer.id])
        reasons[offer.id] = found

    def rejected(offer: Offer) -> bool:
        return any(r.kind == "rejection" for r in reasons[offer.id])

    position = {o.id: i for i, o in enumerate(offers)}
    admissible = sorted(
        (o for o in offers if not rejected(o)),
        key=lambda o: (reviews[o.id].corrected_total, position[o.id]),
    )
    price_rank: dict[str, int] = {}
    status: dict[str, Status] = {o.id: "rejected" for o in offers if rejected(o)}
    verifications: dict[str, Verification] = {}
    verification_order: list[str] = []
    selected: str | None = None
    tie_break = draw = None
    warnings: list[str] = []

    groups = [list(g) for _, g in groupby(admissible, key=lambda o: reviews[o.id].corrected_total)]
    for rank, group in enumerate(groups, start=1):
        for o in group:
            price_rank[o.id] = rank
        if selected is not None:
            for o in group:
                status[o.id] = "not_verified"
                reasons[o.id].append(reason(
                    "NOT_VERIFIED_CHEAPER_SELECTED",
                    f"Valor corregido {format_cop(reviews[o.id].corrected_total)}: se seleccionó antes la oferta "
                    f"{selected}, de menor precio, que cumple.",
                ))
            continue
        compliant: list[Offer] = []
        for o in group:
            verification = habilitating.verify(case, o)
            verifications[o.id] = verification
            verification_order.append(o.id)
            if verification.compliant:
                compliant.append(o)
            else:
                status[o.id] = "not_compliant"
                reasons[o.id].extend(verification.reasons)
        if not compliant:
            continue
        price = reviews[compliant[0].id].corrected_total
        if len(compliant) == 1:
            selected = compliant[0].id
            reasons[selected].append(reason(
                "SELECTED_LOWEST_COMPLIANT",
                f"Menor valor corregido entre las ofertas que cumplen: {format_cop(price)}.",
            ))
        else:
            tie_break, draw, tie_warnings = tiebreak.resolve(case, compliant, verifications, price)
            warnings.extend(tie_warnings)
            selected = tie_break.winner
            factor = tie_break.decided_by
            for o in compliant:
                if o.id == selected:
                    reasons[o.id].append(reason(
                        "SELECTED_BY_TIE_BREAK",
                        f"Empate a {format_cop(price)} entre {', '.join(tie_break.tied)}; favorecida por el factor "
                        f"{factor} del art. 2.2.1.2.4.2.17.",
                        public_detail=f"Empate a {format_cop(price)} entre {', '.join(tie_break.tied)}; favorecida en "
                                      "la aplicación sucesiva y excluyente de los factores de desempate.",
                    ))
                else:
                    status[o.id] = "not_verified"
                    reasons[o.id].append(reason(
                        "NOT_FAVOURED_IN_TIE_BREAK",
                        f"Cumple los requisitos habilitantes; empatada a {format_cop(price)} y no favorecida en el "
                        f"desempate (decidido por el factor {factor}).",
                        public_detail=f"Cumple los requisitos habilitantes; empatada a {format_cop(price)} y no "
                                      "favorecida en el desempate.",
                    ))
        status[selected] = "selected"

    outcome_desierta = None
    if selected is None:
        if not offers:
            outcome_desierta = _desierta("A", "No se presentaron ofertas.")
        elif verification_order:
            outcome_desierta = _desierta(
                "B",
                (
                    "Se verificó la única oferta no rechazada y no cumple los requisitos habilitantes"
                    if len(verification_order) == 1
                    else f"Se verificaron {len(verification_order)} ofertas en orden de precio y ninguna cumple los "
                    "requisitos habilitantes"
                )
                + ("; las demás incurren en causales de rechazo." if len(offers) > len(verification_order) else "."),
            )
        elif all(any(r.code == "NO_SUBSANO" for r in reasons[o.id]) for o in offers):
            outcome_desierta = _desierta("D", "Ninguna oferta subsanó en debida forma dentro del término indicado.")
        else:
            outcome_desierta = _desierta(
                "C",
                "Todas las ofertas incurren en causales de rechazo: no queda oferta que pueda aceptarse.",
            )

    results = []
    for offer in offers:
        review = reviews[offer.id]
        results.append(OfferResult(
            id=offer.id,
            bidder_name=offer.bidder.name,
            bidder_nit=offer.bidder.nit,
            bidder_kind=offer.bidder.kind,
            submitted_at=offer.submitted_at,
            declared_total=review.declared_total,
            corrected_total=review.corrected_total,
            difference=review.difference,
            relative_difference=review.relative_difference,
            price_rank=price_rank.get(offer.id),
            status=status[offer.id],
            reasons=reasons[offer.id],
            verification=verifications.get(offer.id),
        ))
    if case.process.territorial_limitation and not case.process.mipyme_limited:
        warnings.append(
            "El caso tiene limitación territorial sin convocatoria limitada a Mipyme; el Decreto 1082 de 2015 "
            "art. 2.2.1.2.4.2.3 la prevé dentro de las convocatorias limitadas a Mipyme. Se aplicó como está."
        )
    for v in verifications.values():
        for c in v.experience.contracts:
            if c.smmlv_status and "SIN CONFIRMAR" in c.smmlv_status:
                warnings.append(f"SMMLV {c.smmlv_year} sin confirmar: {c.smmlv_status}.")
    return Result(
        process=case.process.number,
        entity=case.process.entity,
        outcome="adjudicada" if selected else "desierta",
        selected=selected,
        offers=results,
        verification_order=verification_order,
        tie_break=tie_break,
        random_draw=draw,
        desierta=outcome_desierta,
        warnings=sorted(set(warnings)),
    )
