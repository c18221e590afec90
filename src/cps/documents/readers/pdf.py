"""PDF: text lines per page, wrapped lines joined back into paragraphs, ruled tables kept as rows
of cells (multi-line cells joined); protected, broken and scanned PDFs refused with a clear message
(a PDF without a text layer needs OCR, which this tool does not do).

Text comes from PDFium (pypdfium2): each text run ("rect") has its box. Table borders are the thin
path objects of the page: horizontal rules separate rows, vertical rules separate cells. Outside
ruled tables, runs on one baseline form a line; runs far apart on a line are cells of an unruled table.
"""

from __future__ import annotations

import ctypes
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from cps.documents.layout import PAGE_ONLY, WINDOW, shape
from cps.documents.readers.plain import clean_inline
from cps.documents.text import RawLine
from cps.errors import InputError

CELL_GAP = 14.0  # points between runs that separate cells of an unruled table
RULE = 2.5  # a path thinner than this is a rule (table border)
BULLETS = "\uf0b7\uf0a7\uf076\uf0d8•●▪◦■–-*o"
LIST_START = re.compile(
    r"^\s*(?:[•●▪◦■*-]|\(?[a-zA-Z]\)|[a-zA-Z]\.|\d{1,2}(?:\.\d{1,2}){0,3}[.)])\s"
    r"|^\s*(?:\d{1,2}|[A-Z])(?:\.\d{1,2}){1,3}\.?\s+[A-ZÁÉÍÓÚÑ]"
    r"|^\s*(?:CAP[IÍ]TULO|T[IÍ]TULO)\b|^\s*\(?[ivxlcIVXLC]{1,5}\)\s"
)
LIST_MARK = re.compile(r"^\(?(?:[ivxlc]{1,5}|[a-z]|\d{1,2})[.)]$", re.IGNORECASE)


@dataclass
class _Run:
    top: float
    bottom: float
    left: float
    right: float
    text: str
    bold: bool

    @property
    def cx(self) -> float:
        return (self.left + self.right) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class _Line:
    runs: list[_Run] = field(default_factory=list)

    @property
    def top(self) -> float:
        return max(r.top for r in self.runs)

    @property
    def bottom(self) -> float:
        return min(r.bottom for r in self.runs)

    @property
    def right(self) -> float:
        return max(r.right for r in self.runs)

    @property
    def height(self) -> float:
        return max(1.0, self.top - self.bottom)

    @property
    def bold(self) -> bool:
        return all(r.bold for r in self.runs if r.text.strip() and r.text.strip() not in BULLETS)

    def cells(self) -> list[str]:
        """Text of the line split where runs are far apart; a leading bullet stays with its text."""
        runs = sorted(self.runs, key=lambda r: r.left)
        cells: list[str] = []
        previous: _Run | None = None
        for run in runs:
            text = run.text.strip()
            bullet = previous is not None and previous.text.strip() in BULLETS and len(cells) == 1
            if previous is not None and (run.left - previous.right < CELL_GAP or bullet):
                cells[-1] = (cells[-1] + " " + text).strip()
            else:
                cells.append(text)
            previous = run
        return [clean_inline(_bullet(c)) for c in cells]


def _bullet(text: str) -> str:
    return re.sub(r"^[\uf0b7\uf0a7\uf076\uf0d8●▪◦■]\s*", "• ", text)


@dataclass
class _Table:
    left: float
    right: float
    bottom: float
    top: float
    rows: list[tuple[float, float]]  # (top, bottom) of each row, top first
    verticals: list[tuple[float, float, float]]  # (x, bottom, top)

    def contains(self, run: _Run) -> bool:
        return self.left - 1 <= run.cx <= self.right + 1 and self.bottom - 1 <= run.cy <= self.top + 1

    def row_of(self, run: _Run) -> int:
        for i, (top, bottom) in enumerate(self.rows):
            if bottom - 1 <= run.cy <= top + 1:
                return i
        return -1

    def columns(self, row: int) -> list[float]:
        top, bottom = self.rows[row]
        mid = (top + bottom) / 2
        return sorted({round(x, 0) for x, b, t in self.verticals if b - 1 <= mid <= t + 1})


def _open(data: bytes, path: str) -> Any:
    if b"%PDF" not in data[:1024]:
        raise InputError("no es un PDF válido (le falta la cabecera %PDF); revise que sea el archivo correcto", file=path)
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(
                "el PDF está protegido con contraseña; guárdelo sin contraseña e inténtelo de nuevo", file=path
            ) from exc
        raise InputError("el PDF está dañado y no se puede leer", file=path) from exc


