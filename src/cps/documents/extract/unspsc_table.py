"""The UNSPSC table (Clasificador de Bienes y Servicios): codes as written, one row per good."""

from __future__ import annotations

import itertools
import re

from cps.documents.record import ProcessRecord, UnspscRow
from cps.documents.text import DocumentText, Line, fold
from cps.law import unspsc

HEADER_WORDS = {
    "segment": r"segmento",
    "family": r"familia",
    "class_": r"clase",
    "product": r"producto|commodity|c[oó]digo\s+(?:unspsc|del\s+producto)|^c[oó]digo$|^unspsc$",
    "name": r"detalle|descripci[oó]n|nombre|bien(?:es)?|elemento|art[ií]culo|producto\s*/\s*servicio",
}
NUMERIC = re.compile(r"^\s*(?:V1\.)?\d{4,10}\s*$")
CODE_IN_TEXT = re.compile(r"(?<![\d.])(\d{8})(?![\d.])")


def _header_map(cells: list[str]) -> dict[int, str] | None:
    mapping: dict[int, str] = {}
    for i, cell in enumerate(cells):
        folded = fold(cell).strip()
        for key, pattern in HEADER_WORDS.items():
            if key not in mapping.values() and re.search(pattern, folded):
                mapping[i] = key
                break
    keys = set(mapping.values())
    if keys & {"segment", "family", "class_", "product"} and (len(keys) >= 2):
        return mapping
    return None


def _rows_after(doc: DocumentText, header_index: int) -> list[Line]:
    rows: list[Line] = []
    for line in doc.lines[header_index + 1 :]:
        if not line.is_table_row:
            if rows:
                break
            continue
        rows.append(line)
    return rows


# "en los códigos 14111514, 44121706, 41111604 y 4412201, que corresponden a cuadernos, lápices,
# reglas y carpetas": an enumeration keeps every code, a mistyped one included (the checks flag it)
ENUMERATION = re.compile(r"(?<![\d.,$])\d{6,10}(?:\s*(?:,|;|\by\b|\be\b)\s*\d{6,10}(?![\d.,]\d))+")
NAMES_AFTER = re.compile(r"^\W*(?:que\s+)?(?:corresponden?|equivalen?|relativos?)\s+a\s+([^.]+)", re.IGNORECASE)


def _code_enumeration(line: Line, record: ProcessRecord, seen: set[str]) -> bool:
    m = ENUMERATION.search(line.text)
    if m is None or not CODE_IN_TEXT.search(m.group(0)):
        return False
    codes = re.findall(r"\d{6,10}", m.group(0))
    names: list[str | None] = [None] * len(codes)
    after = NAMES_AFTER.match(line.text[m.end() :])
    if after:
        parts = [p.strip() for p in re.split(r",\s*|\s+y\s+|\s+e\s+", after.group(1)) if p.strip()]
        if len(parts) == len(codes):
            names = list(parts)
    for code, name in zip(codes, names, strict=True):
        if code not in seen:
            seen.add(code)
            record.unspsc.append(UnspscRow(product=code, name=name, location=line.location))
    return True


CODE_ONLY = re.compile(r"^\s*(\d{6,10})\s*$")


def _names_after(lines: list[Line], last_code: Line, rows: int) -> list[str | None]:
    """The names column that follows the codes ("NOMBRE / SERVICIOS DE CATERING / (REFRIGERIOS) / …"),
    a wrapped name joined back; none when the count does not match the rows."""
    after = [line.text.strip() for line in lines if line.number > last_code.number and line.text.strip()]
    if after and re.match(r"(?i)^(?:nombre|descripci[oó]n|bien(?:es)?|servicios?|producto)\b", after[0]) and len(after[0]) < 30:
        after = after[1:]
    names: list[str] = []
    for text in after:
        if names and (text[:1] in "(" or text[:1].islower() or re.search(r"(?i)\b(?:de|del|y|e|la|el|los|las|para|con)$", names[-1])):
            names[-1] = f"{names[-1]} {text}"
        else:
            names.append(text)
    return list(names[:rows]) if len(names) >= rows and len(names) <= rows + 1 else [None] * rows


