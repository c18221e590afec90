"""The LCC case as an HTML form: rows of inputs ↔ the case dict of ``cps lcc`` (YAML format).

Only the translation between form fields and the case lives here (es-CO numbers, percentages,
blank rows left out); the core validates the case and computes.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from cps.money import parse_amount

ANNUAL_ROWS = 5
ONE_OFF_ROWS = 2
EXTRA_ALTERNATIVES = 1


class CaseFormError(ValueError):
    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("; ".join(errors))


def _number(raw: str, label: str, errors: list[str], *, percent: bool = False) -> Decimal | None:
    text = raw.strip().replace("%", "").replace("$", "").strip()
    if not text:
        return None
    try:
        if percent:
            return Decimal(text.replace(".", "").replace(",", ".") if "," in text else text) / 100
        return parse_amount(text)
    except (InvalidOperation, ValueError):
        errors.append(f"{label}: «{raw}» no es un número")
        return None


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def case_from_post(post: Any) -> dict[str, Any]:
    errors: list[str] = []
    case: dict[str, Any] = {"name": post.get("name", "").strip(), "currency": "COP"}
    horizon = _number(post.get("horizon_years", ""), "Horizonte", errors)
    if horizon is not None:
        case["horizon_years"] = int(horizon)
    rate = _number(post.get("discount_rate", ""), "Tasa de descuento", errors, percent=True)
    if rate is not None:
        case["discount_rate"] = _json_number(rate)
    carbon = _number(post.get("carbon_price", ""), "Precio del carbono", errors)
    if carbon is not None:
        case["carbon_price"] = _json_number(carbon)
    alternatives = []
    count = int(post.get("alternatives", "0") or 0)
    for i in range(min(count, 20)):
        prefix = f"alt-{i}-"
        name = post.get(prefix + "name", "").strip()
        label = name or f"Alternativa {i + 1}"
        alt: dict[str, Any] = {"name": name}
        for key, title in (("acquisition", "adquisición"), ("residual_value", "valor residual"), ("annual_emissions_tco2e", "emisiones anuales")):
            raw = post.get(prefix + key, "")
            if key == "annual_emissions_tco2e":
                text = raw.strip().replace(",", ".")
                try:
                    value = Decimal(text) if text else None
                except InvalidOperation:
                    errors.append(f"{label}, {title}: «{raw}» no es un número")
                    value = None
            else:
                value = _number(raw, f"{label}, {title}", errors)
            if value is not None:
                alt[key] = _json_number(value)
        annual = []
        for j in range(int(post.get(prefix + "annual_rows", ANNUAL_ROWS) or 0)):
            concept = post.get(f"{prefix}annual-{j}-concept", "").strip()
            amount = _number(post.get(f"{prefix}annual-{j}-amount", ""), f"{label}, costo anual {j + 1}", errors)
            escalation = _number(post.get(f"{prefix}annual-{j}-escalation", ""), f"{label}, incremento {j + 1}", errors, percent=True)
            if concept or amount is not None:
                line: dict[str, Any] = {"concept": concept, "amount": _json_number(amount) if amount is not None else None}
                if escalation is not None:
                    line["escalation"] = _json_number(escalation)
                annual.append(line)
        if annual:
            alt["annual"] = annual
        one_off = []
        for j in range(int(post.get(prefix + "one_off_rows", ONE_OFF_ROWS) or 0)):
            concept = post.get(f"{prefix}oneoff-{j}-concept", "").strip()
            year = _number(post.get(f"{prefix}oneoff-{j}-year", ""), f"{label}, año del costo puntual {j + 1}", errors)
            amount = _number(post.get(f"{prefix}oneoff-{j}-amount", ""), f"{label}, costo puntual {j + 1}", errors)
            if concept or amount is not None:
                one_off.append({"year": int(year) if year is not None else None, "concept": concept, "amount": _json_number(amount) if amount is not None else None})
        if one_off:
            alt["one_off"] = one_off
        if name or len(alt) > 1:
            alternatives.append(alt)
    case["alternatives"] = alternatives
    if errors:
        raise CaseFormError(errors)
    return case


def _fmt_amount(value: Any) -> str:
    if value is None or value == "":
        return ""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return f"{int(number):,}".replace(",", ".")
    return str(number).replace(".", ",")


def _fmt_percent(value: Any) -> str:
    if value is None or value == "":
        return ""
    return format((Decimal(str(value)) * 100).normalize(), "f").replace(".", ",")


def form_rows(case: dict[str, Any]) -> dict[str, Any]:
    """The case as rows for the template, with blank rows to add lines and one more alternative."""
    alternatives = []
    for alt in list(case.get("alternatives") or []) + [{}] * EXTRA_ALTERNATIVES:
        annual = [
            {"concept": line.get("concept", ""), "amount": _fmt_amount(line.get("amount")), "escalation": _fmt_percent(line.get("escalation"))}
            for line in alt.get("annual") or []
        ]
        annual += [{"concept": "", "amount": "", "escalation": ""}] * max(0, ANNUAL_ROWS - len(annual))
        one_off = [
            {"year": line.get("year", ""), "concept": line.get("concept", ""), "amount": _fmt_amount(line.get("amount"))}
            for line in alt.get("one_off") or []
        ]
        one_off += [{"year": "", "concept": "", "amount": ""}] * max(0, ONE_OFF_ROWS - len(one_off))
        alternatives.append(
            {
                "name": alt.get("name", ""),
                "acquisition": _fmt_amount(alt.get("acquisition")),
                "residual_value": _fmt_amount(alt.get("residual_value")),
                "annual_emissions_tco2e": str(alt.get("annual_emissions_tco2e", "")).replace(".", ","),
                "annual": annual,
                "one_off": one_off,
            }
        )
    return {
        "name": case.get("name", ""),
        "horizon_years": case.get("horizon_years", ""),
        "discount_rate": _fmt_percent(case.get("discount_rate")),
        "carbon_price": _fmt_amount(case.get("carbon_price")),
        "alternatives": alternatives,
    }
