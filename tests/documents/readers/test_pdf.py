"""PDF: text, pages, ruled tables and paragraphs; protected, broken and scanned PDFs refused."""

import io

import pytest

from cps.documents.readers import read_document
from cps.errors import InputError
from tests.conftest import FIXTURES

SEED_PDF = FIXTURES / "seed" / "seed.pdf"


def test_seed_pdf_tables_and_paragraphs():
    doc = read_document(SEED_PDF)
    rows = [line.cells for line in doc.lines if line.cells and line.cells[0] in ("SEGMENTO", "15000000")]
    assert rows[0] == ["SEGMENTO", "FAMILIA", "CLASE", "PRODUCTO", "DETALLE"]
    assert rows[1] == ["15000000", "15120000", "15121500", "15121504", "Aceite hidráulico"]
    cdp = next(line for line in doc.lines if line.cells and line.cells[0].startswith("2.3.2.02.01.003"))
    assert cdp.cells[-1] == "$ 4.690.750"
    # wrapped lines are joined back into one paragraph
    assert any(
        line.text.startswith("El plazo de ejecución del contrato será hasta el TREINTA Y UNO (31) DE DICIEMBRE DE 2026")
        and line.text.endswith("requisitos de ejecución.")
        for line in doc.lines
    )
    assert all("Página" not in line.text for line in doc.lines)


def _pdf_with_reportlab(draw) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    draw(c)
    c.save()
    return buffer.getvalue()


def test_scanned_pdf_without_text_layer(tmp_path):
    def draw(c):
        c.rect(50, 50, 400, 600, fill=1)  # an image-like page: only graphics, no text

    path = tmp_path / "scanned.pdf"
    path.write_bytes(_pdf_with_reportlab(draw))
    with pytest.raises(InputError, match="escaneado"):
        read_document(path)


def test_password_protected_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(SEED_PDF).pages[:2]:
        writer.add_page(page)
    writer.encrypt(user_password="secreta", owner_password="dueño")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "protected.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match="contraseña"):
        read_document(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "vacío"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "cabecera %PDF"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 40, "dañado"),
    ],
)
def test_garbage_pdf(tmp_path, content, message):
    path = tmp_path / "garbage.pdf"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_document(path)


def test_truncated_seed_pdf(tmp_path):
    data = SEED_PDF.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    try:
        doc = read_document(path)
    except InputError as error:
        assert "PDF" in str(error)
    else:  # PDFium may recover the first pages of a truncated file; then they must read cleanly
        assert doc.lines
