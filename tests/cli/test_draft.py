"""``cps draft``: input errors, and the end-to-end annex from the seed invitation (needs the review)."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import pytest
from docx import Document

from cps.cli import main

SEED = Path(__file__).parents[1] / "fixtures" / "003_910f26f6926a9d9c.txt"
HAS_REVIEW = importlib.util.find_spec("cps.documents.review") is not None


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


@pytest.mark.skipif(not HAS_REVIEW, reason="cps.documents.review (cps review) todavía no está en esta rama")
def test_seed_invitation_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "a.docx"
    assert main(["draft", str(SEED), "--out", str(out)]) == 0
    assert "Anexo escrito" in capsys.readouterr().out
    doc = Document(io.BytesIO(out.read_bytes()))
    text = "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert "MC-034-2026" in text
    assert "GACHETÁ" in text
    assert "Aceite hidráulico" in text and "Filtros de aceite" in text
    assert "(LUB-01)" in text and "(FIL-01)" in text
    assert "Criterios de puntaje" not in text