def _runs(page: Any) -> list[_Run]:
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    runs: list[_Run] = []
    try:
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            text = textpage.get_text_bounded(left, bottom, right, top)
            if not text or not text.strip():
                continue
            index = textpage.get_index(left + 1.5, (top + bottom) / 2, 2, 2)
            bold = False
            if index is not None and index >= 0:
                bold = _is_bold(pdfium_c, textpage.raw, index)
            runs.append(_Run(top, bottom, left, right, text.replace("\r", " ").replace("\n", " "), bold))
    finally:
        textpage.close()
    return runs


def _is_bold(pdfium_c: Any, raw_textpage: Any, index: int) -> bool:
    """Bold by weight or by font name ("…-Bold", "…,Bold", "…Black", "…Heavy")."""
    if pdfium_c.FPDFText_GetFontWeight(raw_textpage, index) >= 600:
        return True
    buffer = ctypes.create_string_buffer(96)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(raw_textpage, index, buffer, 96, ctypes.byref(flags))
    name = buffer.value.decode("latin-1", "replace").lower()
    return any(mark in name for mark in ("bold", "black", "heavy", "semibold", "demi"))


def _tables(page: Any) -> list[_Table]:
    import pypdfium2.raw as pdfium_c

    horizontals: list[tuple[float, float, float]] = []  # (y, left, right)
    verticals: list[tuple[float, float, float]] = []  # (x, bottom, top)
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        width, height = right - left, top - bottom
        if height <= RULE and width > 8:
            horizontals.append(((top + bottom) / 2, left, right))
        elif width <= RULE and height > 5:
            verticals.append(((left + right) / 2, bottom, top))
        elif width > 8 and height > 5 and width < 620 and height < 300:
            # a cell drawn as a rectangle: its four edges are rules
            horizontals += [(top, left, right), (bottom, left, right)]
            verticals += [(left, bottom, top), (right, bottom, top)]
    tables: list[_Table] = []
    for x, bottom, top in sorted(verticals, key=lambda v: -v[2]):
        for t in tables:
            if bottom <= t.top + 2 and top >= t.bottom - 2 and t.left - 2 <= x <= t.right + 2 + 600:
                t.bottom, t.top = min(t.bottom, bottom), max(t.top, top)
                t.left, t.right = min(t.left, x), max(t.right, x)
                t.verticals.append((x, bottom, top))
                break
        else:
            tables.append(_Table(x, x, bottom, top, [], [(x, bottom, top)]))
    out = []
    for t in tables:
        if t.right - t.left < 20:
            continue
        ys = sorted(
            {round(y, 0) for y, left, right in horizontals if t.bottom - 2 <= y <= t.top + 2 and right > t.left and left < t.right},
            reverse=True,
        )
        if len(ys) < 2:
            continue
        t.rows = [(a, b) for a, b in itertools.pairwise(ys) if a - b > 3]
        if t.rows:
            out.append(t)
    return out


def _join_cell(cell: str, more: str) -> str:
    if not cell:
        return more
    if re.search(r"[\d.]$", cell) and re.match(r"^\d", more):
        return cell + more  # a code or number broken across lines: "2.3.2.02.01.0" + "03"
    return cell[:-1] + more if cell.endswith("-") and not cell.endswith(" -") else cell + " " + more


def _table_rows(table: _Table, runs: list[_Run], page: int) -> list[tuple[float, RawLine]]:
    grid: dict[int, dict[int, list[_Run]]] = {}
    for run in runs:
        row = table.row_of(run)
        if row < 0:
            continue
        cols = table.columns(row)
        col = sum(1 for x in cols if x <= run.cx) - 1
        grid.setdefault(row, {}).setdefault(max(col, 0), []).append(run)
    out = []
    for row, by_col in sorted(grid.items()):
        n_cols = max(1, len(table.columns(row)) - 1)
        cells = []
        for col in range(max(n_cols, max(by_col) + 1)):
            text = ""
            for run in sorted(by_col.get(col, []), key=lambda r: (-round(r.top), r.left)):
                text = _join_cell(text, run.text.strip())
            cells.append(clean_inline(_bullet(text)))
        if any(cells):
            out.append((table.rows[row][0], RawLine(text=" ".join(c for c in cells if c), page=page, cells=cells)))
    return out


def _lines(runs: list[_Run]) -> list[_Line]:
    lines: list[_Line] = []
    for run in sorted(runs, key=lambda r: (-r.top, r.left)):
        for line in lines[-2:]:
            if line.bottom - 1 <= run.cy <= line.top + 1 and run.bottom - 1 <= (line.top + line.bottom) / 2 <= run.top + 1:
                line.runs.append(run)
                break
        else:
            lines.append(_Line([run]))
    return lines


def _first_word_width(line: _Line) -> float:
    """Approximate width of the first word of ``line`` (proportional share of its first run)."""
    run = min(line.runs, key=lambda r: r.left)
    text = run.text.strip()
    if not text:
        return 0.0
    word = text.split()[0]
    return (run.right - run.left) * (len(word) + 1) / max(1, len(text))


