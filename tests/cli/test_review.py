"""`cps review` as a user runs it: exit codes, JSON on stdout only, Spanish messages on stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SEED_INVITATION

CPS = [sys.executable, "-m", "cps"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([*CPS, *args], capture_output=True, text=True, timeout=120, cwd=cwd, env=env)


def test_json_on_stdout_and_exit_1_when_errors():
    result = run("review", str(SEED_INVITATION), "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["process"]["process_number"] == "MC-034-2026"
    assert data["process"]["budget"] == 49016520
    assert data["process"]["cdp_total"] == 49016520
    assert result.stderr == ""


def test_readable_report_groups_by_severity():
    result = run("review", str(SEED_INVITATION))
    assert result.returncode == 1
    out = result.stdout
    assert out.index("ERRORES") < out.index("ADVERTENCIAS") < out.index("INFORMACIÓN")
    assert "MC-034-2026" in out and "sección 1.7, página 4" in out
    assert "SOSTENIBILIDAD POR BIEN" in out


@pytest.mark.parametrize("name", ["seed.docx", "seed.pdf"])
def test_word_and_pdf_give_the_same_record(name):
    data = json.loads(run("review", str(FIXTURES / "seed" / name), "--json").stdout)
    p = data["process"]
    assert (p["process_number"], p["budget"], p["cdp_total"], len(p["unspsc"])) == ("MC-034-2026", 49016520, 49016520, 9)


def test_clean_document_exits_0(tmp_path):
    text = (
        "ALCALDÍA MUNICIPAL DE PRUEBA NIT 899999331-2\n"
        "INVITACIÓN PÚBLICA DE MÍNIMA CUANTÍA MC-001-2026\n"
        "1.1. OBJETO\nSuministro de papelería para la alcaldía.\n"
        "1.2. PRESUPUESTO\nEl presupuesto oficial es de DIEZ MILLONES DE PESOS M/CTE ($10.000.000).\n"
        "1.3. PLAZO\nEl plazo de ejecución del contrato será de dos (2) meses.\n"
        "1.4. CLASIFICACIÓN UNSPSC\nPRODUCTO\tDETALLE\n14111507\tPapel para impresora\n"
        "1.5. CDP\nCDP No. 123 por valor de $10.000.000.\n"
        "1.6. DESEMPATE\nEn caso de empate se aplicarán los factores del artículo 2.2.1.2.4.2.17 del Decreto 1082 de 2015.\n"
    )
    path = tmp_path / "limpia.txt"
    path.write_text(text, encoding="utf-8")
    result = run("review", str(path), "--json")
    data = json.loads(result.stdout)
    assert [f["code"] for f in data["findings"] if f["severity"] == "error"] == []
    assert result.returncode == 0


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("vacio.txt", b"", "vacío"),
        ("basura.pdf", bytes(range(256)) * 100, "PDF"),
        ("falso.docx", b"no soy un zip", "Word"),
        ("imagen.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 500, "Word"),
        ("binario.txt", b"\x00\x01\x02" * 1000, "binarios"),
    ],
)
def test_bad_input_exit_2_with_spanish_message(tmp_path, name, content, needle):
    path = tmp_path / name
    path.write_bytes(content)
    result = run("review", str(path), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert needle in result.stderr and name in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_argument_is_spanish():
    result = run("review")
    assert result.returncode == 2
    assert "faltan argumentos obligatorios" in result.stderr


def test_unknown_file(tmp_path):
    result = run("review", str(tmp_path / "no-existe.pdf"))
    assert result.returncode == 2 and "no existe" in result.stderr
