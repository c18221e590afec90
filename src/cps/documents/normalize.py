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


def split_run_in_heading(line: RawLine) -> list[RawLine]:
    if line.cells is not None:
        return [line]
    m = RUN_IN.match(line.text.strip())
    if m is None or re.search(r"[a-zà-ÿ]", m.group(2)) or not re.search(r"[A-ZÁÉÍÓÚÑ]{3}", m.group(2)):
        return [line]
    return [_copy(line, f"{m.group(1)} {m.group(2).strip()}", heading=True), _copy(line, m.group(3))]


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


def normalize_lines(lines: list[RawLine]) -> list[RawLine]:
    out: list[RawLine] = []
    for i, line in enumerate(lines):
        if line.cells is not None:
            replaced = _heading_row(lines, i) or _label_row(line)
            out.append(replaced or line)
            continue
        out.extend(split_run_in_heading(line))
    return out
