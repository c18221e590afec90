"""Word files: body order, tables, numbering, headers apart; broken files refused."""

import io
import zipfile

import pytest
from docx import Document

from cps.documents.readers import read_document
from cps.errors import InputError
from tests.conftest import FIXTURES


def _docx(tmp_path, build):
    doc = Document()
    build(doc)
    path = tmp_path / "x.docx"
    doc.save(path)
    return path


def test_paragraphs_tables_and_header(tmp_path):
    def build(doc):
        doc.sections[0].header.paragraphs[0].text = "ALCALDÍA MUNICIPAL DE PRUEBA NIT 899999331-2"
        doc.add_heading("1.7. CLASIFICADOR UNSPSC", level=2)
        table = doc.add_table(rows=2, cols=3)
        for i, text in enumerate(["SEGMENTO", "PRODUCTO", "DETALLE"]):
            table.rows[0].cells[i].text = text
        for i, text in enumerate(["15000000", "15121504", "Aceite hidráulico"]):
            table.rows[1].cells[i].text = text
        p = doc.add_paragraph()
        p.add_run("1.8. RECURSOS").bold = True
        doc.add_paragraph("Texto normal.")

    doc = read_document(_docx(tmp_path, build))
    assert [line.text for line in doc.lines][:2] == ["1.7. CLASIFICADOR UNSPSC", "SEGMENTO PRODUCTO DETALLE"]
    assert doc.lines[2].cells == ["15000000", "15121504", "Aceite hidráulico"]
    assert doc.lines[0].heading and doc.lines[3].bold
    assert doc.furniture == ["ALCALDÍA MUNICIPAL DE PRUEBA NIT 899999331-2"]
    assert [s.number for s in doc.sections] == ["1.7", "1.8"]


def test_merged_cells_are_not_repeated(tmp_path):
    def build(doc):
        table = doc.add_table(rows=1, cols=3)
        merged = table.rows[0].cells[0].merge(table.rows[0].cells[1])
        merged.text = "TOTAL"
        table.rows[0].cells[2].text = "$ 1.000"

    doc = read_document(_docx(tmp_path, build))
    assert doc.lines[0].cells == ["TOTAL", "$ 1.000"]


def test_seed_as_word_gives_the_same_record():
    doc = read_document(FIXTURES / "seed" / "seed.docx")
    assert doc.pages == 39
    assert any(s.number == "2.10.1" for s in doc.sections)


def test_not_a_zip(tmp_path):
    path = tmp_path / "notzip.docx"
    path.write_text("esto no es un Word", encoding="utf-8")
    with pytest.raises(InputError, match="ZIP"):
        read_document(path)


def test_truncated_zip(tmp_path):
    data = (FIXTURES / "seed" / "seed.docx").read_bytes()
    path = tmp_path / "broken.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="dañado"):
        read_document(path)


def test_zip_without_document(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("hola.txt", "hola")
    path = tmp_path / "other.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match=r"word/document\.xml"):
        read_document(path)


def test_corrupt_xml_part(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(FIXTURES / "seed" / "seed.docx") as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[:500]
            dst.writestr(item, data)
    path = tmp_path / "badxml.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match="Word"):
        read_document(path)
