"""Word (.docx): paragraphs and tables in body order, automatic numbering rendered, headings and
bold lines marked, page breaks counted, page headers and footers kept apart."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from cps.documents.readers.plain import clean_inline
from cps.documents.text import RawLine
from cps.errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _open(data: bytes, path: str) -> Any:
    if not data.startswith(b"PK"):
        raise InputError(
            "no es un archivo Word .docx válido (no tiene formato ZIP); si es un .doc antiguo o un PDF "
            "renombrado, ábralo y guárdelo como .docx",
            file=path,
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "word/document.xml" not in names:
                raise InputError("el archivo ZIP no contiene un documento de Word (falta word/document.xml)", file=path)
            bad = z.testzip()
            if bad:
                raise InputError(f"el archivo Word está dañado (parte «{bad}» corrupta)", file=path)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise InputError("el archivo Word está dañado o incompleto (ZIP inválido)", file=path) from exc
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
        for part in document.part.package.iter_parts():
            element = getattr(part, "_element", None)
            if element is not None:
                _accept_tracked_changes(element)
        return document
    except InputError:
        raise
    except Exception as exc:  # python-docx/lxml raise many types for broken parts
        raise InputError(f"no se pudo leer el documento de Word: {type(exc).__name__}", file=path) from exc


def _accept_tracked_changes(element: Any) -> None:
    """Read a document with unaccepted tracked changes as Word shows it once they are accepted (and as
    its PDF prints it): inserted text (``w:ins``, ``w:moveTo``) is text, deleted text (``w:del``,
    ``w:moveFrom``) is not, and a table row marked deleted goes. python-docx alone would do the
    opposite for insertions: it reads only the runs that are direct children of a paragraph."""
    for node in list(element.iter(f"{W}del", f"{W}moveFrom")):
        parent = node.getparent()
        if parent is None:
            continue
        if parent.tag == f"{W}trPr":  # the row itself was deleted
            row = parent.getparent()
            if row is not None and row.getparent() is not None:
                row.getparent().remove(row)
            continue
        parent.remove(node)
    for node in list(element.iter(f"{W}ins", f"{W}moveTo")):
        parent = node.getparent()
        if parent is None:
            continue
        index = parent.index(node)
        for child in reversed(list(node)):
            parent.insert(index, child)
        parent.remove(node)


# ---------------------------------------------------------------------------- numbering


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class _Numbering:
    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str | None:
        abstract_id = self.nums.get(num_id)
        if abstract_id is None or abstract_id not in self.abstract:
            return None
        levels = self.abstract[abstract_id]
        counters = self.counters.setdefault(abstract_id, {})
        level = levels.get(ilvl, _Level())
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt in ("bullet", "none"):
            return None

        def render(match: re.Match[str]) -> str:
            lvl = int(match.group(1)) - 1
            value = counters.get(lvl, levels.get(lvl, _Level()).start)
            return _format(value, levels.get(lvl, _Level()).fmt)

        return re.sub(r"%(\d)", render, level.text)


def _format(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        out = ""
        for n, s in numerals:
            while value >= n:
                out += s
                value -= n
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (value - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    return str(value)


def _numbering(document: Any) -> _Numbering:
    out = _Numbering()
    try:
        part = document.part.numbering_part
    except (KeyError, NotImplementedError, AttributeError):
        return out
    root = part.element
    for abstract in root.findall(f"{W}abstractNum"):
        aid = abstract.get(f"{W}abstractNumId")
        levels: dict[int, _Level] = {}
        for lvl in abstract.findall(f"{W}lvl"):
            ilvl = int(lvl.get(f"{W}ilvl", "0"))
            level = _Level()
            start = lvl.find(f"{W}start")
            if start is not None:
                level.start = int(start.get(f"{W}val", "1"))
            fmt = lvl.find(f"{W}numFmt")
            if fmt is not None:
                level.fmt = fmt.get(f"{W}val", "decimal")
            text = lvl.find(f"{W}lvlText")
            if text is not None:
                level.text = text.get(f"{W}val", "")
            levels[ilvl] = level
        if aid is not None:
            out.abstract[aid] = levels
    for num in root.findall(f"{W}num"):
        nid = num.get(f"{W}numId")
        ref = num.find(f"{W}abstractNumId")
        if nid is not None and ref is not None:
            out.nums[nid] = ref.get(f"{W}val", "")
    return out


# ---------------------------------------------------------------------------- body


@dataclass
class _Style:
    name: str
    bold: bool
    num: tuple[str, int] | None


def _num_of(num_pr: Any) -> tuple[str, int] | None:
    if num_pr is None or num_pr.numId is None:
        return None
    num_id = str(num_pr.numId.val)
    ilvl = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
    return None if num_id == "0" else (num_id, ilvl)


def _styles(document: Any) -> tuple[dict[str, _Style], _Style]:
    """Paragraph styles by id, with inherited bold and numbering resolved once."""
    raw: dict[str, Any] = {}
    default_id = None
    for style in document.styles.element.findall(f"{W}style"):
        sid = style.get(f"{W}styleId")
        if sid is None:
            continue
        raw[sid] = style
        if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true"):
            default_id = sid
    resolved: dict[str, _Style] = {}

    def resolve(sid: str, depth: int = 0) -> _Style:
        if sid in resolved:
            return resolved[sid]
        el = raw.get(sid)
        if el is None or depth > 20:
            return _Style(name="", bold=False, num=None)
        name_el = el.find(f"{W}name")
        name = name_el.get(f"{W}val", "") if name_el is not None else sid
        based = el.find(f"{W}basedOn")
        parent = resolve(based.get(f"{W}val"), depth + 1) if based is not None else None
        bold_el = el.find(f"{W}rPr/{W}b")
        bold = (bold_el.get(f"{W}val", "true") not in ("0", "false")) if bold_el is not None else bool(parent and parent.bold)
        num_pr = el.find(f"{W}pPr/{W}numPr")
        num = None
        if num_pr is not None:
            nid = num_pr.find(f"{W}numId")
            lvl = num_pr.find(f"{W}ilvl")
            if nid is not None and nid.get(f"{W}val", "0") != "0":
                num = (nid.get(f"{W}val", "0"), int(lvl.get(f"{W}val", "0")) if lvl is not None else 0)
        elif parent is not None:
            num = parent.num
        resolved[sid] = _Style(name=name, bold=bold, num=num)
        return resolved[sid]

    for sid in raw:
        resolve(sid)
    default = resolved.get(default_id or "", _Style(name="Normal", bold=False, num=None))
    return resolved, default


def _style_of(p_el: Any, styles: dict[str, _Style], default: _Style) -> _Style:
    p_pr = p_el.pPr
    if p_pr is not None and p_pr.pStyle is not None:
        return styles.get(p_pr.pStyle.val, default)
    return default


def _is_heading(style: _Style) -> bool:
    return style.name.lower().startswith(("heading", "título", "titulo", "title"))


def _is_bold(p_el: Any, style: _Style) -> bool:
    runs = [r for r in p_el.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]
    if not runs:
        return False
    for r in runs:
        b = r.find(f"{W}rPr/{W}b")
        if b is None:
            if not style.bold:
                return False
        elif b.get(f"{W}val", "true") in ("0", "false"):
            return False
    return True


def _page_breaks(element: Any) -> tuple[int, int]:
    """Page breaks before the first text of ``element`` and after it."""
    before = after = 0
    seen_text = False
    for node in element.iter(f"{W}t", f"{W}br", f"{W}lastRenderedPageBreak"):
        if node.tag == f"{W}t":
            if node.text and node.text.strip():
                seen_text = True
            continue
        if node.tag == f"{W}br" and node.get(f"{W}type") != "page":
            continue
        if seen_text:
            after += 1
        else:
            before += 1
    return before, after


def _footnotes(document: Any) -> dict[str, str]:
    """Footnote id → text (footnotes.xml; the separator notes have no text and are left out)."""
    from lxml import etree

    notes: dict[str, str] = {}
    for rel in document.part.rels.values():
        if not rel.reltype.endswith("/footnotes") or rel.is_external:
            continue
        try:
            root = etree.fromstring(rel.target_part.blob)
        except (etree.XMLSyntaxError, ValueError):
            continue
        for note in root.iter(f"{W}footnote"):
            text = "".join(t.text or "" for t in note.iter(f"{W}t")).strip()
            note_id = note.get(f"{W}id")
            if text and note_id is not None:
                notes[note_id] = text
    return notes


def read_docx(data: bytes, path: str) -> list[RawLine]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = _open(data, path)
    footnotes = _footnotes(document)
    numbering = _numbering(document)
    styles, default_style = _styles(document)
    lines: list[RawLine] = []
    has_breaks = any(True for _ in document.element.body.iter(f"{W}lastRenderedPageBreak")) or any(
        br.get(f"{W}type") == "page" for br in document.element.body.iter(f"{W}br")
    )
    page = 1 if has_breaks else None

    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            try:
                if part is None or (part.is_linked_to_previous and section is not document.sections[0]):
                    continue
                for p in part.paragraphs:
                    if p.text.strip():
                        lines.append(RawLine(text=clean_inline(p.text), page=None, furniture=True))
                for t in part.tables:
                    for row in t.rows:
                        text = " ".join(c.text.strip() for c in row.cells if c.text.strip())
                        if text:
                            lines.append(RawLine(text=clean_inline(text), page=None, furniture=True))
            except (AttributeError, KeyError, ValueError):
                continue

    for child in document.element.body.iterchildren():
        if child.tag == f"{W}p":
            paragraph = Paragraph(child, document)
            text = paragraph.text
            label = None
            style = _style_of(child, styles, default_style)
            num = _num_of(child.pPr.numPr if child.pPr is not None else None) or style.num
            if num is not None:
                label = numbering.label(*num)
            before, after = _page_breaks(child) if has_breaks else (0, 0)
            if page is not None and text.strip():
                page += before
                before = 0
            if text.strip():
                full = f"{label} {text}" if label else text
                lines.append(
                    RawLine(
                        text=clean_inline(full).replace("\t", " "),
                        page=page,
                        heading=_is_heading(style),
                        bold=_is_bold(child, style),
                    )
                )
            # footnotes right after the paragraph that calls them: they belong to its section
            for ref in child.iter(f"{W}footnoteReference"):
                note = footnotes.get(ref.get(f"{W}id") or "")
                if note:
                    lines.append(RawLine(text=clean_inline(f"Nota al pie: {note}"), page=page))
            if page is not None:
                page += before + after
        elif child.tag == f"{W}tbl":
            lines.extend(_table_lines(Table(child, document), page))
            if page is not None:
                page += sum(_page_breaks(child))
    return lines


# the first cell of a row of a layout table: "2.1 CLASIFICACIÓN UNSPSC", "IV. GARANTÍAS"
LAYOUT_HEADING = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVXLC]{1,5}\.)\s+\S")


def _row_cells(row: Any) -> list[Any]:
    cells: list[Any] = []
    for cell in row.cells:
        if not any(cell._tc is c._tc for c in cells):  # horizontally merged cells repeat
            cells.append(cell)
    return cells


def _table_lines(table: Any, page: int | None) -> list[RawLine]:
    """A data table gives one line per row with its cells. A layout table (estudios previos written as
    one table "ASPECTO | DESCRIPCIÓN", a numbered heading in the first cell of most rows) gives the
    heading and then the paragraphs and inner tables of the second cell, as if written in the body."""
    rows = [_row_cells(row) for row in table.rows]
    headed = [cells for cells in rows if len(cells) == 2 and LAYOUT_HEADING.match(cells[0].text) and len(cells[0].text) < 120]
    layout = len(rows) >= 3 and len(headed) >= 0.5 * len(rows)
    lines: list[RawLine] = []
    for cells in rows:
        if layout and len(cells) == 2 and LAYOUT_HEADING.match(cells[0].text) and len(cells[0].text) < 120:
            lines.append(RawLine(text=clean_inline(cells[0].text.replace("\n", " ")), page=page, heading=True))
            lines.extend(_cell_lines(cells[1], page))
            continue
        texts = [clean_inline(cell.text.replace("\n", " ")) for cell in cells]
        if any(texts):
            lines.append(RawLine(text=" ".join(t for t in texts if t), page=page, cells=texts))
    return lines


def _cell_lines(cell: Any, page: int | None) -> list[RawLine]:
    """The paragraphs and the inner tables of a cell, in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[RawLine] = []
    for child in cell._tc.iterchildren():
        if child.tag == f"{W}p":
            text = Paragraph(child, cell).text
            if text.strip():
                lines.append(RawLine(text=clean_inline(text).replace("\t", " "), page=page))
        elif child.tag == f"{W}tbl":
            lines.extend(_table_lines(Table(child, cell), page))
    return lines
