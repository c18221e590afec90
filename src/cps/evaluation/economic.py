"""Economic review of one offer: arithmetic correction and the economic rejection causes.

Invitation §2.13 causales H, K, L, N, O and P. The corrected total is Σ quantity × unit price
over the items as the offer states them (official quantities unless the offer wrote its own),
rounded half up to the peso once, at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cps.evaluation.identity import text_key
from cps.evaluation.model import Case, Item, Offer
from cps.evaluation.result import EconomicReview, Reason
from cps.evaluation.rules import parameter, reason
from cps.money import format_cop, format_percent, round_pesos

_LISTED = 8  # items named in one reason before "y N más"


@dataclass(frozen=True)
class Line:
    item_id: str
    description: str
    unit: str
    quantity: Decimal
    unit_price: Decimal | None
    max_unit_price: Decimal | None
    official: bool

    @property
    def total(self) -> Decimal:
        return self.quantity * self.unit_price if self.unit_price is not None else Decimal(0)


Priced = tuple[str, Decimal, Decimal | None, Decimal | None, bool]  # id, quantity, price, cap, official


def _priced(case: Case, offer: Offer) -> list[Priced]:
    """(item id, quantity, unit price, official cap, is official) for every line of the offer."""
    if offer.unit_prices is not None:
        prices = offer.unit_prices
        return [(i.id, i.quantity, prices.get(i.id), i.max_unit_price, True) for i in case.process.items]
    offered = {o.id: o for o in offer.items or []}
    out: list[Priced] = []
    for item in case.process.items:
        o = offered.get(item.id)
        quantity = o.quantity if o is not None and o.quantity is not None else item.quantity
        out.append((item.id, quantity, o.unit_price if o is not None else None, item.max_unit_price, True))
    official = case.item_index()
    for o in offer.items or []:
        if o.id not in official:
            out.append((o.id, o.quantity or Decimal(0), o.unit_price, None, False))
    return out


def lines(case: Case, offer: Offer) -> list[Line]:
    """The offer's priced lines, with descriptions and units, for the report."""
    official = case.item_index()
    offered = {o.id: o for o in offer.items or []}
    out: list[Line] = []
    for item_id, quantity, price, cap, is_official in _priced(case, offer):
        item = official.get(item_id)
        o = offered.get(item_id)
        description = (o.description if o is not None and o.description is not None
                       else item.description if item is not None else "")
        unit = o.unit if o is not None and o.unit is not None else item.unit if item is not None else ""
        out.append(Line(item_id, description, unit, quantity, price, cap, is_official))
    return out


def _listing(ids: list[str]) -> str:
    shown = ", ".join(ids[:_LISTED])
    return shown + (f" y {len(ids) - _LISTED} más" if len(ids) > _LISTED else "")


def _items(ids: list[str]) -> str:
    return ("ítem " if len(ids) == 1 else "ítems ") + _listing(ids)


def _modifications(case: Case, offer: Offer) -> list[str]:
    """What the bidder added, removed or changed in the official items (causal N)."""
    if offer.items is None:
        return []
    official = case.item_index()
    offered = {o.id: o for o in offer.items}
    changes: list[str] = []
    added = [o.id for o in offer.items if o.id not in official]
    removed = [i for i in official if i not in offered]
    if added:
        changes.append(f"adiciona el ítem o los ítems {_listing(added)}")
    if removed:
        changes.append(f"suprime el ítem o los ítems {_listing(removed)}")
    for item_id, o in offered.items():
        item: Item | None = official.get(item_id)
        if item is None:
            continue
        if o.quantity is not None and o.quantity != item.quantity:
            changes.append(f"ítem {item_id}: cantidad {o.quantity:f} en lugar de {item.quantity:f}")
        if o.unit is not None and text_key(o.unit) != text_key(item.unit):
            changes.append(f"ítem {item_id}: unidad «{o.unit}» en lugar de «{item.unit}»")
        if o.description is not None and item.description and text_key(o.description) != text_key(item.description):
            changes.append(f"ítem {item_id}: descripción «{o.description}» en lugar de «{item.description}»")
    return changes


def review(case: Case, offer: Offer) -> EconomicReview:
    reasons: list[Reason] = []
    total = Decimal(0)
    missing: list[str] = []
    zero: list[str] = []
    over: list[str] = []
    for item_id, quantity, price, cap, official in _priced(case, offer):
        if price is None:
            if official:
                missing.append(item_id)
            continue
        total += quantity * price
        if not price:
            zero.append(item_id)
        elif cap is not None and price > cap:
            over.append(f"{item_id} ({format_cop(price)} > {format_cop(cap)})")
    corrected = round_pesos(total)
    declared = offer.declared_total
    difference = corrected - declared
    relative = abs(difference) / declared

    if not offer.economic_form_signed:
        reasons.append(reason("ECONOMIC_FORM_UNSIGNED", "El formato de propuesta económica no está firmado."))
    tolerance = parameter("arithmetic_tolerance")  # invitation §2.13 causal K: 1 % or more is rejected
    if relative >= tolerance:
        reasons.append(reason(
            "ARITHMETIC_DIFFERENCE",
            f"Corrección aritmética: {format_cop(corrected)} frente a {format_cop(declared)} registrados en el "
            f"formato; diferencia {format_cop(abs(difference))} = {format_percent(relative)} del valor registrado "
            f"(≥ {format_percent(tolerance, 0)}).",
        ))
    elif difference:
        reasons.append(reason(
            "ARITHMETIC_CORRECTED",
            f"Corrección aritmética: {format_cop(corrected)} frente a {format_cop(declared)} registrados; diferencia "
            f"{format_percent(relative)} (< {format_percent(tolerance, 0)}). La oferta se evalúa por el valor corregido.",
        ))
    budget = case.process.official_budget
    if declared > budget or corrected > budget:
        which = []
        if declared > budget:
            which.append(f"valor registrado {format_cop(declared)}")
        if corrected > budget:
            which.append(f"valor corregido {format_cop(corrected)}")
        reasons.append(reason(
            "OVER_BUDGET",
            f"{' y '.join(which).capitalize()} superior al presupuesto oficial de {format_cop(budget)}.",
        ))
    changes = _modifications(case, offer)
    if changes:
        reasons.append(reason("ITEMS_MODIFIED", "La oferta " + "; ".join(changes[:_LISTED])
                              + (f"; y {len(changes) - _LISTED} cambios más" if len(changes) > _LISTED else "")
                              + "."))
    if missing:
        reasons.append(reason("UNIT_PRICE_MISSING", f"Sin precio unitario: {_items(missing)}."))
    if zero:
        reasons.append(reason("UNIT_PRICE_ZERO", f"Precio unitario cero: {_items(zero)}."))
    if over:
        reasons.append(reason("UNIT_PRICE_OVER_MAX",
                              f"Precio unitario superior al oficial: {_items(over)}."))
    return EconomicReview(
        declared_total=declared,
        corrected_total=corrected,
        difference=difference,
        relative_difference=relative,
        reasons=reasons,
    )
