"""The certificate(s) of budget availability (CDP): lines and total."""

from __future__ import annotations

import re
from dataclasses import replace

from cps import money
from cps.documents.record import CdpLine, ProcessRecord
from cps.documents.search import money_in, search_lines
from cps.documents.text import DocumentText, Line, fold

RUBRO = re.compile(r"^\d+(?:\.\d+){2,}$")
CODE = re.compile(r"^\d{5,10}$")
CDP_MENTION = re.compile(
    r"certificados?\s+de\s+disponibilidad\s+presupuestal|\bCDP\b", re.IGNORECASE
)
CDP_NUMBER = re.compile(r"(?:disponibilidad(?:\s+presupuestal)?|cdp)\s*(?:no\.?|n[°º]|numero|número)?\s*[:.]?\s*(\d{2,12})")


def _cdp_region(doc: DocumentText) -> list[Line]:
    titled = doc.sections_titled(r"disponibilidad|\bcdp\b|respald|recursos|presupuestal|apropiaci")
    # the most specific first: "3.3 Certificado de disponibilidad" before "3. Presupuesto y disponibilidad"
    titled.sort(key=lambda s: (not re.search(r"disponibilidad|\bcdp\b", fold(s.title)), -s.number.count(".")))
    for sec in titled:
        lines = doc.section_lines(sec)
        inside = {line.number for line in lines}
        children = [other for other in doc.sections if other.number.startswith(sec.number + ".") and other.line in inside]
        if children:  # keep the section's own lines, not those of its subsections
            own = {line.number for child in children for line in doc.section_lines(child)}
            headings = {other.line for other in doc.sections if not other.runs_in}
            lines = [line for line in lines if line.number not in own and line.number not in headings]
        if any(money_in(line) for line in lines):
            return lines
    # a labelled line: "Disponibilidad presupuestal: Certificado No. 20260094 … Fuente ICLD: $36.870.000 …"
    for line in doc.lines:
        if not line.is_table_row and re.match(
            r"^\W*(?:disponibilidad\s+presupuestal|cdp|certificados?\s+de\s+disponibilidad(?:\s+presupuestal)?)\s*(?::|n[o°º]\.?\s*\d)", fold(line.text)
        ) and money_in(line):
            return [line]
    # prose inside another section: "… (28 SMMLV, $49.025.340). Lo respalda el Certificado de Disponibilidad
    # Presupuestal No. 118 del 24 de febrero de 2026 por $50.400.000, rubro …": the amounts after the mention
    for line in doc.lines:
        if line.is_table_row:
            continue
        m = CDP_MENTION.search(line.text)
        if m:
            after = replace(line, text=line.text[m.start() :])
            if money_in(after):
                return [after]
    # no titled section: the table around a row that names the CDP
    for i, line in enumerate(doc.lines):
        if line.is_table_row and re.search(r"disponibilidad|\bcdp\b", fold(line.text)):
            region = [line]
            for nxt in doc.lines[i + 1 :]:
                if not nxt.is_table_row:
                    break
                region.append(nxt)
            return region
    return []


BUDGET_TABLE_MARK = re.compile(r"rubro|\bcdp\b|disponibilidad|imputaci|fuente|presupuestal")
DOTTED = re.compile(r"(?<![\d$.,])\d+(?:\.\d+){2,}(?![\d,])")


def _names_rubro(text: str) -> bool:
    """A budget code such as 2.1.2.02.02.008, not an amount such as 10.200.000 (thousands groups)."""
    return any(not all(len(g) == 3 for g in m.group(0).split(".")[1:]) for m in DOTTED.finditer(text))


def _without_price_tables(region: list[Line]) -> list[Line]:
    """Drop the tables that are not about the certificate: a section "Presupuesto oficial y
    disponibilidad" often breaks the budget down by item (quantity × unit price), and those rows
    are not CDP lines. A table counts when one of its rows names a rubro, the CDP or its source."""
    out: list[Line] = []
    block: list[Line] = []

    def flush() -> None:
        # the rows, or the lines just above them (a text export writes the header apart: "RUBRO")
        above = [line for line in out[-6:] if not line.is_table_row]
        if block and any(BUDGET_TABLE_MARK.search(fold(row.text)) or _names_rubro(row.text) for row in block + above):
            out.extend(block)
        block.clear()

    for line in region:
        if line.is_table_row:
            block.append(line)
            continue
        flush()
        out.append(line)
    flush()
    return out


AMOUNT_ONLY = re.compile(r"^\s*\$\s*\d{1,3}(?:[ .]\d{3})+(?:,\d{2})?\s*$")


