"""Arithmetic: amounts in digits against words, CDP lines against total and budget, the same value
stated twice, guarantee and experience figures against the budget."""

from __future__ import annotations

import re
from decimal import Decimal

from cps import money
from cps.documents.checks.base import Context, Rule, make
from cps.documents.extract.amounts import budget_mentions, words_value
from cps.documents.findings import Finding
from cps.documents.search import money_in, sentence_around
from cps.documents.text import Line, fold
from cps.law import params

FAMILY = "aritmética"

BUDGET_WORDS = Rule(
    "BUDGET_WORDS_MISMATCH", FAMILY, "error",
    "El presupuesto en letras no coincide con el valor en números",
    "El valor del proceso se escribe en números y en letras; las dos expresiones deben ser el mismo "
    "valor. Cuando no coinciden, el documento es ambiguo sobre el presupuesto oficial, que es el tope "
    "de las ofertas.",
    "Decreto 1082 de 2015 art. 2.2.1.1.2.1.1 num. 4 (valor estimado del contrato); coherencia de los Documentos del Proceso",
)
AMOUNT_WORDS = Rule(
    "AMOUNT_WORDS_MISMATCH", FAMILY, "error",
    "Una cifra escrita en letras no coincide con la escrita en números",
    "Cuando el documento escribe una cantidad en letras seguida de su valor en números entre "
    "paréntesis, ambos deben coincidir; si no, el requisito queda ambiguo.",
    "Principio de selección objetiva y claridad de los Documentos del Proceso (Ley 1150 de 2007 art. 5)",
)
CDP_SUM = Rule(
    "CDP_SUM_MISMATCH", FAMILY, "error",
    "Las líneas del CDP no suman el total indicado",
    "La suma de los valores de cada rubro del certificado de disponibilidad presupuestal debe ser igual "
    "al total que el documento declara.",
    "Decreto 111 de 1996 art. 71 (certificado de disponibilidad previo); verificación aritmética",
)
CDP_BUDGET = Rule(
    "CDP_BUDGET_MISMATCH", FAMILY, "error",
    "El CDP no respalda el presupuesto oficial",
    "El certificado de disponibilidad presupuestal debe cubrir el presupuesto oficial del proceso; "
    "un CDP menor deja sin respaldo parte del compromiso.",
    "Decreto 111 de 1996 art. 71; Decreto 1082 de 2015 art. 2.2.1.1.2.1.1 num. 4",
)
VALUE_TWICE = Rule(
    "VALUE_STATED_TWICE", FAMILY, "error",
    "El valor del proceso aparece con dos cifras distintas",
    "El presupuesto oficial o valor del contrato se enuncia en más de un lugar con valores diferentes.",
    "Coherencia de los Documentos del Proceso; Decreto 1082 de 2015 art. 2.2.1.1.2.1.1 num. 4",
)
GUARANTEE_AMOUNT = Rule(
    "GUARANTEE_AMOUNT_MISMATCH", FAMILY, "error",
    "El valor de una garantía no corresponde a su porcentaje",
    "La garantía se fija como porcentaje del valor del contrato; el valor en pesos que el documento "
    "indica debe ser ese porcentaje del presupuesto oficial.",
    "Decreto 1082 de 2015 arts. 2.2.1.2.3.1.7 y ss. (suficiencia de las garantías)",
)
GUARANTEE_PERCENT = Rule(
    "GUARANTEE_PERCENT_INVALID", FAMILY, "error",
    "Porcentaje de garantía imposible o por debajo del mínimo",
    "Un amparo no puede superar el 100 % del valor que garantiza; el de cumplimiento debe ser de al "
    "menos el 10 % del valor del contrato.",
    "Decreto 1082 de 2015 art. 2.2.1.2.3.1.12 (suficiencia de la garantía de cumplimiento)",
)
EXPERIENCE_AMOUNT = Rule(
    "EXPERIENCE_AMOUNT_MISMATCH", FAMILY, "error",
    "El valor de experiencia exigido no corresponde a lo que dice el mismo requisito",
    "El requisito de experiencia expresa el mismo valor de dos maneras (porcentaje del presupuesto, "
    "SMMLV o pesos) que no coinciden entre sí.",
    "Decreto 1082 de 2015 art. 2.2.1.1.1.6.2 (requisitos habilitantes adecuados y proporcionales)",
)

_AFTER_WORDS = re.compile(
    r"^\s*(?:de\s+)?(?:pesos?(?:\s+moneda\s+corriente|\s+m\s*/\s*cte\.?|\s+mcte\.?|\s+colombianos)?|"
    r"por\s+ciento)?\s*\(\s*(\$|us\$|cop)?\s*([\d][\d.,' ]*?)\s*(%|por\s+ciento)?\s*\)",
    re.IGNORECASE,
)


