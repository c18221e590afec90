"""The evaluation case as forms: process data, items as rows, offers as columns (one per bidder).

Translation only (es-CO numbers, checkboxes, blank columns left out); keys the grid does not show
(consortium members, per-member tie-break data, offers' item lists) are kept from the previous
case. The core (``cps.evaluation.load_case``) validates the result and names the field at fault.
"""

from __future__ import annotations

import copy
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from cps.money import parse_amount

EXTRA_ITEMS = 2
EXTRA_OFFERS = 1
KINDS = [("juridica", "Persona jurídica"), ("natural", "Persona natural"), ("consorcio", "Consorcio"), ("union_temporal", "Unión temporal")]
TIE_BREAK_FLAGS = [
    ("national", "1 · Bienes o servicios nacionales"),
    ("women_head_or_violence_victim", "2 · Mujer cabeza de familia o víctima de violencia intrafamiliar"),
    ("reintegration", "6 · Persona en reintegración o reincorporación"),
    ("plural_women_reintegration", "7 · Proponente plural con integrante de los factores 2 o 6"),
    ("mipyme", "8 · Mipyme, cooperativa o asociación mutual"),
    ("plural_micro_small", "9 · Proponente plural solo de micro o pequeñas empresas"),
    ("bic_mipyme", "11 · Sociedad BIC del segmento Mipyme"),
    ("icbf_youth", "12 · Egresados del Sistema de Protección del ICBF"),
]
TIE_BREAK_SHARES = [
    ("disability_payroll_pct", "3 · % de nómina con discapacidad"),
    ("older_workers_pct", "4 · % de nómina de personas mayores sin pensión"),
    ("ethnic_payroll_pct", "5 · % de nómina de población étnica"),
    ("mipyme_payments_pct", "10 · % de pagos a proveedores Mipyme"),
]
FLAGS = [
    ("inhabilidad", "Inhabilidad o incompatibilidad"),
    ("responsable_fiscal", "Responsable fiscal"),
    ("ley_1116", "Reorganización o liquidación (Ley 1116)"),
    ("conflicto_interes", "Conflicto de interés"),
    ("informacion_inexacta", "Información inexacta"),
    ("no_subsano", "No subsanó"),
    ("condicionada", "Oferta condicionada"),
    ("parcial", "Oferta parcial"),
    ("artificialmente_baja", "Precio artificialmente bajo"),
    ("objeto_social", "Objeto social no corresponde"),
    ("tachaduras", "Tachaduras o enmendaduras"),
]


class GridError(ValueError):
    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("; ".join(errors))


def _amount(raw: str, label: str, errors: list[str]) -> int | float | None:
    text = (raw or "").strip()
    if not text:
        return None
    try:
        value = parse_amount(text)
    except ValueError:
        errors.append(f"{label}: «{raw}» no es un valor en pesos")
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _share(raw: str, label: str, errors: list[str]) -> float | None:
    text = (raw or "").strip().replace("%", "").replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text) / 100
    except InvalidOperation:
        errors.append(f"{label}: «{raw}» no es un porcentaje")
        return None
    return float(value)


def _fmt(value: Any) -> str:
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if number == number.to_integral_value():
        return f"{int(number):,}".replace(",", ".")
    return str(number).replace(".", ",")


def _pct(value: Any) -> str:
    return "" if value in (None, "") else format((Decimal(str(value)) * 100).normalize(), "f").replace(".", ",")


def _experience_lines(experience: list[dict[str, Any]]) -> str:
    lines = []
    for e in experience or []:
        parts = [str(e.get("description", "")), _fmt(e.get("value")), str(e.get("end", "")), _fmt(e.get("participation", 1))]
        lines.append(" | ".join(parts))
    return "\n".join(lines)


