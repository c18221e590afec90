"""Identifiers: NIT check digits and the UNSPSC table (format, hierarchy, repeated codes)."""

from __future__ import annotations

import itertools
import re

from cps.documents.checks.base import Context, Rule, make
from cps.documents.findings import Finding
from cps.documents.record import Location, UnspscRow
from cps.documents.search import search_lines
from cps.documents.text import Line
from cps.law import nit, unspsc

FAMILY = "identificadores"

NIT_DIGIT = Rule(
    "NIT_CHECK_DIGIT", FAMILY, "error",
    "Dígito de verificación del NIT incorrecto",
    "El último dígito del NIT se calcula a partir de los demás con el algoritmo de la DIAN; si no "
    "coincide, el NIT está mal escrito.",
    nit.RULE,
)
MALFORMED = Rule(
    "UNSPSC_MALFORMED", FAMILY, "error",
    "Código UNSPSC mal formado",
    "Todo código del Clasificador de Bienes y Servicios tiene 8 dígitos, también los de segmento "
    "(XX000000), familia (XXXX0000) y clase (XXXXXX00).",
    unspsc.RULE,
)
HIERARCHY = Rule(
    "UNSPSC_HIERARCHY", FAMILY, "error",
    "Código UNSPSC fuera de su jerarquía",
    "En cada fila, el producto debe pertenecer a la clase, la clase a la familia y la familia al "
    "segmento que la misma fila indica, y cada código debe ser del nivel de su columna.",
    unspsc.RULE,
)
DUPLICATE = Rule(
    "UNSPSC_DUPLICATE", FAMILY, "warning",
    "Código UNSPSC repetido",
    "El mismo producto aparece en más de una fila de la tabla de clasificación.",
    "Calidad del Clasificador de Bienes y Servicios: cada bien se codifica una vez",
)

NIT_MENTION = re.compile(
    r"\bnit\.?\s*(?:no\.?|n[°º]|:)?\s*:?\s*(\d{1,3}(?:[.\s]?\d{3}){2,4}\s*[-–]\s*\d\b"
    r"|\d{1,3}(?:\.?\d{3}){2,4},?\s*(?:con\s+)?d[ií]gito\s+de\s+verificaci[oó]n\s*(?:\(?dv\)?)?\s*:?\s*\d)\b"
)

ARTICLE = {"segment": "el", "family": "la", "class": "la", "commodity": "el"}
COLUMNS: list[tuple[str, unspsc.Level]] = [
    ("segment", "segment"),
    ("family", "family"),
    ("class_", "class"),
    ("product", "commodity"),
]


def _nits(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    seen: set[str] = set()
    header = [Line(number=0, text=t, page=1, section=None) for t in ctx.doc.furniture]
    for hit in search_lines([*ctx.doc.lines, *header], NIT_MENTION):
        raw = re.sub(r",?\s*(?:con\s+)?d[ií]gito\s+de\s+verificaci[oó]n\s*(?:\(?dv\)?)?\s*:?\s*(\d)$", r"-\1", hit.groups[0] or "", flags=re.IGNORECASE)
        try:
            parsed = nit.parse(raw)
        except ValueError:
            continue
        key = parsed.formatted()
        if key in seen or parsed.digit is None:
            continue
        seen.add(key)
        if not parsed.valid:
            out.append(_nit_finding(parsed, hit.text, hit.location if hit.line.number else Location(page=1)))
    # the entity NIT may live only in the page header
    r = ctx.record
    if r.entity_nit and not seen:
        try:
            parsed = nit.parse(r.entity_nit)
        except ValueError:
            return out
        if parsed.digit is not None and not parsed.valid:
            out.append(_nit_finding(parsed, f"NIT {r.entity_nit}", r.sources.get("entity_nit")))
    return out


def _nit_finding(parsed: nit.Nit, evidence: str, location: Location | None) -> Finding:
    return make(
        NIT_DIGIT,
        message=f"Para el NIT {parsed.base} el dígito de verificación es {parsed.expected_digit}, no {parsed.digit}.",
        evidence=evidence,
        location=location,
    )


def _row_label(row: UnspscRow) -> str:
    codes = [c for c in (row.segment, row.family, row.class_, row.product) if c]
    return " / ".join(codes) + (f" ({row.name})" if row.name else "")


def _unspsc(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    seen_products: dict[str, UnspscRow] = {}
    malformed: dict[tuple[unspsc.Level, str], list[UnspscRow]] = {}
    level_names = unspsc.LEVEL_NAMES_ES
    for row in ctx.record.unspsc:
        parsed: dict[str, unspsc.Code] = {}
        for attr, level in COLUMNS:
            raw = getattr(row, attr)
            if not raw:
                continue
            try:
                code = unspsc.Code.parse(raw)
            except unspsc.MalformedCode:
                malformed.setdefault((level, raw), []).append(row)
                continue
            if code.level != level and not (level == "commodity" and code.level == "class" and attr == "product"):
                out.append(
                    make(
                        HIERARCHY,
                        message=(
                            f"En la columna de {level_names[level]} aparece «{raw}», que es un código de "
                            f"{level_names[code.level]}."
                        ),
                        evidence=_row_label(row),
                        location=row.location,
                    )
                )
            parsed[level] = code
        # each level must contain the next one
        chain = [(lvl, parsed[lvl]) for _, lvl in COLUMNS if lvl in parsed]
        for (upper_lvl, upper), (lower_lvl, lower) in itertools.pairwise(chain):
            if not lower.digits.startswith(upper.prefix(upper_lvl)):
                out.append(
                    make(
                        HIERARCHY,
                        message=(
                            f"{ARTICLE[lower_lvl].capitalize()} {level_names[lower_lvl]} {lower} no pertenece a "
                            f"{ARTICLE[upper_lvl]} {level_names[upper_lvl]} {upper}: su {level_names[upper_lvl]} es "
                            f"{lower.at(upper_lvl)}."
                        ),
                        evidence=_row_label(row),
                        location=row.location,
                    )
                )
        product = row.product
        if product and unspsc.is_wellformed(product):
            if product in seen_products:
                first = seen_products[product]
                out.append(
                    make(
                        DUPLICATE,
                        message=f"El código {product} aparece más de una vez en la tabla.",
                        evidence=_row_label(row),
                        location=row.location,
                        related=[(first.location, _row_label(first))],
                    )
                )
            else:
                seen_products[product] = row
    for (level, raw), rows in malformed.items():
        digits = len(re.sub(r"\D", "", raw))
        where = f" (en {len(rows)} filas: {', '.join(r.name or '—' for r in rows)})" if len(rows) > 1 else ""
        out.append(
            make(
                MALFORMED,
                message=(
                    f"El código de {level_names[level]} «{raw}» tiene {digits} dígitos; los códigos UNSPSC "
                    "tienen 8"
                    + (f" (¿quiso decir {raw.ljust(8, '0')}?)" if digits < 8 and raw.isdigit() else "")
                    + where
                    + "."
                ),
                evidence=raw,
                location=rows[0].location,
                related=[(r.location, _row_label(r)) for r in rows[1:]],
            )
        )
    return out


RULES = [NIT_DIGIT, MALFORMED, HIERARCHY, DUPLICATE]
CHECKS = [_nits, _unspsc]
