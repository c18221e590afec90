"""The Word annex built from a process record (cps.catalog.draft)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from cps.catalog import Evidence, load_catalog
from cps.catalog.draft import annex_context, build_annex, row_code
from cps.documents.record import UnspscRow

from .helpers import SEED_ROWS, seed_record

DAY = dt.date(2026, 11, 20)


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in doc.sections:
        parts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(parts)


def test_row_code_takes_the_most_specific_wellformed_code() -> None:
    assert row_code(UnspscRow(segment="400000", family="4016000", class_="40161500", product="40161515")) == "40161515"
    assert row_code(UnspscRow(segment="15000000", class_="15121500", product="1512150")) == "15121500"
    assert row_code(UnspscRow(segment="400000")) is None


def test_annex_for_the_seed_names_the_process_and_covers_its_goods() -> None:
    text = docx_text(build_annex(seed_record(), today=DAY))
    assert "MC-034-2026" in text
    assert "ALCALDÍA MUNICIPAL DE GACHETÁ (NIT 899999331-2)" in text
    assert "SUMINISTRO DE LUBRICANTES" in text
    assert "Mínima cuantía" in text
    for *_, name in SEED_ROWS:
        assert name in text, name
    for cid in ("LUB-01", "HID-01", "GRA-01", "FIL-01", "CNX-01"):
        assert f"({cid})" in text, cid
    assert "Especificaciones técnicas" in text and "Obligaciones del contratista" in text
    assert "Criterios de puntaje" not in text and "HID-02" not in text  # mínima cuantía: no scoring
    assert "Verificación del supervisor en cada entrega" in text
    assert "Decreto 142 de 2023" in text
    assert "20 de noviembre de 2026" in text
    assert "{{" not in text and "{%" not in text


def test_clauses_are_written_once_and_referred_to_afterwards() -> None:
    context = annex_context(seed_record(), today=DAY)
    written = [c["id"] for g in context["goods"] for s in g["sections"] for c in s["clauses"]]
    assert len(written) == len(set(written))
    motor = next(g for g in context["goods"] if "Aceite motor" in g["title"])
    assert "LUB-04" in [c["id"] for s in motor["sections"] for c in s["clauses"]]
    assert "Recepción del aceite lubricante usado" in motor["also"]  # LUB-01, first written for hydraulic oil
    filters = next(g for g in context["goods"] if g["title"].startswith("Filtros de aceite"))
    assert filters["title"] == "Filtros de aceite, filtros de aire, filtros de combustible y filtros hidráulicos"


def test_supervisor_table_lists_delivery_checks_only() -> None:
    context = annex_context(seed_record(), today=DAY)
    numbers = [row["number"] for row in context["checks"]]
    titles = " ".join(row["title"] for row in context["checks"])
    assert "Recepción de filtros usados" in titles
    assert "Gestor de residuos peligrosos identificado" not in titles  # habilitating: checked at evaluation
    assert numbers == sorted(numbers, key=lambda n: tuple(int(x) for x in n.split(".")))
    fil = next(row for row in context["checks"] if row["title"].startswith("Recepción de filtros"))
    assert "Filtros de aire" in fil["goods"] and fil["evidence"].startswith("Certificados de entrega")


def test_basic_level_leaves_advanced_criteria_out() -> None:
    text = docx_text(build_annex(seed_record(), level="basico", today=DAY))
    assert "(LUB-01)" in text and "(HID-01)" not in text and "(LUB-05)" not in text
    assert "Básico" in text


def test_unknown_modality_keeps_award_criteria_out_and_says_so() -> None:
    record = seed_record(modality=None, unspsc=[UnspscRow(product="83101801", name="Energía eléctrica")])
    context = annex_context(record, today=DAY)
    ids = [c["id"] for g in context["goods"] for s in g["sections"] for c in s["clauses"]]
    assert "ELE-01" in ids and "ELE-03" not in ids  # ELE-03 is award only
    assert "no se identificó" in context["modality_rule"]


def test_uncovered_and_malformed_rows_are_listed() -> None:
    record = seed_record(unspsc=[
        UnspscRow(product="15121504", name="Aceite hidráulico"),
        UnspscRow(product="11101501", name="Mineral"),
        UnspscRow(segment="400000", name="Fila rota"),
    ])
    context = annex_context(record, today=DAY)
    assert context["uncovered"] == "Mineral (11101501); Fila rota (código UNSPSC mal formado)"


def test_criteria_already_in_the_document_are_marked() -> None:
    evidence = Evidence("LUB-01", "re:…", "…entregar el aceite usado al gestor autorizado…", 10, 40, 321)
    context = annex_context(seed_record(), present={"LUB-01": evidence}, today=DAY)
    clause = next(c for g in context["goods"] for s in g["sections"] for c in s["clauses"] if c["id"] == "LUB-01")
    assert "línea 321" in clause["already"] and "gestor autorizado" in clause["already"]


def test_entity_overrides_reach_the_annex(tmp_path: Path) -> None:
    extra = tmp_path / "entidad.yaml"
    extra.write_text(
        "schema: 1\nversion: '1'\ncategories:\n  - id: filtros\n    criteria:\n"
        "      - id: FIL-01\n        title: Filtros usados a Gestora Andina\n"
        "        text: El contratista entregará los filtros usados a Gestora Andina S.A.S. & Cía.\n"
        "        dimension: environmental\n        aspect: waste\n        level: basico\n"
        "        placements: [contract_obligation]\n        verification: Certificado.\n"
        "        verification_means: [delivery_records]\n        legal_basis: Decreto 4741 de 2005.\n"
        "        nature: legal_requirement\n        sources: [co-d4741-2005]\n        detect: [filtros usados]\n",
        encoding="utf-8",
    )
    text = docx_text(build_annex(seed_record(), catalog=load_catalog([extra]), today=DAY))
    assert "Gestora Andina S.A.S. & Cía." in text  # escaped and rendered


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice no está instalado")
def test_libreoffice_opens_the_annex(tmp_path: Path) -> None:
    from pypdf import PdfReader

    docx = tmp_path / "anexo.docx"
    docx.write_bytes(build_annex(seed_record(), today=DAY))
    profile = tmp_path / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = tmp_path / "anexo.pdf"
    assert pdf.exists()
    reader = PdfReader(str(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert len(reader.pages) >= 2
    assert "MC-034-2026" in text
    assert "Aceite hidráulico" in text and "Filtros de aceite" in text
    assert "Verificación del supervisor" in text
    assert "Página 1 de" in text
    assert "{{" not in text and "{%" not in text