def _code_columns(lines: list[Line], record: ProcessRecord, seen: set[str]) -> set[int]:
    """A table that a text export wrote as a list of codes, one per line, row after row or column
    after column ("80000000 / 80130000 / 801318 / 80131802 / 81000000 / …"): each row starts at a
    segment code (NN000000) and ends at its product. Returns the line numbers used."""
    soup = [(line, m.group(1)) for line in lines if (m := CODE_ONLY.match(line.text))]
    segments = [code for _, code in soup if re.fullmatch(r"\d{2}0{6}", code)]
    if len(soup) < 4 or not segments or not re.fullmatch(r"\d{2}0{6}", soup[0][1]):
        return set()
    # by level: each column keeps the order of the rows even when the export interleaves the columns
    levels: dict[str, list[tuple[Line, str]]] = {"segment": [], "family": [], "class_": [], "product": []}
    for line, code in soup:
        if re.fullmatch(r"\d{2}0{6}", code):
            levels["segment"].append((line, code))
        elif re.fullmatch(r"\d{4}0{4}", code):
            levels["family"].append((line, code))
        elif re.fullmatch(r"\d{6}00", code) or len(code) == 6:
            levels["class_"].append((line, code))
        else:
            levels["product"].append((line, code))
    if len({len(found) for found in levels.values()}) == 1:
        names = _names_after(lines, soup[-1][0], len(levels["product"]))
        for (_, seg), (_, fam), (_, cls), (line, prod), name in zip(*levels.values(), names, strict=True):
            entry = UnspscRow(segment=seg, family=fam, product=prod, name=name, location=line.location)
            entry.class_ = cls
            record.unspsc.append(entry)
            seen.add(prod)
        return {line.number for line, _ in soup}
    groups: list[list[tuple[Line, str]]] = []
    for line, code in soup:
        if re.fullmatch(r"\d{2}0{6}", code) or not groups:
            groups.append([])
        groups[-1].append((line, code))
    for group in groups:
        codes = [code for _, code in group]
        entry = UnspscRow(product=codes[-1], location=group[-1][0].location)
        if len(codes) == 4:
            entry.segment, entry.family, entry.class_ = codes[0], codes[1], codes[2]
        seen.add(codes[-1])
        record.unspsc.append(entry)
    return {line.number for line, _ in soup}


CHAIN = re.compile(r"(?<![\d.])\d{8}(?:[ \t]+\d{8}){1,3}(?![\d.])")
ATTRIBUTE = {"segment": "segment", "family": "family", "class": "class_", "commodity": "product"}


def _code_chain(line: Line, record: ProcessRecord, seen: set[str]) -> bool:
    """A row of the table written as one line of text (``pdftotext -raw``): "25000000 25100000 25101800
    25101801 Motocicletas" is one good, its segment, family, class and product, not four goods."""
    m = CHAIN.search(line.text)
    if m is None:
        return False
    codes = m.group(0).split()
    try:
        parsed = [unspsc.Code.parse(code) for code in codes]
    except ValueError:
        return False
    # each code deeper than the one before (whether it really is its ancestor is the hierarchy check's business)
    depths = [unspsc.LEVELS.index(code.level) for code in parsed]
    if any(b <= a for a, b in itertools.pairwise(depths)):
        return False
    entry = UnspscRow(location=line.location)
    for code in parsed:
        setattr(entry, ATTRIBUTE[code.level], code.digits)
    entry.name = line.text[m.end() :].strip(" -–:|\t") or None
    record.unspsc.append(entry)
    seen.update(codes)
    return True


def extract_unspsc(doc: DocumentText, record: ProcessRecord) -> None:
    for idx, line in enumerate(doc.lines):
        if not line.is_table_row or line.cells is None:
            continue
        mapping = _header_map(line.cells)
        if mapping is None:
            continue
        columns = [mapping.get(i) for i in range(len(line.cells))]
        for row in _rows_after(doc, idx):
            cells = row.cells or []
            if not any(NUMERIC.match(c) for c in cells):
                if record.unspsc:
                    break
                better = _header_map(cells)
                if better is not None and len(better) > len(mapping):
                    # a second header row under a merged one ("CÓDIGO UNSPSC" over Segmento/Familia/…)
                    mapping = better
                    columns = [mapping.get(i) for i in range(len(cells))]
                continue
            entry = UnspscRow(location=row.location)
            numeric_cells = [c.strip() for c in cells if NUMERIC.match(c)]
            text_cells = [c.strip() for c in cells if c.strip() and not NUMERIC.match(c)]
            aligned = len(cells) == len(columns)
            if aligned:
                for col, cell in zip(columns, cells, strict=True):
                    if col and cell.strip():
                        if col == "name":
                            entry.name = cell.strip()
                        elif NUMERIC.match(cell):
                            setattr(entry, col, cell.strip().removeprefix("V1."))
            else:
                code_cols = [c for c in columns if c in ("segment", "family", "class_", "product")]
                for col, cell in zip(code_cols, numeric_cells, strict=False):
                    setattr(entry, col, cell.removeprefix("V1."))
                if text_cells:
                    entry.name = text_cells[-1]
            if entry.name is None and text_cells:
                entry.name = text_cells[-1]
            record.unspsc.append(entry)
        if record.unspsc:
            record.sources["unspsc"] = record.unspsc[0].location or line.location
            return
    # no table: 8-digit codes in the UNSPSC section or next to the word UNSPSC
    candidates: list[Line] = []
    for sec in doc.sections_titled(r"unspsc|clasificador|codificaci[oó]n|c[oó]digos?\b"):
        candidates.extend(doc.section_lines(sec))
    if not candidates:
        candidates = [line for line in doc.lines if "unspsc" in fold(line.text)]
    seen: set[str] = set()
    soup = _code_columns(candidates, record, seen)
    for line in candidates:
        if line.number in soup or _code_enumeration(line, record, seen) or _code_chain(line, record, seen):
            continue
        for m in CODE_IN_TEXT.finditer(line.text):
            code = m.group(1)
            if code in seen:
                continue
            seen.add(code)
            rest = line.text[m.end() :].strip(" -–:|\t")
            name = re.split(r"[;|\t]", rest)[0].strip() or None
            record.unspsc.append(UnspscRow(product=code, name=name, location=line.location))
    if record.unspsc:
        record.sources["unspsc"] = record.unspsc[0].location or candidates[0].location