def _parse_experience(text: str, label: str, previous: list[dict[str, Any]], errors: list[str]) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(row for row in (text or "").splitlines() if row.strip()):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) < 3:
            errors.append(f"{label}, experiencia línea {n + 1}: escriba «descripción | valor | fecha de terminación | participación»")
            continue
        base = dict(previous[n]) if n < len(previous) else {"currency": "COP", "subcontract": False}
        base["description"], base["value"], base["end"] = parts[0], _amount(parts[1], f"{label}, experiencia {n + 1}", errors), parts[2]
        if len(parts) > 3 and parts[3]:
            share = parts[3].replace(",", ".")
            try:
                base["participation"] = float(Decimal(share))
            except InvalidOperation:
                errors.append(f"{label}, experiencia {n + 1}: participación «{parts[3]}» (use 1 o 0,5)")
        rows.append(base)
    return rows


def grid_from_case(case: dict[str, Any]) -> dict[str, Any]:
    process = case.get("process") or {}
    items = list(process.get("items") or [])
    item_rows = [
        {"id": it.get("id", ""), "description": it.get("description", ""), "unit": it.get("unit", ""),
         "quantity": _fmt(it.get("quantity")), "max_unit_price": _fmt(it.get("max_unit_price"))}
        for it in items
    ] + [{"id": "", "description": "", "unit": "", "quantity": "", "max_unit_price": ""}] * EXTRA_ITEMS
    offers = []
    for offer in list(case.get("offers") or []) + [{}] * EXTRA_OFFERS:
        bidder = offer.get("bidder") or {}
        tie = offer.get("tie_break") or {}
        prices = {str(k): v for k, v in (offer.get("unit_prices") or {}).items()}
        if not prices and offer.get("items"):
            prices = {str(i.get("id")): i.get("unit_price") for i in offer["items"] if isinstance(i, dict)}
        offers.append({
            "id": offer.get("id", ""),
            "name": bidder.get("name", ""), "nit": bidder.get("nit", ""), "kind": bidder.get("kind", "juridica"),
            "mipyme": bool(bidder.get("mipyme")), "department": bidder.get("department", ""),
            "submitted_at": str(offer.get("submitted_at", ""))[:16],
            "declared_total": _fmt(offer.get("declared_total")),
            "economic_form_signed": bool(offer.get("economic_form_signed", True)) if offer else True,
            "certificate_issued": str(offer.get("certificate_issued", ""))[:10],
            "experience": _experience_lines(offer.get("experience") or []),
            "tie_flags": {key: bool(tie.get(key)) for key, _ in TIE_BREAK_FLAGS},
            "tie_shares": {key: _pct(tie.get(key)) for key, _ in TIE_BREAK_SHARES},
            "flags": set(offer.get("flags") or []),
            "prices": {str(it.get("id")): _fmt(prices.get(str(it.get("id")))) for it in items},
        })
    experience = process.get("experience") or {}
    return {
        "process": {
            "number": process.get("number", ""), "entity": process.get("entity", ""), "entity_nit": process.get("entity_nit", ""),
            "closing": str(process.get("closing", ""))[:16], "official_budget": _fmt(process.get("official_budget")),
            "mipyme_limited": bool(process.get("mipyme_limited")),
            "territorial_limitation": ", ".join(process.get("territorial_limitation") or []),
            "seriousness_guarantee_required": bool(process.get("seriousness_guarantee_required")),
            "certificate_max_age_days": process.get("certificate_max_age_days", ""),
            "max_contracts": experience.get("max_contracts", ""), "min_total_value": _fmt(experience.get("min_total_value")),
            "random_method_seed": process.get("random_method_seed", ""),
        },
        "items": item_rows,
        "offers": offers,
    }


def _closing(raw: str) -> str:
    """``2026-07-24T10:00`` from the form → ISO with Bogotá's offset (the case format's dates)."""
    text = raw.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", text):
        return text + ":00-05:00"
    return text


