"""Render a :class:`Report` to Word (.docx) or PDF, atomically."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from functools import cache
from pathlib import Path

from cps import atomic
from cps.errors import InputError
from cps.reports.model import Bullets, Heading, Image, KeyValues, PageBreak, Paragraph, Report, Table

ACCENT = (0x1F, 0x5C, 0x4A)  # dark green used for headings and table headers


def write(report: Report, path: str | Path) -> None:
    """Write ``report`` to ``path``; the suffix (.docx or .pdf) chooses the format."""
    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        atomic.write_bytes(path, to_docx(report))
    elif suffix == ".pdf":
        atomic.write_bytes(path, to_pdf(report))
    else:
        raise InputError("el informe debe terminar en .docx o .pdf", file=str(path))


# --------------------------------------------------------------------------- Word


def to_docx(report: Report) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)  # carta
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin = section.bottom_margin = Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    accent = RGBColor(*ACCENT)

    if report.footer:
        footer_par = section.footer.paragraphs[0]
        footer_par.text = report.footer
        footer_par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in footer_par.runs:
            run.font.size = Pt(8)

    title = doc.add_heading(report.title, level=0)
    for run in title.runs:
        run.font.color.rgb = accent
        run.font.size = Pt(18)
    if report.subtitle:
        p = doc.add_paragraph(report.subtitle)
        p.runs[0].italic = True

    for block in report.blocks:
        if isinstance(block, Heading):
            h = doc.add_heading(block.text, level=min(max(block.level, 1), 3))
            for run in h.runs:
                run.font.color.rgb = accent
        elif isinstance(block, Paragraph):
            p = doc.add_paragraph()
            run = p.add_run(block.text)
            if block.style == "strong":
                run.bold = True
            elif block.style in ("note", "small"):
                run.font.size = Pt(9)
                run.italic = block.style == "note"
        elif isinstance(block, Bullets):
            for item in block.items:
                doc.add_paragraph(item, style="List Bullet")
        elif isinstance(block, KeyValues):
            table = doc.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for key, value in block.pairs:
                cells = table.add_row().cells
                cells[0].text = key
                cells[1].text = value
                for run in cells[0].paragraphs[0].runs:
                    run.bold = True
                cells[0].width, cells[1].width = Cm(5.5), Cm(11.5)
            doc.add_paragraph()
        elif isinstance(block, Table):
            if block.caption:
                cap = doc.add_paragraph()
                cap_run = cap.add_run(block.caption)
                cap_run.bold = True
                cap_run.font.size = Pt(9.5)
            table = doc.add_table(rows=1, cols=len(block.columns))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for cell, name in zip(table.rows[0].cells, block.columns, strict=True):
                cell.text = name
                for run in cell.paragraphs[0].runs:
                    run.bold = True
                    run.font.size = Pt(9)
            for row in block.rows:
                cells = table.add_row().cells
                for i, (cell, value) in enumerate(zip(cells, row, strict=True)):
                    cell.text = value
                    para = cell.paragraphs[0]
                    if i in block.numeric:
                        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    for run in para.runs:
                        run.font.size = Pt(9)
            if block.widths:
                # Word reads the cell widths, LibreOffice the table grid: set both
                total = sum(block.widths)
                table.autofit = False
                for column, w in zip(table.columns, block.widths, strict=True):
                    column.width = Cm(17.0 * w / total)
                for row_obj in table.rows:
                    for cell, w in zip(row_obj.cells, block.widths, strict=True):
                        cell.width = Cm(17.0 * w / total)
            doc.add_paragraph()
        elif isinstance(block, Image):
            doc.add_picture(io.BytesIO(block.data), width=Cm(block.width_cm))
            if block.caption:
                cap = doc.add_paragraph(block.caption)
                cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
                cap.runs[0].italic = True
        elif isinstance(block, PageBreak):
            doc.add_page_break()  # type: ignore[no-untyped-call]

    doc.core_properties.author = "Compras Sostenibles"
    stamp = report.date or dt.datetime(2000, 1, 1)
    doc.core_properties.created = doc.core_properties.modified = stamp
    doc.core_properties.last_printed = stamp
    buffer = io.BytesIO()
    doc.save(buffer)
    return _stable_zip(buffer.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """The same .docx bytes for the same report: zip entries without the time they were written."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- PDF


