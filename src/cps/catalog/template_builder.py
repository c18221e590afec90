"""Author the Word template of the annex (``templates/anexo_criterios.docx``) with python-docx.

Writing the template by program keeps every Jinja tag inside a single run (Word splits tags
typed by hand across runs, and docxtpl then leaves them unrendered). Regenerate it with::

    python -m cps.catalog.template_builder

and commit the result; ``tests/catalog/test_templates.py`` checks that the committed file is
the one this module produces and that rendering it leaves no tag behind.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

TEMPLATE_NAME = "anexo_criterios.docx"
TEMPLATE_PATH = Path(__file__).parent / "templates" / TEMPLATE_NAME

ACCENT = RGBColor(0x1F, 0x5C, 0x4A)  # same dark green as cps.reports
FONT = "Arial"  # LibreOffice substitutes the metric-compatible Liberation Sans
HEADER_FILL = "1F5C4A"
LABEL_FILL = "E6EFEB"
CHECK_WIDTHS_CM = (1.1, 4.0, 3.4, 5.0, 3.6)
KEY_WIDTHS_CM = (3.6, 13.5)


def _set_font(style_or_run: Any, name: str = FONT) -> None:
    """Set the font on all scripts and drop theme fonts that would override it."""
    element = style_or_run.element if hasattr(style_or_run, "element") else style_or_run._element
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)


def _shade(cell: Any, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _widths(table: Any, widths_cm: tuple[float, ...]) -> None:
    """Fix column widths in the grid and in every cell (LibreOffice reads the grid)."""
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def _repeat_header(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _cant_split(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def _field(paragraph: Any, instruction: str) -> None:
    """A PAGE / NUMPAGES field (Word and LibreOffice fill it in)."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(8)
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == instruction:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        else:
            run.text = text or ""


def _styles(doc: Any) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    _set_font(normal)
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.1
    for name, size, before, after in (("Title", 17, 0, 2), ("Heading 1", 13, 14, 4),
                                      ("Heading 2", 11.5, 12, 3), ("Heading 3", 10, 8, 2)):
        style = styles[name]
        _set_font(style)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = ACCENT
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
    title_ppr = styles["Title"].element.get_or_add_pPr()
    for border in title_ppr.findall(qn("w:pBdr")):  # the default Title has a blue rule under it
        title_ppr.remove(border)
    _set_font(styles["List Bullet"])


def _para(doc: Any, text: str = "", *, size: float | None = None, bold: bool = False, italic: bool = False,
          style: str | None = None, align: Any = None, keep: bool = False, after: float | None = None) -> Any:
    p = doc.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold = bold
        run.italic = italic
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if keep:
        p.paragraph_format.keep_with_next = True
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    return p


def _labelled(doc: Any, label: str, value: str, *, extra: str | None = None) -> Any:
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(2)
    p.paragraph_format.left_indent = Cm(0.6)
    head = p.add_run(label)
    head.bold = True
    head.font.size = Pt(8.5)
    body = p.add_run(value)
    body.font.size = Pt(8.5)
    if extra:
        tail = p.add_run(extra)
        tail.italic = True
        tail.font.size = Pt(8.5)
    return p


def _tag(doc: Any, tag: str) -> None:
    """A paragraph holding only a docxtpl paragraph tag (``{%p … %}``), removed at rendering."""
    doc.add_paragraph(tag)