def _budget_words(ctx: Context) -> list[Finding]:
    r = ctx.record
    if r.budget is None or not r.budget_in_words:
        return []
    value = words_value(r.budget_in_words)
    if value is None or value == r.budget:
        return []
    loc = r.sources.get("budget")
    return [
        make(
            BUDGET_WORDS,
            message=(
                f"En letras dice {money.format_cop(value)} ({r.budget_in_words}) y en números "
                f"{money.format_cop(r.budget)}: una diferencia de {money.format_cop(abs(value - r.budget))}."
            ),
            evidence=f"{r.budget_in_words} ({money.format_cop(r.budget)})",
            location=loc,
        )
    ]


def words_digit_pairs(line: Line) -> list[tuple[money.WordsAmount, Decimal, int, int]]:
    """(words, digits value, start, end) for every "WORDS (digits)" pair in a line."""
    pairs = []
    for words in money.find_words_amounts(line.text):
        if re.search(r"(?i)\b(?:punto|coma)\s*$", line.text[: words.start]):
            continue  # "cero punto cinco (0.5)": a decimal read in words, not an amount
        m = _AFTER_WORDS.match(line.text[words.end :])
        if not m:
            continue
        try:
            digits = money.parse_amount(m.group(2))
        except ValueError:
            continue
        pairs.append((words, digits, words.start, words.end + m.end()))
    return pairs


def _cut_above(lines: list[Line], index: int, start: int) -> bool:
    """Words at the start of a line whose amount began on the line above ("A los treinta y / cinco
    (35) días" in a table cell of a text export)."""
    if index == 0 or lines[index].text[:start].strip():
        return False
    return bool(re.search(r"(?i)\b(?:y|veinti|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cientos?|mil|millones?)\s*$", lines[index - 1].text))


def _amount_words(ctx: Context) -> list[Finding]:
    out = []
    budget_loc = ctx.record.sources.get("budget")
    for index, line in enumerate(ctx.doc.lines):
        for words, digits, start, end in words_digit_pairs(line):
            if digits == words.value or digits == words.value * 100:  # "cero punto" styles are rare
                continue
            if _cut_above(ctx.doc.lines, index, start):
                continue
            if budget_loc is not None and budget_loc.line == line.location.line and digits == ctx.record.budget:
                continue  # reported by BUDGET_WORDS_MISMATCH
            if digits == ctx.record.budget:
                # the budget written again elsewhere, with other words: the budget in words is wrong there
                out.append(
                    make(
                        BUDGET_WORDS,
                        message=(
                            f"En letras dice {money.format_cop(words.value)} («{words.text}») y en números "
                            f"{money.format_cop(digits)}, el presupuesto oficial: una diferencia de "
                            f"{money.format_cop(abs(words.value - digits))}."
                        ),
                        evidence=sentence_around(line.text, start, end),
                        location=line.location,
                    )
                )
                continue
            out.append(
                make(
                    AMOUNT_WORDS,
                    message=(
                        f"En letras dice «{words.text}» ({money.group_thousands(int(words.value))}) y entre "
                        f"paréntesis {money.group_thousands(int(digits)) if digits == int(digits) else digits}."
                    ),
                    evidence=sentence_around(line.text, start, end),
                    location=line.location,
                )
            )
    return out


def _cdp_quote(ctx: Context) -> str | None:
    """The document's own words for the CDP total: the sentence (or table row) where it is written."""
    line = ctx.doc.line_at(ctx.record.sources.get("cdp_total"))
    if line is None:
        return None
    for hit in money_in(line):
        if money.round_pesos(hit.value) == ctx.record.cdp_total:
            return line.text[:500] if line.is_table_row else sentence_around(line.text, hit.start, hit.end)
    return None