def _amount_column(region: list[Line], record: ProcessRecord) -> None:
    """A CDP table that a text export wrote column by column ("RUBRO / … / TOTAL CDP / FUENTE / … /
    VALOR / $ 30 000 000 / $ 15 000 000 / $ 45 600 000"): the amounts are the lines, the last one the
    total when the column of labels ends with a total."""
    amounts = [line for line in region if AMOUNT_ONLY.match(line.text)]
    if len(amounts) < 2 or not any(re.match(r"^\W*(?:valor\s+)?total\b", fold(line.text)) and not money_in(line) for line in region):
        return
    values = [(line, money.round_pesos(money_in(line)[0].value)) for line in amounts]
    *parts, (total_line, total) = values
    record.cdp_lines.extend(CdpLine(value=value, location=line.location) for line, value in parts)
    record.cdp_total = total
    record.sources["cdp_total"] = total_line.location


def extract_cdp(doc: DocumentText, record: ProcessRecord) -> None:
    region = _without_price_tables(_cdp_region(doc))
    if not region:
        return
    rubro: str | None = None
    has_rows = any(line.is_table_row and money_in(line) for line in region)
    for line in region:
        folded = fold(line.text)
        if record.cdp_number is None:
            m = CDP_NUMBER.search(folded)
            if m:
                record.cdp_number = m.group(1)
        amounts = money_in(line)
        if not line.is_table_row:
            if has_rows and amounts and re.match(r"^\W*(?:valor\s+)?total\b", folded):
                # "TOTAL CDP: $ 45 600 000" written under the table, not as its last row
                record.cdp_total = money.round_pesos(amounts[-1].value)
                record.sources["cdp_total"] = line.location
                continue
            if not has_rows and len(amounts) == 1 and re.match(r"^\s*\d+(?:\.\d+){2,}\s+\D", line.text) and _names_rubro(line.text):
                # a row of the CDP table written as text: "2.1.2.02.02.008 Servicios de impresión $ 12.000.000"
                record.cdp_lines.append(CdpLine(value=money.round_pesos(amounts[0].value), location=line.location))
                continue
            # prose: "CDP No. 145 … por valor de $X y CDP No. 162 … por valor de $Y, para un total de $Z"
            # (only when the CDP has no table)
            if has_rows or not amounts or not re.search(r"\bcdp\b|disponibilidad", folded):
                continue
            for hit in amounts:
                before = fold(line.text[max(0, hit.start - 60) : hit.start])
                value = money.round_pesos(hit.value)
                if re.search(r"total", before):
                    record.cdp_total = value
                    record.sources["cdp_total"] = line.location
                elif re.search(r"valor|suma|monto|fuente|rubro|\$|por\s*$|:\s*$", before) or len(amounts) == 1:
                    record.cdp_lines.append(CdpLine(value=value, location=line.location))
            if record.cdp_total is None and len(record.cdp_lines) == 1:
                record.cdp_total = record.cdp_lines[0].value
                record.sources.setdefault("cdp_total", line.location)
            continue
        if not amounts:
            continue
        value = money.round_pesos(amounts[-1].value)
        if re.search(r"\btotal", folded):
            record.cdp_total = value
            record.sources["cdp_total"] = line.location
            continue
        cells = [c.strip() for c in (line.cells or []) if c.strip()]
        code = next((c for c in cells if CODE.match(c)), None)
        found_rubro = next((c for c in cells if RUBRO.match(c)), None)
        if found_rubro:
            rubro = found_rubro
        source = next(
            (c for c in cells if re.search(r"[A-Za-z]{3}", c) and not money_in(Line(0, c, None, None))), None
        )
        record.cdp_lines.append(CdpLine(rubro=rubro, code=code, source=source, value=value, location=line.location))
    if not record.cdp_lines and record.cdp_total is None:
        _amount_column(region, record)
    if record.cdp_total is None and len(record.cdp_lines) >= 3 and any(
        re.search(r"\btotal\b", fold(line.text)) and not money_in(line) for line in region
    ):
        # a text export wrote the label "TOTAL CDP" away from its amount: the last amount is the total
        last = record.cdp_lines.pop()
        record.cdp_total = last.value
        record.sources["cdp_total"] = last.location or region[0].location
    if record.cdp_total is None and record.cdp_lines:
        # a single certificate stated without a total row
        if len(record.cdp_lines) == 1:
            record.cdp_total = record.cdp_lines[0].value
            record.sources["cdp_total"] = record.cdp_lines[0].location or region[0].location
    if record.cdp_number is None:
        hits = search_lines(doc.lines, CDP_NUMBER)
        if hits:
            record.cdp_number = hits[0].groups[0]
