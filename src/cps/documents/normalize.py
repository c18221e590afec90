"""Line shapes that hide a heading or a labelled fact, undone before sections are assigned.

- a run-in heading: "2.3. PLAZO DE EJECUCIÓN. Sesenta (60) días…" is the heading "2.3. PLAZO DE
  EJECUCIÓN" followed by its first paragraph;
- a numbered heading that a PDF reader found as a one-row table ("1." | "OBJETO": Word's automatic
  number and the title land in separate cells);
- a label and its value in a two-column table ("Plazo de ejecución" | "Desde la suscripción…"): the
  line "Plazo de ejecución: Desde la suscripción…", as a writer would put it in prose.
"""

from __future__ import annotations

import re

from cps.documents.text import RawLine

RUN_IN = re.compile(
    r"^(\d{1,2}(?:\.\d{1,2}){0,4}\.?)\s+([A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ0-9 ,/()\-–]{2,90}?)\s*[.:]\s*[–-]?\s+(\S.{5,})$"
)
HEADING_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,4}\.$")
ROMAN_OR_MARK = re.compile(r"^(?:[ivxlc]+|[a-z])[.)]?$", re.IGNORECASE)


def _upper_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if c.isupper()) / len(letters) if letters else 0.0


def _copy(line: RawLine, text: str, *, heading: bool = False) -> RawLine:
    return RawLine(
        text=text, page=line.page, heading=heading or line.heading, bold=line.bold, source_line=line.source_line
    )


# "3.3. Plazo de ejecución. Sesenta (60) días…": a sentence-case title is a heading only when it is
# short, names a usual part of an invitation and holds no verb
RUN_IN_SENTENCE = re.compile(
    r"^(\d{1,2}(?:\.\d{1,2}){1,3}\.?)\s+([A-ZÁÉÍÓÚÑ][\w ,/()\-–áéíóúñÁÉÍÓÚÑ]{2,70}?)\.\s+(\S.{5,})$"
)
HEADING_WORDS = re.compile(
    r"\b(?:objeto|alcance|clasificaci[oó]n|presupuesto|disponibilidad|plazo|lugar|domicilio|forma\s+de\s+pago|pagos?|"
    r"capacidad|experiencia|equipo\s+de\s+trabajo|personal|procedimiento|empate|desempate|causales|rechazo|supervisi[oó]n|"
    r"garant[ií]as?|cronograma|obligaciones|inscripci[oó]n|requisitos|anexos|formatos|riesgos|valor|modalidad|"
    r"necesidad|especificaciones|multas|cl[aá]usula\s+penal|liquidaci[oó]n|documentos|productos|entregables|"
    r"r[eé]gimen|limitaci[oó]n|mipyme|oferta\s+econ[oó]mica|verificaci[oó]n|evaluaci[oó]n|interventor[ií]a|indemnidad)\b",
    re.IGNORECASE,
)
VERB = re.compile(r"\b(?:deber[aá]n?|ser[aá]n?|podr[aá]n?|se|es|son|est[aá]n?|tiene|tendr[aá]n?|har[aá]n?|debe|deben)\b", re.IGNORECASE)


def split_run_in_heading(line: RawLine) -> list[RawLine]:
    if line.cells is not None:
        return [line]
    text = line.text.strip()
    m = RUN_IN.match(text)
    if m is not None and not re.search(r"[a-zà-ÿ]", m.group(2)) and re.search(r"[A-ZÁÉÍÓÚÑ]{3}", m.group(2)):
        return [_copy(line, f"{m.group(1)} {m.group(2).strip()}", heading=True), _copy(line, m.group(3))]
    m = RUN_IN_SENTENCE.match(text)
    if (
        m is not None
        and len(m.group(2).split()) <= 7
        and HEADING_WORDS.search(m.group(2))
        and not VERB.search(m.group(2))
    ):
        return [_copy(line, f"{m.group(1)} {m.group(2).strip()}", heading=True), _copy(line, m.group(3))]
    return [line]


def _filled(line: RawLine) -> list[str]:
    return [c.strip() for c in line.cells or [] if c.strip()]


def _heading_row(lines: list[RawLine], i: int) -> RawLine | None:
    """``"1." | "OBJETO"`` alone (not between two rows of a table) → the line "1. OBJETO"."""
    cells = _filled(lines[i])
    if len(cells) != 2 or not HEADING_NUMBER.match(cells[0]) or len(cells[1]) > 120 or _upper_ratio(cells[1]) < 0.7:
        return None
    before = i > 0 and lines[i - 1].cells is not None
    after = i + 1 < len(lines) and lines[i + 1].cells is not None
    if before and after:
        return None
    return _copy(lines[i], f"{cells[0]} {cells[1]}", heading=True)


