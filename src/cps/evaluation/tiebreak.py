"""Ties at the lowest price: the factors of art. 2.2.1.2.4.2.17, successively and exclusively.

Factors 1–12 in the order of :func:`cps.law.tiebreak.factors` (the seed's order): the offers
that meet a factor stay and the others leave; when none meets it, all stay. Factor 4 compares
proportions: the largest share stays (ties at that share stay together); nobody meets it when
every share is zero. Factor 13 is the random method (:mod:`cps.evaluation.random_draw`).

Evidence comes from ``offer.tie_break`` and, for plural bidders, from ``members[].tie_break``.
For a plural bidder, a factor is computed from its members whenever a member states the key
the factor needs (the plural conditions of the seed then apply: "each member", or one member
with ≥ 25 % participation that provides ≥ 25 % of the experience); otherwise the offer-level
value is taken as the entity's finding for the plural bidder as a whole.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from cps.evaluation import random_draw, texts
from cps.evaluation.identity import person_key
from cps.evaluation.model import Case, Member, Offer, TieBreakEvidence
from cps.evaluation.rejection import member_mipyme
from cps.evaluation.result import FactorOutcome, RandomDraw, TieBreak, TieStep, Verification
from cps.evaluation.rules import parameter
from cps.law import tiebreak as law

_EMPTY = TieBreakEvidence()


def _mev(member: Member) -> TieBreakEvidence:
    return member.tie_break or _EMPTY


def _members_state(offer: Offer, *keys: str) -> bool:
    return any(getattr(_mev(m), k) is not None for m in offer.bidder.members for k in keys)


class _Context:
    """What the factors need to know about one tied offer."""

    def __init__(self, offer: Offer, verification: Verification | None) -> None:
        self.offer = offer
        self.ev = offer.tie_break
        self.plural = offer.bidder.plural
        shares = verification.experience.member_shares if verification is not None else {}
        self.shares = shares
        self.plural_min = parameter("tie_break_plural_min_share")

    def experience_share(self, member: Member) -> Decimal:
        explicit = _mev(member).experience_share
        if explicit is not None:
            return explicit
        return self.shares.get(person_key(member.nit), Decimal(0))

    def strong_member(self, member: Member) -> tuple[bool, str]:
        """≥ 25 % participation and ≥ 25 % of the experience credited in the offer."""
        part = member.participation
        share = self.experience_share(member)
        ok = part >= self.plural_min and share >= self.plural_min
        return ok, f"participación {texts.share(part)}, aporta {texts.share(share)} de la experiencia"


def _out(ctx: _Context, met: bool, note: str, value: Decimal | None = None) -> FactorOutcome:
    return FactorOutcome(offer=ctx.offer.id, met=met, value=value, note=note)


def _yes(value: bool | None) -> bool:
    return bool(value)


def _all_members(ctx: _Context, key: str, label: str) -> FactorOutcome:
    """Plural bidders where "each member" must accredit the condition."""
    missing = [m.name for m in ctx.offer.bidder.members if not _yes(getattr(_mev(m), key))]
    if missing:
        return _out(ctx, False, f"No todos los integrantes acreditan {label} (no: {', '.join(missing)}).")
    return _out(ctx, True, f"Todos los integrantes acreditan {label}.")


def _flag_factor(key: str, label: str) -> Callable[[_Context], FactorOutcome]:
    """A yes/no factor; plural bidders stating it per member need it from each member."""

    def evaluate(ctx: _Context) -> FactorOutcome:
        if ctx.plural and _members_state(ctx.offer, key):
            return _all_members(ctx, key, label)
        value = _yes(getattr(ctx.ev, key))
        who = "El proponente plural" if ctx.plural else "El proponente"
        return _out(ctx, value, f"{who} {'acredita' if value else 'no acredita'} {label}.")

    return evaluate


def _threshold(number: int) -> Decimal:
    value = law.factor(number).threshold
    assert value is not None
    return value


def _f3_disability(ctx: _Context) -> FactorOutcome:
    minimum = _threshold(3)
    if ctx.plural and _members_state(ctx.offer, "disability_payroll_pct"):
        notes = []
        for m in ctx.offer.bidder.members:
            pct = _mev(m).disability_payroll_pct
            if pct is None or pct < minimum:
                continue
            ok, detail = ctx.strong_member(m)
            notes.append(f"{m.name}: {texts.share(pct)} de su nómina, {detail}")
            if ok:
                return _out(ctx, True, f"Integrante con ≥ {texts.share(minimum)} de nómina con discapacidad y "
                                       f"≥ {texts.share(ctx.plural_min)} de participación y de experiencia: {notes[-1]}.")
        return _out(ctx, False, "Ningún integrante reúne ≥ 10 % de nómina con discapacidad, ≥ 25 % de participación "
                                "y ≥ 25 % de la experiencia" + (f" ({'; '.join(notes)})" if notes else "") + ".")
    pct = ctx.ev.disability_payroll_pct
    if pct is None:
        return _out(ctx, False, "No acredita nómina con personas en condición de discapacidad.")
    met = pct >= minimum
    return _out(ctx, met, f"{texts.share(pct)} de su nómina en condición de discapacidad "
                          f"({'≥' if met else '<'} {texts.share(minimum)}).", pct)


def _payroll_share(ctx: _Context, pct_key: str, count_key: str) -> tuple[Fraction | None, str]:
    """A payroll proportion; plural bidders add up their members' payrolls (factors 4 and 5)."""
    members = ctx.offer.bidder.members
    if ctx.plural and members and all(
        _mev(m).payroll_total is not None and getattr(_mev(m), count_key) is not None for m in members
    ):
        total = sum(_mev(m).payroll_total or 0 for m in members)
        counted = sum(getattr(_mev(m), count_key) or 0 for m in members)
        if total == 0:
            return Fraction(0), "sumatoria de las nóminas de los integrantes: 0 trabajadores"
        return Fraction(counted, total), (f"sumatoria de las nóminas de los integrantes: {counted} de {total} "
                                          "trabajadores")
    pct = getattr(ctx.ev, pct_key)
    if pct is not None:
        return Fraction(pct), "proporción acreditada"
    payroll = ctx.ev.payroll_total
    count = getattr(ctx.ev, count_key)
    if payroll is not None and count is not None:
        if payroll == 0:
            return Fraction(0), "nómina de 0 trabajadores"
        return Fraction(count, payroll), f"{count} de {payroll} trabajadores"
    return None, "no acredita"