def build_template() -> bytes:
    doc = Document()
    _styles(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)  # carta
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(1.8)

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    lead = footer.add_run("Anexo de criterios de sostenibilidad · {{ process_number }} · Página ")
    lead.font.size = Pt(8)
    _field(footer, "PAGE")
    mid = footer.add_run(" de ")
    mid.font.size = Pt(8)
    _field(footer, "NUMPAGES")

    doc.add_paragraph("Anexo técnico: criterios de sostenibilidad", style="Title")
    _para(doc, "{{ subtitle }}", size=10.5, italic=True, after=10)

    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for label, tag in (("Proceso", "{{ process_number }}"), ("Entidad", "{{ entity_line }}"),
                       ("Modalidad", "{{ modality_label }}"), ("Objeto", "{{ object }}"),
                       ("Nivel de ambición", "{{ level_label }}"), ("Elaborado", "{{ generated_on }}")):
        cells = table.add_row().cells
        _shade(cells[0], LABEL_FILL)
        left = cells[0].paragraphs[0].add_run(label)
        left.bold = True
        left.font.size = Pt(9)
        right = cells[1].paragraphs[0].add_run(tag)
        right.font.size = Pt(9)
    _widths(table, KEY_WIDTHS_CM)

    doc.add_heading("1. Alcance y fundamento", level=1)
    _para(doc, "{{ intro }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _para(doc, "{{ modality_rule }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _para(doc, "{{ legal_frame }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _para(doc, "{{ nature_note }}", size=9, italic=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _tag(doc, "{%p if level_note %}")
    _para(doc, "{{ level_note }}", size=9, italic=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _tag(doc, "{%p endif %}")

    doc.add_heading("2. Criterios por bien", level=1)
    _tag(doc, "{%p for g in goods %}")
    doc.add_heading("{{ g.index }}. {{ g.title }}", level=2)
    _para(doc, "Códigos UNSPSC: {{ g.codes_text }}", size=8.5, italic=True, keep=True)
    _tag(doc, "{%p for s in g.sections %}")
    doc.add_heading("{{ s.title }}", level=3)
    _tag(doc, "{%p for c in s.clauses %}")
    head = _para(doc, keep=True, after=2)
    number = head.add_run("{{ c.number }}  ")
    number.bold = True
    number.font.color.rgb = ACCENT
    title = head.add_run("{{ c.title }}")
    title.bold = True
    ident = head.add_run("  ({{ c.id }})")
    ident.font.size = Pt(8)
    ident.font.color.rgb = RGBColor(0x66, 0x66, 0x66)
    _para(doc, "{{ c.text }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=2)
    _labelled(doc, "Verificación: ", "{{ c.verification }}")
    _labelled(doc, "Fundamento: ", "{{ c.legal_basis }}", extra=" {{ c.nature_label }}; nivel {{ c.level_label }}.")
    _tag(doc, "{%p if c.already %}")
    _labelled(doc, "En el documento: ", "{{ c.already }}")
    _tag(doc, "{%p endif %}")
    _para(doc, after=2)
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if g.also %}")
    _para(doc, "Cláusulas de este anexo que también aplican a estos bienes: {{ g.also }}", size=9, italic=True)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if uncovered %}")
    _para(doc, "Bienes sin criterios en el catálogo: {{ uncovered }}", size=9, italic=True)
    _tag(doc, "{%p endif %}")

    doc.add_heading("3. Verificación del supervisor en cada entrega", level=1)
    _para(doc, "{{ checks_intro }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    checks = doc.add_table(rows=4, cols=5)
    checks.style = "Table Grid"
    checks.alignment = WD_TABLE_ALIGNMENT.CENTER
    checks.autofit = False
    heads = ("N.º", "Criterio", "Bienes", "Qué verificar", "Soporte")
    tags = ("{{ r.number }}", "{{ r.title }}", "{{ r.goods }}", "{{ r.what }}", "{{ r.evidence }}")
    for i, row in enumerate(checks.rows):
        for j, cell in enumerate(row.cells):
            para = cell.paragraphs[0]
            if i == 0:
                _shade(cell, HEADER_FILL)
                run = para.add_run(heads[j])
                run.bold = True
                run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            elif i == 1 and j == 0:
                run = para.add_run("{%tr for r in checks %}")
            elif i == 2:
                run = para.add_run(tags[j])
            elif i == 3 and j == 0:
                run = para.add_run("{%tr endfor %}")
            else:
                continue
            run.font.size = Pt(8.5)
    _widths(checks, CHECK_WIDTHS_CM)
    _repeat_header(checks.rows[0])
    _cant_split(checks.rows[2])
    _tag(doc, "{%p if not checks %}")
    _para(doc, "Ningún criterio incluido requiere verificación en las entregas.", size=9, italic=True)
    _tag(doc, "{%p endif %}")

    doc.add_heading("4. Fuentes", level=1)
    _tag(doc, "{%p for s in sources %}")
    p = doc.add_paragraph(style="List Bullet")
    src = p.add_run("{{ s }}")
    src.font.size = Pt(8.5)
    p.paragraph_format.space_after = Pt(2)
    _tag(doc, "{%p endfor %}")
    _para(doc, "{{ closing }}", size=8.5, italic=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY)

    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    target = Path(argv[0]) if argv else TEMPLATE_PATH
    target.write_bytes(build_template())
    print(f"plantilla escrita en {target}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
