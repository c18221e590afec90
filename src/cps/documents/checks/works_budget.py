"""The budget of a works contract: the A.I.U. (administración, imprevistos, utilidad) and the IVA on
the utility against the percentages the same table states, and the total against its parts."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from cps import money
from cps.documents.checks.base import Context, Rule, make
from cps.documents.findings import Finding
from cps.documents.search import money_in
from cps.documents.text import Line, fold

FAMILY = "aritmética"
NORM = (
    "Decreto 1082 de 2015 art. 2.2.1.1.2.1.1 num. 4 (valor estimado del contrato y su justificación); "
    "verificación aritmética del presupuesto de obra"
)

AIU_PERCENT = Rule(
    "AIU_PERCENT_MISMATCH", FAMILY, "error",
    "Un componente del A.I.U. no corresponde a su porcentaje",
    "En el presupuesto de obra, la administración, los imprevistos y la utilidad se calculan como un "
    "porcentaje del costo directo, y el IVA como un porcentaje de la utilidad; el valor escrito debe ser "
    "ese porcentaje de su base.",
    NORM,
)
WORKS_TOTAL = Rule(
    "WORKS_BUDGET_TOTAL_MISMATCH", FAMILY, "error",
    "El total del presupuesto de obra no es la suma de sus partes",
    "El valor total del presupuesto de obra es el costo directo más la administración, los imprevistos, "
    "la utilidad y el IVA sobre la utilidad que el mismo cuadro detalla.",
    NORM,
)

DIRECT = re.compile(r"^\W*(?:total\s+)?costos?\s+directos?\b")
COMPONENT = re.compile(r"^\W*(administraci[oó]n|imprevistos?|utilidad)\b[^%$]{0,30}?\(?\s*(\d{1,2}(?:[.,]\d{1,2})?)\s*%")
VAT = re.compile(r"^\W*iva\b[^$]{0,40}?(\d{1,2}(?:[.,]\d{1,2})?)\s*%[^$]{0,40}?utilidad|^\W*iva\s+(?:sobre|de)\s+(?:la\s+)?utilidad[^%$]{0,20}?(\d{1,2}(?:[.,]\d{1,2})?)\s*%")
TOTAL = re.compile(r"^\W*(?:valor\s+)?total\b|^\W*presupuesto\s+(?:oficial\s+)?total\b")
WINDOW = 8  # lines after the direct cost where the A.I.U. rows are
LABELS = {"admin": "administración", "impre": "imprevistos", "utili": "utilidad"}


def _amount(line: Line) -> Decimal | None:
    hits = money_in(line)
    return hits[-1].value if hits else None


def _pct(raw: str) -> Decimal:
    return Decimal(raw.replace(",", "."))


def _share(base: Decimal, pct: Decimal) -> Decimal:
    return (base * pct / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def _mismatch(stated: Decimal, expected: Decimal) -> bool:
    return abs(stated - expected) > max(Decimal(2), expected * Decimal("0.0005"))


def _works_budget(ctx: Context) -> list[Finding]:
    lines = ctx.doc.lines
    out: list[Finding] = []
    for i, line in enumerate(lines):
        if not DIRECT.match(fold(line.text)):
            continue
        direct = _amount(line)
        if direct is None:
            continue
        parts: dict[str, Decimal] = {}
        for row in lines[i + 1 : i + 1 + WINDOW]:
            folded = fold(row.text)
            value = _amount(row)
            if value is None:
                continue
            component = COMPONENT.match(folded)
            vat = VAT.match(folded)
            if component:
                name = LABELS[component.group(1)[:5]]
                pct = _pct(component.group(2))
                expected = _share(direct, pct)
                parts[name] = value
                if _mismatch(value, expected):
                    out.append(
                        make(
                            AIU_PERCENT,
                            message=(
                                f"El {pct:g} % del costo directo ({money.format_cop(direct)}) es "
                                f"{money.format_cop(expected)}, pero el presupuesto indica {money.format_cop(value)} "
                                f"para {name}."
                            ),
                            evidence=row.text,
                            location=row.location,
                        )
                    )
            elif vat and LABELS["utili"] in parts:
                pct = _pct(vat.group(1) or vat.group(2))
                expected = _share(parts[LABELS["utili"]], pct)
                parts["IVA"] = value
                if _mismatch(value, expected):
                    out.append(
                        make(
                            AIU_PERCENT,
                            message=(
                                f"El IVA del {pct:g} % sobre la utilidad ({money.format_cop(parts[LABELS['utili']])}) es "
                                f"{money.format_cop(expected)}, pero el presupuesto indica {money.format_cop(value)}."
                            ),
                            evidence=row.text,
                            location=row.location,
                        )
                    )
            elif TOTAL.match(folded) and parts:
                expected = direct + sum(parts.values())
                if _mismatch(value, expected):
                    out.append(
                        make(
                            WORKS_TOTAL,
                            message=(
                                f"El costo directo ({money.format_cop(direct)}) más "
                                f"{', '.join(parts)} suman {money.format_cop(expected)}, pero el total indica "
                                f"{money.format_cop(value)}."
                            ),
                            evidence=row.text,
                            location=row.location,
                        )
                    )
                break
    return out


RULES = [AIU_PERCENT, WORKS_TOTAL]
CHECKS = [_works_budget]