@cache
def _fonts() -> tuple[str, str]:
    """Register DejaVu Sans (bundled with matplotlib) so accents and symbols render."""
    import matplotlib
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    base = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(base / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(base / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Oblique", str(base / "DejaVuSans-Oblique.ttf")))
    from reportlab.lib.fonts import addMapping

    addMapping("DejaVuSans", 0, 0, "DejaVuSans")
    addMapping("DejaVuSans", 1, 0, "DejaVuSans-Bold")
    addMapping("DejaVuSans", 0, 1, "DejaVuSans-Oblique")
    addMapping("DejaVuSans", 1, 1, "DejaVuSans-Bold")
    return "DejaVuSans", "DejaVuSans-Bold"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


def to_pdf(report: Report) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Image as RLImage
    from reportlab.platypus import KeepTogether, ListFlowable, ListItem, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import PageBreak as RLPageBreak
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import Table as RLTable

    regular, bold = _fonts()
    accent = colors.Color(*(c / 255 for c in ACCENT))
    base = ParagraphStyle("base", fontName=regular, fontSize=9.5, leading=12.5)
    styles = {
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=17, leading=21, textColor=accent),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=10.5, leading=14, textColor=colors.grey),
        "h1": ParagraphStyle("h1", parent=base, fontName=bold, fontSize=13, leading=17, textColor=accent,
                             spaceBefore=10, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=11, leading=14, textColor=accent,
                             spaceBefore=8, spaceAfter=3),
        "h3": ParagraphStyle("h3", parent=base, fontName=bold, fontSize=10, leading=13, spaceBefore=6),
        "normal": ParagraphStyle("normal", parent=base, spaceAfter=4),
        "strong": ParagraphStyle("strong", parent=base, fontName=bold, spaceAfter=4),
        "note": ParagraphStyle("note", parent=base, fontSize=8.5, leading=11, textColor=colors.dimgrey),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "cellnum": ParagraphStyle("cellnum", parent=base, fontSize=8.5, leading=10.5, alignment=TA_RIGHT),
        "cellhead": ParagraphStyle("cellhead", parent=base, fontName=bold, fontSize=8.5, leading=10.5,
                                   textColor=colors.white),
        "caption": ParagraphStyle("caption", parent=base, fontName=bold, fontSize=9, spaceBefore=4, spaceAfter=2),
    }
    width = LETTER[0] - 4.4 * cm
    story: list[object] = [RLParagraph(_esc(report.title), styles["title"])]
    if report.subtitle:
        story.append(RLParagraph(_esc(report.subtitle), styles["subtitle"]))
    story.append(Spacer(1, 0.3 * cm))

    def grid(rows: list[list[object]], col_widths: list[float], header: bool) -> RLTable:
        table = RLTable(rows, colWidths=col_widths, repeatRows=1 if header else 0)
        commands = [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5a0")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        if header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), accent))
            commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#eef3f1")]))
        table.setStyle(TableStyle(commands))
        return table

    for block in report.blocks:
        if isinstance(block, Heading):
            style = styles[f"h{min(max(block.level, 1), 3)}"]
            if block.keep_with_next:
                style = ParagraphStyle(f"{style.name}-keep", parent=style, keepWithNext=1)
            story.append(RLParagraph(_esc(block.text), style))
        elif isinstance(block, Paragraph):
            story.append(RLParagraph(_esc(block.text), styles[block.style]))
        elif isinstance(block, Bullets):
            story.append(
                ListFlowable(
                    [ListItem(RLParagraph(_esc(i), styles["normal"]), leftIndent=12) for i in block.items],
                    bulletType="bullet",
                    start="•",
                    leftIndent=12,
                )
            )
        elif isinstance(block, KeyValues):
            rows: list[list[object]] = [
                [RLParagraph(_esc(k), ParagraphStyle("k", parent=styles["cell"], fontName=bold)),
                 RLParagraph(_esc(v), styles["cell"])]
                for k, v in block.pairs
            ]
            story.append(grid(rows, [width * 0.32, width * 0.68], header=False))
            story.append(Spacer(1, 0.25 * cm))
        elif isinstance(block, Table):
            widths = block.widths or tuple(1.0 for _ in block.columns)
            total = sum(widths)
            col_widths = [width * w / total for w in widths]
            head: list[object] = [RLParagraph(_esc(c), styles["cellhead"]) for c in block.columns]
            body: list[list[object]] = [
                [
                    RLParagraph(_esc(v), styles["cellnum" if i in block.numeric else "cell"])
                    for i, v in enumerate(row)
                ]
                for row in block.rows
            ]
            parts: list[object] = []
            if block.caption:
                parts.append(RLParagraph(_esc(block.caption), styles["caption"]))
            parts.append(grid([head, *body], col_widths, header=True))
            story.append(KeepTogether(parts) if len(block.rows) < 15 else parts[-1])
            if block.caption and len(block.rows) >= 15:
                story.insert(len(story) - 1, parts[0])
            story.append(Spacer(1, 0.25 * cm))
        elif isinstance(block, Image):
            img = RLImage(io.BytesIO(block.data))
            ratio = img.imageHeight / img.imageWidth
            img.drawWidth = min(block.width_cm * cm, width)
            img.drawHeight = img.drawWidth * ratio
            story.append(img)
            if block.caption:
                story.append(RLParagraph(_esc(block.caption), styles["note"]))
        elif isinstance(block, PageBreak):
            story.append(RLPageBreak())

    story = _merge_kept_headings(story, KeepTogether)
    footer = report.footer or ""

    def on_page(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont(regular, 7.5)  # type: ignore[attr-defined]
        canvas.setFillColor(colors.grey)  # type: ignore[attr-defined]
        page = canvas.getPageNumber()  # type: ignore[attr-defined]
        canvas.drawString(2.2 * cm, 1.2 * cm, footer[:150])  # type: ignore[attr-defined]
        canvas.drawRightString(LETTER[0] - 2.2 * cm, 1.2 * cm, f"Página {page}")  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2.0 * cm,
        bottomMargin=2.0 * cm,
        title=report.title,
        author="Compras Sostenibles",
        invariant=True,  # no creation time or random id: the same report gives the same bytes
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


def _merge_kept_headings(story: list[object], keep_together: type) -> list[object]:
    """Put a keep-with-next heading inside the KeepTogether that follows it.

    ReportLab does not honour ``keepWithNext`` when the next flowable is itself a KeepTogether
    (a captioned table): the heading would stay alone at the foot of the page.
    """
    out: list[object] = []
    for flowable in story:
        previous = out[-1] if out else None
        if (
            isinstance(flowable, keep_together)
            and previous is not None
            and getattr(getattr(previous, "style", None), "keepWithNext", False)
        ):
            out[-1] = keep_together([previous, *flowable._content])  # type: ignore[attr-defined]
        else:
            out.append(flowable)
    return out
