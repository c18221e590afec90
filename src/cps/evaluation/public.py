"""The public version of a result: no trace of who accredited a reserved tie-break factor.

Art. 2.2.1.2.4.2.17 par. 3 (Ley 1712 de 2014 art. 18; Ley 1581 de 2012 arts. 5 y 6) keeps under
legal reserve the information that accredits the factors of women victims of domestic violence
(factor 2), the indigenous, black, Afro-Colombian, raizal, palenquera, Rrom or gypsy population
(factor 5) and persons in reintegration or reincorporation (factors 6 and 7), and forbids
publishing it in SECOP. Once a reserved factor has been applied, which offers stayed reveals who
accredited it, so the public version publishes, from the first reserved factor on, only which
factors were applied; the decisive factor only when it is not reserved; and of the random draw
its method, published seed and winner (its list of candidates is the set that survived the
reserved factors). The internal version keeps everything.
"""

from __future__ import annotations

from cps.evaluation.result import OfferResult, RandomDraw, Result, TieBreak, TieStep

RESERVE_NOTE = (
    "Información con reserva legal: art. 2.2.1.2.4.2.17 par. 3 del Decreto 1082 de 2015; Ley 1712 de 2014 "
    "art. 18; Ley 1581 de 2012 arts. 5 y 6. No se publica qué oferentes acreditaron los factores 2, 5, 6 y 7 "
    "ni qué ofertas continuaron después de aplicarlos."
)


def _steps(tie: TieBreak) -> list[TieStep]:
    out: list[TieStep] = []
    hidden = False
    for step in tie.steps:
        hidden = hidden or step.reserved
        if not hidden:
            out.append(step)
            continue
        out.append(TieStep(
            factor=step.factor, title=step.title, reserved=step.reserved, outcomes=None, met_by=None, kept=None,
            note="Aplicado. " + RESERVE_NOTE if step.reserved else
                 "Aplicado. Resultado no publicado: revelaría el resultado de un factor con reserva legal aplicado antes.",
        ))
    return out


def _tie(tie: TieBreak) -> TieBreak:
    reserved_decision = any(s.factor == tie.decided_by and s.reserved for s in tie.steps)
    return tie.model_copy(update={
        "steps": _steps(tie),
        "decided_by": None if reserved_decision else tie.decided_by,
        "decided_by_reserved": reserved_decision,
        "redacted": True,
    })


def _draw(draw: RandomDraw) -> RandomDraw:
    return draw.model_copy(update={"candidates": None, "message": None, "sha256": None, "index": None,
                                   "redacted": True})


def _offer(offer: OfferResult) -> OfferResult:
    reasons = [
        r.model_copy(update={"detail": r.public_detail, "public_detail": None}) if r.public_detail else r
        for r in offer.reasons
    ]
    return offer.model_copy(update={"reasons": reasons})


def redact(result: Result) -> Result:
    """A copy of ``result`` fit for publication (SECOP, web), marked ``public=True``."""
    return result.model_copy(update={
        "offers": [_offer(o) for o in result.offers],
        "tie_break": _tie(result.tie_break) if result.tie_break else None,
        "random_draw": _draw(result.random_draw) if result.random_draw else None,
        "public": True,
    })