def _items(page: Any, number: int) -> list[tuple[float, RawLine | _Line]]:
    """Table rows and text lines of a page, top to bottom."""
    runs = _runs(page)
    tables = _tables(page) if runs else []
    items: list[tuple[float, RawLine | _Line]] = []
    for table in tables:
        inside = [r for r in runs if table.contains(r)]
        items.extend(_table_rows(table, inside, number))
    free = [run for run in runs if not any(t.contains(run) for t in tables)]
    for line in _lines(free):
        items.append((line.top, line))
    items.sort(key=lambda item: -item[0])
    return items


def _item_text(item: RawLine | _Line) -> str:
    return item.text if isinstance(item, RawLine) else " ".join(item.cells())


def _furniture(pages: list[list[tuple[float, RawLine | _Line]]]) -> set[str]:
    """Shapes of the lines repeated at the top or bottom of many pages (headers, footers)."""
    if len(pages) < 3:
        return set()
    seen: dict[str, set[int]] = {}
    for n, items in enumerate(pages):
        for _, item in items[:WINDOW] + items[-WINDOW:]:
            text = _item_text(item).strip()
            if text and len(text) < 250:
                seen.setdefault(shape(text), set()).add(n)
    threshold = max(3, int(len(pages) * 0.3))
    return {key for key, where in seen.items() if len(where) >= threshold}


def _paragraphs(items: list[tuple[float, RawLine | _Line]], number: int, furniture: set[str]) -> list[RawLine]:
    """Join wrapped lines back into paragraphs; keep table rows; mark headers and footers."""
    if not items:
        return []
    edge = {id(item) for _, item in items[:WINDOW] + items[-WINDOW:]}
    right_margin = max((item.right for _, item in items if isinstance(item, _Line)), default=0.0)
    out: list[RawLine] = []
    previous: _Line | None = None
    for _, item in items:
        if id(item) in edge:
            text = _item_text(item).strip()
            if shape(text) in furniture or PAGE_ONLY.fullmatch(text):
                out.append(RawLine(text=clean_inline(text), page=number, furniture=True))
                previous = None
                continue
        if isinstance(item, RawLine):
            out.append(item)
            previous = None
            continue
        cells = item.cells()
        filled = [c for c in cells if c]
        if len(filled) == 2 and LIST_MARK.match(filled[0]):
            cells = [f"{filled[0]} {filled[1]}"]  # "iii)" set off by a tab from its text: a list item, not a row
        if len([c for c in cells if c]) >= 2:
            out.append(RawLine(text=" ".join(c for c in cells if c), page=number, cells=cells))
            previous = None
            continue
        text = clean_inline(" ".join(c for c in cells if c))
        if not text:
            continue
        joins = (
            previous is not None
            and bool(out)
            and out[-1].cells is None
            and previous.right + _first_word_width(item) >= right_margin - 12  # no room left: the line wrapped
            and previous.bottom - item.top <= 1.2 * item.height
            and not LIST_START.match(text)
            and not (previous.bold and not item.bold)  # a bold heading does not run into the body below it
            and not (item.bold and out[-1].text.rstrip().endswith((".", ":")))  # nor a body sentence into one
        )
        if joins:
            joined = out[-1].text
            joined = joined[:-1] + text if joined.endswith("-") and not joined.endswith(" -") else joined + " " + text
            out[-1] = RawLine(text=joined, page=number, bold=out[-1].bold and item.bold)
        else:
            out.append(RawLine(text=text, page=number, bold=item.bold))
        previous = item
    return out


def read_pdf(data: bytes, path: str) -> list[RawLine]:
    pdf = _open(data, path)
    out: list[RawLine] = []
    empty = 0
    try:
        total = len(pdf)
        if total == 0:
            raise InputError("el PDF no tiene páginas", file=path)
        pages = []
        for number in range(total):
            page = pdf[number]
            try:
                pages.append(_items(page, number + 1))
            finally:
                page.close()
        furniture = _furniture(pages)
        for number, items in enumerate(pages, start=1):
            lines = _paragraphs(items, number, furniture)
            if not any(not line.furniture for line in lines):
                empty += 1
            out.extend(lines)
    except InputError:
        raise
    except Exception as exc:  # PDFium raises on broken page trees and content streams
        raise InputError("el PDF está dañado y no se puede leer", file=path) from exc
    finally:
        pdf.close()
    if empty == total:
        raise InputError(
            "el PDF no tiene texto seleccionable (parece un documento escaneado). Use la versión digital "
            "del documento (Word o PDF generado desde Word) o pásele primero un reconocimiento de texto (OCR).",
            file=path,
        )
    return out
