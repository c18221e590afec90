"""``cps draft``: input errors, and the end-to-end annex from the seed invitation (needs the review)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from cps.cli import main

FIXTURES = Path(__file__).parents[1] / "fixtures"
SEED = FIXTURES / "003_910f26f6926a9d9c.txt"


def docx_text(path: Path) -> str:
    doc = Document(io.BytesIO(path.read_bytes()))
    return "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])


def test_missing_input_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "anexo.docx"
    assert main(["draft", str(tmp_path / "no_existe.txt"), "--out", str(out)]) == 2
    assert "el archivo no existe" in capsys.readouterr().err
    assert not out.exists()


def test_output_must_be_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", str(SEED), "--out", str(tmp_path / "anexo.pdf")]) == 2
    assert "debe terminar en .docx" in capsys.readouterr().err


def test_broken_catalog_fails_before_writing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "roto.yaml"
    broken.write_text("schema: 1\nversion: '1'\nremove: [NO-01]\n", encoding="utf-8")
    out = tmp_path / "anexo.docx"
    assert main(["draft", str(SEED), "--out", str(out), "--catalog", str(broken)]) == 2
    assert "«NO-01» que se pide quitar" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("source", [SEED, FIXTURES / "seed" / "seed.docx", FIXTURES / "seed" / "seed.pdf"],
                         ids=["txt", "docx", "pdf"])
def test_seed_invitation_end_to_end(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "a.docx"
    assert main(["draft", str(source), "--out", str(out)]) == 0
    assert "Anexo escrito" in capsys.readouterr().out
    text = docx_text(out)
    assert "MC-034-2026" in text
    assert "GACHETÁ" in text
    assert "Aceite hidráulico" in text and "Filtros de aceite" in text and "Conectores para mangueras" in text
    assert "(LUB-01)" in text and "(FIL-01)" in text and "(HID-01)" in text
    assert "Criterios de puntaje" not in text
    assert "En el documento:" not in text  # the seed has no sustainability clause


def test_clause_already_in_the_invitation_is_marked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = SEED.read_text(encoding="utf-8").replace(
        "## 1.9. FORMA DE PAGO Y REQUISITOS",
        "El contratista recogerá los aceites usados y los entregará a un gestor autorizado.\n\n"
        "## 1.9. FORMA DE PAGO Y REQUISITOS",
    )
    invitation = tmp_path / "invitacion.txt"
    invitation.write_text(text, encoding="utf-8")
    out = tmp_path / "a.docx"
    assert main(["draft", str(invitation), "--out", str(out), "--level", "basico"]) == 0
    capsys.readouterr()
    annex = docx_text(out)
    assert "En el documento: la invitación ya contiene una redacción equivalente" in annex
    assert "entregará a un gestor autorizado" in annex
    assert "(HID-01)" not in annex  # basic level only
