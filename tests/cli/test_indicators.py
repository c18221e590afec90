"""``cps indicators``: JSON contract, Spanish text, reports, exit codes and ``--from-api``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cps.cli import main
from tests.indicators.builders import EXAMPLE, process, read_jsonl, write_jsonl
from tests.indicators.fake_socrata import FakeSocrata, serve

ARGS = ["--procesos", str(EXAMPLE / "procesos.jsonl"), "--contratos", str(EXAMPLE / "contratos.jsonl"),
        "--plan", str(EXAMPLE / "plan.yaml")]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["indicators", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_example_json_is_exactly_expected(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *ARGS, "--json")
    assert code == 0 and err == ""
    data = json.loads(out)  # exactly one JSON object on stdout
    expected = json.loads((EXAMPLE / "expected.json").read_text(encoding="utf-8"))
    assert data["entity_nit"] == expected["entity_nit"]
    assert data["years"] == expected["years"]
    assert data["skipped_values"] == ["CO1.REQ.7010010", "CO1.REQ.7010022", "CO1.REQ.7010030", "CO1.REQ.7010032"]
    assert list(data)[:3] == ["entity_nit", "years", "skipped_values"]


def test_readable_spanish_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *ARGS)
    assert code == 0
    assert "Año 2026: meta cumplida" in out
    assert "Procesos: 35, con criterios de sostenibilidad 6 (17,14 %; meta 10,00 %: cumple)" in out


def test_reports_are_written(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    xlsx, pdf, docx = tmp_path / "m.xlsx", tmp_path / "out" / "m.pdf", tmp_path / "m.docx"
    code, out, err = run(capsys, *ARGS, "--json", "--xlsx", str(xlsx), "--pdf", str(pdf), "--docx", str(docx))
    assert code == 0 and err == ""
    json.loads(out)
    assert xlsx.read_bytes()[:2] == b"PK" and docx.read_bytes()[:2] == b"PK"
    assert pdf.read_bytes().startswith(b"%PDF")


def test_register_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    register = tmp_path / "registro.csv"
    register.write_text("ID del Proceso\nCO1.REQ.7010012\n", encoding="utf-8")
    code, out, _ = run(capsys, *ARGS, "--json", "--registro", str(register))
    assert code == 0
    data = json.loads(out)
    assert data["years"][1]["processes_with_criteria"] == 7
    assert data["entity_register"]["only_from_register_ids"] == ["CO1.REQ.7010012"]


def test_bad_file_exits_2_with_file_and_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = write_jsonl(tmp_path / "procesos.jsonl", [process(1)])
    with broken.open("a", encoding="utf-8") as fh:
        fh.write("{roto\n")
    xlsx = tmp_path / "m.xlsx"
    args = ["--procesos", str(broken), "--contratos", str(EXAMPLE / "contratos.jsonl"), "--plan",
            str(EXAMPLE / "plan.yaml"), "--json", "--xlsx", str(xlsx)]
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert f"archivo «{broken}», línea 2" in err and "JSON" in err
    assert not xlsx.exists() and list(tmp_path.iterdir()) == [broken]


def test_missing_column_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "contratos.csv"
    path.write_text("Proceso de Compra,Obligación Ambiental\n", encoding="utf-8")
    args = ["--procesos", str(EXAMPLE / "procesos.jsonl"), "--contratos", str(path), "--plan",
            str(EXAMPLE / "plan.yaml")]
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert "«Obligaciones Postconsumo»" in err and str(path) in err


def test_wrong_output_suffix_and_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, *ARGS, "--pdf", str(tmp_path / "m.docx"))
    assert code == 2 and ".pdf" in err
    bad_plan = tmp_path / "plan.yaml"
    bad_plan.write_text("entity_nit: \"899999331\"\nentity: X\ntargets: {2026: {share_processes: 12, "
                        "share_value: 0.1}}\n", encoding="utf-8")
    code, _, err = run(capsys, *ARGS[:4], "--plan", str(bad_plan))
    assert code == 2 and "targets.2026.share_processes" in err


def test_from_api_with_a_local_fake_server(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    server = FakeSocrata({"p6dx-8zbt": read_jsonl(EXAMPLE / "procesos.jsonl"),
                          "jbjy-vk9h": read_jsonl(EXAMPLE / "contratos.jsonl")})
    with serve(server):
        monkeypatch.setenv("CPS_SOCRATA_URL", server.base_url)
        code, out, err = run(capsys, "--from-api", "--procesos", str(tmp_path / "p.jsonl"), "--contratos",
                             str(tmp_path / "c.jsonl"), "--plan", str(EXAMPLE / "plan.yaml"), "--json")
    assert code == 0
    assert "Descargados 54 procesos y 47 contratos" in err
    expected = json.loads((EXAMPLE / "expected.json").read_text(encoding="utf-8"))
    assert json.loads(out)["years"] == expected["years"]
    assert {r["dataset"] for r in server.requests} == {"p6dx-8zbt", "jbjy-vk9h"}


def test_installed_command_has_clean_streams() -> None:
    done = subprocess.run([sys.executable, "-m", "cps", "indicators", *ARGS, "--json"], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0 and done.stderr == ""
    assert json.loads(done.stdout)["entity_nit"] == "899999331"