def case_from_grid(post: Any, previous: dict[str, Any]) -> dict[str, Any]:
    errors: list[str] = []
    case = copy.deepcopy(previous) if previous else {}
    process = dict(case.get("process") or {})
    for key in ("number", "entity", "entity_nit", "random_method_seed"):
        process[key] = post.get(f"p-{key}", "").strip()
    process["modality"] = process.get("modality") or "minima_cuantia"
    process["closing"] = _closing(post.get("p-closing", ""))
    process["official_budget"] = _amount(post.get("p-official_budget", ""), "Presupuesto oficial", errors)
    process["mipyme_limited"] = post.get("p-mipyme_limited") == "on"
    process["seriousness_guarantee_required"] = post.get("p-seriousness_guarantee_required") == "on"
    process["territorial_limitation"] = [d.strip() for d in post.get("p-territorial_limitation", "").split(",") if d.strip()]
    age = post.get("p-certificate_max_age_days", "").strip()
    if age:
        process["certificate_max_age_days"] = int(age) if age.isdigit() else age
    experience = dict(process.get("experience") or {})
    contracts = post.get("p-max_contracts", "").strip()
    if contracts:
        experience["max_contracts"] = int(contracts) if contracts.isdigit() else contracts
    minimum = _amount(post.get("p-min_total_value", ""), "Experiencia mínima", errors)
    if minimum is not None:
        experience["min_total_value"] = minimum
    if experience:
        process["experience"] = experience
    items = []
    for i in range(int(post.get("items", "0") or 0)):
        item_id = post.get(f"i-{i}-id", "").strip()
        description = post.get(f"i-{i}-description", "").strip()
        if not item_id and not description:
            continue
        items.append({
            "id": int(item_id) if item_id.isdigit() else item_id,
            "description": description,
            "unit": post.get(f"i-{i}-unit", "").strip(),
            "quantity": _amount(post.get(f"i-{i}-quantity", ""), f"Ítem {item_id}, cantidad", errors),
            "max_unit_price": _amount(post.get(f"i-{i}-max_unit_price", ""), f"Ítem {item_id}, precio unitario máximo", errors),
        })
    process["items"] = items
    previous_offers = {str(o.get("id")): o for o in case.get("offers") or []}
    offers = []
    for j in range(int(post.get("offers", "0") or 0)):
        offer_id = post.get(f"o-{j}-id", "").strip()
        name = post.get(f"o-{j}-name", "").strip()
        if not offer_id and not name:
            continue
        label = f"Oferta {offer_id or j + 1}"
        offer = copy.deepcopy(previous_offers.get(offer_id, {}))
        bidder = dict(offer.get("bidder") or {})
        bidder.update({"name": name, "nit": post.get(f"o-{j}-nit", "").strip(), "kind": post.get(f"o-{j}-kind", "juridica"),
                       "mipyme": post.get(f"o-{j}-mipyme") == "on", "department": post.get(f"o-{j}-department", "").strip()})
        offer.update({
            "id": offer_id,
            "submitted_at": _closing(post.get(f"o-{j}-submitted_at", "")),
            "bidder": bidder,
            "declared_total": _amount(post.get(f"o-{j}-declared_total", ""), f"{label}, valor declarado", errors),
            "economic_form_signed": post.get(f"o-{j}-economic_form_signed") == "on",
            "certificate_issued": post.get(f"o-{j}-certificate_issued", "").strip(),
            "experience": _parse_experience(post.get(f"o-{j}-experience", ""), label, list(offer.get("experience") or []), errors),
        })
        tie = dict(offer.get("tie_break") or {})
        for key, _ in TIE_BREAK_FLAGS:
            tie[key] = post.get(f"o-{j}-tie-{key}") == "on"
        for key, _ in TIE_BREAK_SHARES:
            share = _share(post.get(f"o-{j}-tie-{key}", ""), f"{label}, {key}", errors)
            if share is None:
                tie.pop(key, None)
            else:
                tie[key] = share
        offer["tie_break"] = {k: v for k, v in tie.items() if v not in (False, None)}
        offer["flags"] = [key for key, _ in FLAGS if post.get(f"o-{j}-flag-{key}") == "on"]
        prices = {}
        for item in items:
            price = _amount(post.get(f"o-{j}-price-{item['id']}", ""), f"{label}, precio del ítem {item['id']}", errors)
            if price is not None:
                prices[str(item["id"])] = price
        offer["unit_prices"] = prices
        offer.pop("items", None)
        offers.append(offer)
    case["process"], case["offers"] = process, offers
    if errors:
        raise GridError(errors)
    return case
