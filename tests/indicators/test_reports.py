"""Readable outputs: Spanish text, XLSX (one sheet per table), PDF/Word report with charts."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from docx import Document

from cps.indicators import compute, load_plan, write_docx, write_pdf, write_xlsx
from cps.indicators.charts import priority_chart, progress_chart
from cps.indicators.result import Result
from cps.indicators.text import render_text

from .builders import EXAMPLE


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Result:
    register = tmp_path_factory.mktemp("reg") / "registro.csv"
    register.write_text("ID del Proceso\nCO1.REQ.7010012\nCO1.REQ.9999999\n", encoding="utf-8")
    return compute(load_plan(EXAMPLE / "plan.yaml"), EXAMPLE / "procesos.jsonl", EXAMPLE / "contratos.jsonl",
                   register)


def test_text_summary(result: Result) -> None:
    text = render_text(result)
    for expected in (
        "Alcaldía Municipal de Gachetá (NIT 899999331)",
        "Año 2025: meta cumplida",
        "Procesos: 15, con criterios de sostenibilidad 4 (26,67 %; meta 5,00 %: cumple)",
        "Valor (precio base): $733.500.000, con criterios $152.000.000 (20,72 %; meta 3,00 %: cumple)",
        "Origen: 6 según SECOP II, 1 solo según el registro propio",
        "151215: 2 de 4",
        "Procesos sin Precio Base utilizable",
        "CO1.REQ.7010010",
        "Dónde enfocar el próximo esfuerzo",
        "1 no están en el extracto",
        "3 procesos cancelados (se excluyen)",
    ):
        assert expected in text, expected


def test_xlsx_has_one_sheet_per_table(result: Result, tmp_path: Path) -> None:
    path = tmp_path / "metas.xlsx"
    write_xlsx(result, str(path))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Metas", "Origen de los criterios", "Clases prioritarias", "Modalidades",
                             "Prioritarios sin criterios", "Sin valor", "Registro propio", "Calidad de los datos",
                             "Método"]
    metas = wb["Metas"]
    assert metas["A3"].value == "Año" and metas["A4"].value == 2025
    assert metas["B4"].value == 15 and metas["D4"].value == pytest.approx(0.2667)
    assert metas["D4"].number_format == "0.00%" and metas["H4"].number_format == '"$"#,##0'
    assert metas["H5"].value == 1661250000
    sin_valor = [r[0].value for r in wb["Sin valor"].iter_rows(min_row=4)]
    assert sin_valor == result.skipped_values
    registro = {r[0].value: r[1].value for r in wb["Registro propio"].iter_rows(min_row=4)}
    assert registro == {"CO1.REQ.7010012": "con criterios solo por el registro",
                        "CO1.REQ.9999999": "no está en el extracto de procesos"}


def test_pdf_report_for_the_management_review(result: Result, tmp_path: Path) -> None:
    path = tmp_path / "metas.pdf"
    write_pdf(result, str(path))
    with pdfplumber.open(path) as pdf:
        text = " ".join(" ".join(page.extract_text() or "" for page in pdf.pages).split())
        images = sum(len(page.images) for page in pdf.pages)
    for expected in ("Compras públicas sostenibles: avance de las metas", "NTC-ISO 14001:2015, numeral 9.3",
                     "Avance frente a las metas", "Clases UNSPSC prioritarias", "Por modalidad de contratación",
                     "Dónde enfocar el próximo esfuerzo", "Registro propio de la entidad", "Calidad de los datos",
                     "Método y fuentes", "NO CONFIRMADO", "$1.661.250.000", "MC-017-2026"):
        assert expected in text, expected
    assert images == 2  # progress against targets and priority classes


def test_word_report(result: Result, tmp_path: Path) -> None:
    path = tmp_path / "metas.docx"
    write_docx(result, str(path))
    doc = Document(str(path))
    assert any("Avance frente a las metas" in p.text for p in doc.paragraphs)
    assert len(doc.inline_shapes) == 2


def test_wrong_report_suffix(result: Result, tmp_path: Path) -> None:
    from cps.errors import InputError

    with pytest.raises(InputError):
        write_pdf(result, str(tmp_path / "metas.txt"))
    assert not (tmp_path / "metas.txt").exists()


def test_charts_are_png(result: Result) -> None:
    from PIL import Image

    for data in (progress_chart(result), priority_chart(result.by_priority_class_detail, 2026)):
        assert data.startswith(b"\x89PNG")
        image = Image.open(io.BytesIO(data))
        assert image.width > 1000