def _as_decimal(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.000001"), ROUND_HALF_UP)


def _f4_value(ctx: _Context) -> tuple[Fraction, FactorOutcome]:
    value, how = _payroll_share(ctx, "older_workers_pct", "older_workers")
    if value is None:
        return Fraction(0), _out(ctx, False, "No acredita personas mayores no pensionadas en su nómina.")
    shown = _as_decimal(value)
    return value, _out(ctx, False, f"Personas mayores no pensionadas: {texts.share(shown)} de la nómina ({how}).", shown)


def _f5_ethnic(ctx: _Context) -> FactorOutcome:
    minimum = _threshold(5)
    value, how = _payroll_share(ctx, "ethnic_payroll_pct", "ethnic_workers")
    if value is None:
        return _out(ctx, False, "No acredita nómina de población indígena, negra, afrocolombiana, raizal, "
                                "palenquera, Rrom o gitana.")
    shown = _as_decimal(value)
    met = value >= Fraction(minimum)
    return _out(ctx, met, f"{texts.share(shown)} de la nómina ({how}); {'≥' if met else '<'} {texts.share(minimum)}.",
                shown)


def _f7_plural_women_reintegration(ctx: _Context) -> FactorOutcome:
    if not ctx.plural:
        return _out(ctx, False, "Factor solo para proponentes plurales.")
    keys = ("plural_women_reintegration", "women_head_or_violence_victim", "reintegration")
    if _members_state(ctx.offer, *keys):
        notes = []
        for m in ctx.offer.bidder.members:
            ev = _mev(m)
            if not any(_yes(getattr(ev, k)) for k in keys):
                continue
            ok, detail = ctx.strong_member(m)
            notes.append(f"{m.name}: {detail}")
            if ok:
                return _out(ctx, True, "Integrante madre cabeza de familia o en proceso de reincorporación o "
                                       f"reintegración con ≥ 25 % de participación y de experiencia: {notes[-1]}.")
        return _out(ctx, False, "Ningún integrante madre cabeza de familia o en reincorporación reúne ≥ 25 % de "
                                "participación y ≥ 25 % de la experiencia" + (f" ({'; '.join(notes)})" if notes else "")
                    + ".")
    value = _yes(ctx.ev.plural_women_reintegration)
    return _out(ctx, value, f"El proponente plural {'acredita' if value else 'no acredita'} el factor 7.")


def _f8_mipyme(ctx: _Context) -> FactorOutcome:
    offer = ctx.offer
    if ctx.plural:
        def is_mipyme(m: Member) -> bool:
            stated = _mev(m).mipyme
            return stated if stated is not None else member_mipyme(offer, m)

        missing = [m.name for m in offer.bidder.members if not is_mipyme(m)]
        if missing:
            return _out(ctx, False, f"No todos los integrantes son Mipyme, cooperativa o asociación mutual "
                                    f"(no: {', '.join(missing)}).")
        return _out(ctx, True, "Todos los integrantes son Mipyme, cooperativa o asociación mutual.")
    value = ctx.ev.mipyme if ctx.ev.mipyme is not None else offer.bidder.mipyme
    return _out(ctx, value, f"{'Es' if value else 'No es'} Mipyme, cooperativa o asociación mutual.")


def _f9_plural_micro_small(ctx: _Context) -> FactorOutcome:
    if not ctx.plural:
        return _out(ctx, False, "Factor solo para proponentes plurales.")
    if _members_state(ctx.offer, "plural_micro_small"):
        return _all_members(ctx, "plural_micro_small", "la condición de micro o pequeña empresa, cooperativa o "
                                                       "asociación mutual")
    value = _yes(ctx.ev.plural_micro_small)
    return _out(ctx, value, f"El proponente plural {'está' if value else 'no está'} constituido en su totalidad por "
                            "micro y/o pequeñas empresas, cooperativas o asociaciones mutuales.")


def _f10_mipyme_payments(ctx: _Context) -> FactorOutcome:
    minimum = _threshold(10)
    offer = ctx.offer
    if ctx.plural:
        notes = []
        for m in offer.bidder.members:
            stated = _mev(m).mipyme
            if not (stated if stated is not None else member_mipyme(offer, m)):
                continue
            ok, detail = ctx.strong_member(m)
            notes.append(f"{m.name}: {detail}")
            if ok:
                return _out(ctx, True, "Integrante Mipyme, cooperativa o asociación mutual con ≥ 25 % de "
                                       f"participación y ≥ 25 % de la experiencia (num. 10.1 y 10.2): {notes[-1]}.")
        return _out(ctx, False, "Ningún integrante Mipyme reúne ≥ 25 % de participación y ≥ 25 % de la experiencia"
                    + (f" ({'; '.join(notes)})" if notes else "") + ".")
    pct = ctx.ev.mipyme_payments_pct
    if pct is None:
        return _out(ctx, False, "No acredita pagos a Mipyme del año anterior.")
    met = pct >= minimum
    return _out(ctx, met, f"{texts.share(pct)} de sus pagos del año anterior a Mipyme, cooperativas o mutuales "
                          f"({'≥' if met else '<'} {texts.share(minimum)}).", pct)


def _f12_icbf(ctx: _Context) -> FactorOutcome:
    if ctx.plural and _members_state(ctx.offer, "icbf_youth"):
        for m in ctx.offer.bidder.members:
            if _yes(_mev(m).icbf_youth) and m.participation >= ctx.plural_min:
                return _out(ctx, True, f"Integrante egresado del Sistema de Protección del ICBF (o persona jurídica "
                                       f"mayoritariamente de ellos) con {texts.share(m.participation)} de participación.")
        return _out(ctx, False, "Ningún integrante egresado del Sistema de Protección del ICBF con ≥ 25 % de "
                                "participación.")
    value = _yes(ctx.ev.icbf_youth)
    return _out(ctx, value, f"{'Acredita' if value else 'No acredita'} jóvenes egresados del Sistema de Protección "
                            "del ICBF.")


_FACTORS: dict[int, Callable[[_Context], FactorOutcome]] = {
    1: _flag_factor("national", "bienes o servicios nacionales"),
    2: _flag_factor("women_head_or_violence_victim",
                    "la condición de mujer cabeza de familia o víctima de violencia intrafamiliar"),
    3: _f3_disability,
    5: _f5_ethnic,
    6: _flag_factor("reintegration", "la condición de persona en proceso de reintegración o reincorporación"),
    7: _f7_plural_women_reintegration,
    8: _f8_mipyme,
    9: _f9_plural_micro_small,
    10: _f10_mipyme_payments,
    11: _flag_factor("bic_mipyme", "la condición de Sociedad BIC del segmento Mipyme"),
    12: _f12_icbf,
}


def _names(ids: list[str]) -> str:
    return ", ".join(ids)


def resolve(
    case: Case, tied: list[Offer], verifications: dict[str, Verification], price: int
) -> tuple[TieBreak, RandomDraw | None, list[str]]:
    """Break the tie among ``tied`` (compliant offers at the same lowest price).

    Returns the trace, the random draw when factor 13 was needed, and warnings.
    """
    warnings: list[str] = []
    remaining = list(tied)
    steps: list[TieStep] = []
    decided_by: int | None = None
    draw: RandomDraw | None = None
    for factor in law.factors():
        if factor.number == 13:
            break
        contexts = [_Context(o, verifications.get(o.id)) for o in remaining]
        if factor.number == 4:
            values = [_f4_value(c) for c in contexts]
            best = max(v for v, _ in values)
            outcomes = [
                o.model_copy(update={"met": best > 0 and v == best}) for v, o in values
            ]
        else:
            outcomes = [_FACTORS[factor.number](c) for c in contexts]
        met = [o.offer for o in outcomes if o.met]
        if met:
            remaining = [o for o in remaining if o.id in met]
            note = (f"Cumple(n): {_names(met)}. Continúa(n): {_names(met)}." if factor.number != 4 else
                    f"Mayor proporción: {_names(met)}. Continúa(n): {_names(met)}.")
        else:
            note = "Ninguna de las ofertas empatadas lo cumple: continúan todas."
        steps.append(TieStep(
            factor=factor.number, title=factor.title, reserved=factor.reserved, outcomes=outcomes,
            met_by=met, kept=[o.id for o in remaining], note=note,
        ))
        if len(remaining) == 1:
            decided_by = factor.number
            break
    if decided_by is None:
        seed = case.process.random_method_seed
        source = "process.random_method_seed"
        if not seed:
            seed = case.process.number
            source = "process.number"
            warnings.append(
                "El caso no trae la semilla publicada del método aleatorio (process.random_method_seed); el sorteo "
                "usó el número del proceso. El método debe estar previsto en los documentos del proceso "
                "(art. 2.2.1.2.4.2.17 num. 13)."
            )
        draw = random_draw.draw(seed, [o.id for o in remaining], seed_source=source)
        factor13 = law.factor(13)
        steps.append(TieStep(
            factor=13, title=factor13.title, reserved=False, outcomes=None, met_by=[draw.winner], kept=[draw.winner],
            note=f"Sorteo reproducible entre {_names(draw.candidates or [])}: SHA-256 → índice {draw.index} → "
                 f"{draw.winner}.",
        ))
        remaining = [o for o in remaining if o.id == draw.winner]
        decided_by = 13
    trace = TieBreak(
        tied=[o.id for o in tied], price=price, steps=steps, decided_by=decided_by, winner=remaining[0].id,
    )
    return trace, draw, warnings