def _cdp(ctx: Context) -> list[Finding]:
    r = ctx.record
    out = []
    if r.cdp_total is not None and len(r.cdp_lines) >= 2:
        total = sum(line.value for line in r.cdp_lines)
        if total != r.cdp_total:
            total_line = ctx.doc.line_at(r.sources.get("cdp_total"))
            quoted = total_line.text if total_line is not None else f"Total declarado: {money.format_cop(r.cdp_total)}"
            out.append(
                make(
                    CDP_SUM,
                    message=(
                        f"Las {len(r.cdp_lines)} líneas del CDP suman {money.format_cop(total)} y el total "
                        f"declarado es {money.format_cop(r.cdp_total)} (diferencia "
                        f"{money.format_cop(abs(total - r.cdp_total))})."
                    ),
                    evidence=quoted[:500],
                    location=r.sources.get("cdp_total"),
                    related=[(line.location, money.format_cop(line.value)) for line in r.cdp_lines],
                )
            )
    if r.cdp_total is not None and r.budget is not None and r.cdp_total != r.budget:
        short = r.cdp_total < r.budget
        out.append(
            make(
                CDP_BUDGET,
                severity="error" if short else "info",
                message=(
                    f"El CDP respalda {money.format_cop(r.cdp_total)} y el presupuesto oficial es "
                    f"{money.format_cop(r.budget)}: "
                    + (
                        f"faltan {money.format_cop(r.budget - r.cdp_total)} de respaldo presupuestal."
                        if short
                        else f"el CDP excede el presupuesto en {money.format_cop(r.cdp_total - r.budget)} "
                        "(no es un defecto, pero conviene liberar el saldo)."
                    )
                ),
                evidence=_cdp_quote(ctx) or f"CDP {money.format_cop(r.cdp_total)} frente a presupuesto {money.format_cop(r.budget)}",
                location=r.sources.get("cdp_total"),
                related=[(r.sources.get("budget"), f"Presupuesto oficial {money.format_cop(r.budget)}")],
            )
        )
    return out


def _value_twice(ctx: Context) -> list[Finding]:
    r = ctx.record
    if r.budget is None:
        return []
    out = []
    seen: set[int] = set()
    for hit in budget_mentions(ctx.doc):
        value = money.round_pesos(hit.value)
        if value == r.budget or value in seen:
            continue
        before = fold(hit.line.text[max(0, hit.start - 120) : hit.start])
        if re.search(r"\b(?:cdp|disponibilidad|rubro|garant|experiencia|contratos\s+(?:ejecutados|celebrados))", before):
            continue
        if r.contract_type in ("interventoria", "consultoria") and re.search(r"\bobras?\b|contrato\s+de\s+obra|a\s+supervisar", before[-60:]):
            continue  # the value of the works an interventoría supervises, another contract
        seen.add(value)
        out.append(
            make(
                VALUE_TWICE,
                message=(
                    f"El presupuesto oficial es {money.format_cop(r.budget)} pero aquí el valor del proceso se "
                    f"enuncia como {money.format_cop(value)}."
                ),
                evidence=hit.sentence(),
                location=hit.line.location,
                related=[(r.sources.get("budget"), f"Presupuesto oficial {money.format_cop(r.budget)}")],
            )
        )
    return out


TOTAL_ROW = re.compile(r"^(?:valor\s+)?total(?:\s+(?:general|presupuesto(?:\s+oficial)?|con\s+iva|iva\s+incluido|del\s+presupuesto))?\s*:?$")


def _table_totals(ctx: Context) -> list[Finding]:
    """The total row of a quantities/budget table that does not match the official budget."""
    r = ctx.record
    if not r.budget:
        return []
    skip = {loc.line for loc in [r.sources.get("cdp_total"), *[c.location for c in r.cdp_lines]] if loc is not None}
    out = []
    for line in ctx.doc.lines:
        if not line.cells or line.location.line in skip:
            continue
        label = next((fold(c).strip(" .:") for c in line.cells if c.strip() and not re.match(r"^[\d.,$\s%'COP]+$", c)), "")
        if not TOTAL_ROW.match(label):
            continue
        amounts = money_in(line)
        if not amounts:
            continue
        value = money.round_pesos(amounts[-1].value)
        if value == r.budget or not (r.budget / 2 <= value <= r.budget * 2):
            continue
        out.append(
            make(
                VALUE_TWICE,
                message=(
                    f"El cuadro de cantidades y precios totaliza {money.format_cop(value)}, pero el presupuesto "
                    f"oficial es {money.format_cop(r.budget)} (diferencia {money.format_cop(abs(value - r.budget))})."
                ),
                evidence=line.text,
                location=line.location,
                related=[(r.sources.get("budget"), f"Presupuesto oficial {money.format_cop(r.budget)}")],
            )
        )
    return out