def _label_row(line: RawLine) -> RawLine | None:
    """``"Plazo de ejecución" | "Desde la suscripción del acta de inicio…"`` → a labelled line."""
    cells = _filled(line)
    if len(cells) != 2:
        return None
    label, value = cells
    words = label.rstrip(":").split()
    if (
        not 1 <= len(words) <= 6
        or re.search(r"\d", label)
        or ROMAN_OR_MARK.match(label)
        or len(re.sub(r"[^A-Za-zÁÉÍÓÚáéíóúÑñ]", "", label)) < 3
        or len(value.split()) < 4
        or not label[:1].isupper()
    ):
        return None
    return RawLine(text=f"{label.rstrip(':').strip()}: {value}", page=line.page, source_line=line.source_line)


def _joins_across_page(previous: RawLine, line: RawLine) -> bool:
    """A paragraph that a page break cut: it ends without a full stop on one page and goes on in
    lower case at the top of the next ("…La menor cuantía del municipio / para 2026, con…")."""
    return (
        previous.cells is None
        and line.cells is None
        and previous.page is not None
        and line.page is not None
        and line.page == previous.page + 1
        and not re.search(r"[.:;!?]\s*$", previous.text)
        and line.text.strip()[:1].islower()
        and not previous.heading
    )


LAYOUT_HEADING = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+[A-ZÁÉÍÓÚÑ]")


def _is_layout_row(line: RawLine) -> bool:
    cells = line.cells or []
    return bool(cells) and bool(LAYOUT_HEADING.match(cells[0])) and len(cells[0]) < 120 and len([c for c in cells if c.strip()]) <= 2


def _unbox_layout_table(block: list[RawLine]) -> list[RawLine]:
    """Estudios previos written as one two-column table ("ASPECTO | DESCRIPCIÓN", a numbered heading
    in the first column) as a PDF reader finds it: each heading becomes a heading line, the content its
    paragraph, and the tables nested in the content column (rows with an empty first cell) rows of
    their own."""
    out: list[RawLine] = []
    heading: RawLine | None = None
    for line in block:
        cells = list(line.cells or [])
        first, rest = (cells[0].strip() if cells else ""), cells[1:]
        if first and LAYOUT_HEADING.match(first):
            heading = _copy(line, first, heading=True)
            out.append(heading)
        elif first and heading is not None and _upper_ratio(first) > 0.8 and len(first) < 60:
            # the heading wrapped in its cell: "4. VALOR ESTIMADO DEL CONTRATO Y SU / JUSTIFICACIÓN"
            heading.text = f"{heading.text} {first}"
        elif first:
            rest = cells  # a row that is not part of the layout
        while rest and not rest[0].strip():
            rest = rest[1:]
        while rest and not rest[-1].strip():
            rest = rest[:-1]
        filled = [c for c in rest if c.strip()]
        if len(filled) == 1:
            out.append(_copy(line, filled[0]))
        elif filled:
            out.append(RawLine(text=" ".join(filled), page=line.page, cells=rest, source_line=line.source_line))
    return out


def _unbox_layout_tables(lines: list[RawLine]) -> list[RawLine]:
    out: list[RawLine] = []
    i = 0
    while i < len(lines):
        if lines[i].cells is None:
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].cells is not None:
            j += 1
        block = lines[i:j]
        headed = sum(1 for line in block if _is_layout_row(line))
        out.extend(_unbox_layout_table(block) if headed >= 3 and headed >= 0.2 * len(block) else block)
        i = j
    return out


def normalize_lines(lines: list[RawLine]) -> list[RawLine]:
    lines = _unbox_layout_tables(lines)
    joined: list[RawLine] = []
    for line in lines:
        if joined and _joins_across_page(joined[-1], line):
            previous = joined[-1]
            joined[-1] = RawLine(
                text=previous.text.rstrip() + " " + line.text.strip(), page=previous.page, heading=previous.heading,
                bold=previous.bold, source_line=previous.source_line,
            )
            continue
        joined.append(line)
    lines = joined
    out: list[RawLine] = []
    for i, line in enumerate(lines):
        if line.cells is not None:
            replaced = _heading_row(lines, i) or _label_row(line)
            out.append(replaced or line)
            continue
        out.extend(split_run_in_heading(line))
    return out