def _guarantee_figures(ctx: Context) -> list[Finding]:
    r = ctx.record
    out = []
    for g in r.guarantees:
        if g.percent is None:
            continue
        loc = g.location
        if g.percent > 100 or g.percent <= 0:
            out.append(
                make(
                    GUARANTEE_PERCENT,
                    message=f"La garantía de {g.kind} se fija en {g.percent:g} %, un porcentaje imposible.",
                    evidence=(g.text or "")[:300],
                    location=loc,
                )
            )
        elif g.kind == "cumplimiento" and g.percent < 10:
            out.append(
                make(
                    GUARANTEE_PERCENT,
                    message=(
                        f"La garantía de cumplimiento se fija en {g.percent:g} % del valor del contrato; el "
                        "mínimo reglamentario es el 10 % (salvo contratos de más de 1.000.000 de SMMLV)."
                    ),
                    evidence=(g.text or "")[:300],
                    location=loc,
                )
            )
        if r.budget is None or not g.text:
            continue
        for hit in money_in(Line(0, g.text, None, None)):
            expected = Decimal(r.budget) * Decimal(str(g.percent)) / 100
            diff = abs(hit.value - expected)
            if diff <= 1:
                continue
            out.append(
                make(
                    GUARANTEE_AMOUNT,
                    severity="error" if diff / expected > Decimal("0.005") else "warning",
                    message=(
                        f"El {g.percent:g} % del presupuesto oficial ({money.format_cop(r.budget)}) es "
                        f"{money.format_cop(money.round_pesos(expected))}, pero el documento indica "
                        f"{money.format_cop(hit.value)} para la garantía de {g.kind}."
                    ),
                    evidence=sentence_around(g.text, hit.start, hit.end),
                    location=loc,
                )
            )
    return out


def _experience_figures(ctx: Context) -> list[Finding]:
    r = ctx.record
    exp = r.experience
    if exp is None:
        return []
    if exp.min_value is None and exp.min_smmlv is not None and exp.min_value_share_of_budget is not None and r.budget:
        # "el 100 % del presupuesto oficial expresado en SMMLV, es decir, 25 SMMLV"
        try:
            wage = params.smmlv(ctx.year)
        except params.MissingParameter:
            return []
        in_smmlv = Decimal(r.budget) * Decimal(str(exp.min_value_share_of_budget)) / wage.value
        if abs(in_smmlv - Decimal(str(exp.min_smmlv))) < Decimal("0.5"):
            return []
        return [
            make(
                EXPERIENCE_AMOUNT,
                message=(
                    f"El {exp.min_value_share_of_budget * 100:g} % del presupuesto oficial ({money.format_cop(r.budget)}) "
                    f"equivale a {str(in_smmlv.quantize(Decimal('0.01'))).replace('.', ',')} SMMLV de {ctx.year} "
                    f"({money.format_cop(wage.value)} cada uno), pero el requisito indica {exp.min_smmlv:g} SMMLV."
                ),
                evidence=exp.text[:600],
                location=exp.location,
            )
        ]
    if exp.min_value is None:
        return []
    expected: Decimal | None = None
    basis = ""
    if exp.min_value_share_of_budget is not None and r.budget is not None:
        expected = Decimal(r.budget) * Decimal(str(exp.min_value_share_of_budget))
        basis = f"el {exp.min_value_share_of_budget * 100:g} % del presupuesto oficial ({money.format_cop(r.budget)})"
    elif exp.min_smmlv is not None:
        try:
            wage = params.smmlv(ctx.year)
        except params.MissingParameter:
            return []
        expected = Decimal(str(exp.min_smmlv)) * wage.value
        basis = f"{exp.min_smmlv:g} SMMLV de {ctx.year} ({money.format_cop(wage.value)} cada uno)"
    if expected is None or abs(Decimal(exp.min_value) - expected) <= 1:
        return []
    return [
        make(
            EXPERIENCE_AMOUNT,
            message=(
                f"{basis[0].upper() + basis[1:]} equivale a {money.format_cop(money.round_pesos(expected))}, "
                f"pero el requisito indica {money.format_cop(exp.min_value)}."
            ),
            evidence=_quote_around(exp.text, exp.min_value),
            location=exp.location,
        )
    ]


def _quote_around(text: str, value: int) -> str:
    """The part of a long requirement that states ``value`` (so the quote shows the figure)."""
    digits = f"{value:,}".replace(",", ".")
    at = text.find(digits)
    if at < 0:
        at = text.find(f"{value:,}")
    return sentence_around(text, at, at + len(digits), 400) if at >= 0 else text[:400]


RULES = [BUDGET_WORDS, AMOUNT_WORDS, CDP_SUM, CDP_BUDGET, VALUE_TWICE, GUARANTEE_AMOUNT, GUARANTEE_PERCENT, EXPERIENCE_AMOUNT]
CHECKS = [_budget_words, _amount_words, _cdp, _value_twice, _table_totals, _guarantee_figures, _experience_figures]
