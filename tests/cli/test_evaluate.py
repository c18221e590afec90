"""`cps evaluate` end to end: the shared example, determinism, reports, public version, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from cps.cli import main

EXAMPLE = Path(__file__).parents[1] / "fixtures" / "examples" / "evaluation" / "mc-034-2026.yaml"


def cps(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "cps", *args], capture_output=True, check=False)


def test_example_gives_its_documented_result() -> None:
    done = cps("evaluate", str(EXAMPLE), "--json")
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads(done.stdout)
    assert data["process"] == "MC-034-2026"
    assert data["outcome"] == "adjudicada"
    assert data["selected"] == "A"
    assert data["tie_break"] is None
    assert data["random_draw"] is None
    offers = {o["id"]: o for o in data["offers"]}
    assert [o["id"] for o in data["offers"]] == ["A", "B", "C"]
    assert offers["A"]["status"] == "selected"
    assert offers["A"]["declared_total"] == 44600000
    assert offers["A"]["corrected_total"] == 44600000
    assert offers["B"]["status"] == "rejected"
    assert offers["B"]["declared_total"] == 43500000
    assert offers["B"]["corrected_total"] == 44030000
    assert offers["B"]["relative_difference"] == pytest.approx(0.012184, abs=1e-6)
    (reason,) = offers["B"]["reasons"]
    assert reason["code"] == "ARITHMETIC_DIFFERENCE"
    assert reason["causal"] == "K"
    assert "1,22 %" in reason["detail"]
    assert "§2.13" in reason["rule"]
    assert offers["C"]["status"] == "not_verified"
    for offer in data["offers"]:
        for r in offer["reasons"]:
            assert set(r) >= {"code", "rule", "detail"}


def test_same_input_same_output_byte_for_byte() -> None:
    first = cps("evaluate", str(EXAMPLE), "--json")
    second = cps("evaluate", str(EXAMPLE), "--json")
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout
    assert cps("evaluate", str(EXAMPLE), "--json", "--public").stdout == cps(
        "evaluate", str(EXAMPLE), "--json", "--public").stdout


def test_text_output_in_spanish() -> None:
    done = cps("evaluate", str(EXAMPLE))
    text = done.stdout.decode()
    assert done.returncode == 0
    assert "ADJUDICADA a la oferta A" in text
    assert "RECHAZADA" in text and "causal K" in text


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_report_is_written_and_json_stays_alone_on_stdout(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"informe{suffix}"
    done = cps("evaluate", str(EXAMPLE), "--json", "--report", str(out))
    assert done.returncode == 0, done.stderr.decode()
    json.loads(done.stdout)  # nothing else on stdout
    assert out.exists() and out.stat().st_size > 2000
    if suffix == ".pdf":
        from pypdf import PdfReader

        text = "\n".join(page.extract_text() for page in PdfReader(str(out)).pages)
        assert "Informe de evaluación de ofertas" in text
        assert "44.030.000" in text and "Rechazada" in text
    else:
        from docx import Document

        doc = Document(str(out))
        body = "\n".join(p.text for p in doc.paragraphs)
        cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
        assert "Informe de evaluación de ofertas" in body
        assert "Lubricantes del Guavio S.A.S." in cells


def test_bad_report_suffix_and_bad_case_write_nothing(tmp_path: Path) -> None:
    bad = cps("evaluate", str(EXAMPLE), "--report", str(tmp_path / "informe.txt"))
    assert bad.returncode == 2
    assert b".docx o .pdf" in bad.stderr
    case = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    case["offers"][2]["bidder"]["members"][0]["participation"] = 0.7
    broken = tmp_path / "caso.yaml"
    broken.write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "informe.pdf"
    done = cps("evaluate", str(broken), "--json", "--report", str(out))
    assert done.returncode == 2
    assert done.stdout == b""
    message = done.stderr.decode()
    assert "oferta «C»" in message and "participación" in message and "Traceback" not in message
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [broken]


def _tie_case(tmp_path: Path) -> Path:
    """The example with B's form fixed and its prices equal to A's: a tie decided by factor 2 (reserved)."""
    case = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    a, b = case["offers"][0], case["offers"][1]
    b["unit_prices"] = dict(a["unit_prices"])
    b["declared_total"] = a["declared_total"]
    b["tie_break"] = {"national": True, "mipyme": True, "women_head_or_violence_victim": True}
    path = tmp_path / "empate.yaml"
    path.write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    return path


def test_public_json_does_not_reveal_who_accredited_a_reserved_factor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _tie_case(tmp_path)
    assert main(["evaluate", str(path), "--json"]) == 0
    internal = json.loads(capsys.readouterr().out)
    assert internal["selected"] == "B"
    assert internal["tie_break"]["decided_by"] == 2
    step2 = next(s for s in internal["tie_break"]["steps"] if s["factor"] == 2)
    assert step2["met_by"] == ["B"] and step2["kept"] == ["B"]

    assert main(["evaluate", str(path), "--json", "--public"]) == 0
    public = json.loads(capsys.readouterr().out)
    assert public["public"] is True
    assert public["selected"] == "B" and public["outcome"] == "adjudicada"
    tie = public["tie_break"]
    assert tie["tied"] == ["A", "B"]
    assert tie["decided_by"] is None and tie["decided_by_reserved"] is True
    step1 = next(s for s in tie["steps"] if s["factor"] == 1)
    assert step1["kept"] == ["A", "B"]  # before any reserved factor: published
    for step in tie["steps"]:
        if step["factor"] >= 2:
            assert step["kept"] is None and step["met_by"] is None and "outcomes" not in step
    text = json.dumps(public, ensure_ascii=False)
    assert "factor 2" not in text
    assert "víctima de violencia intrafamiliar." not in text  # no evidence note survives
    offers = {o["id"]: o for o in public["offers"]}
    details = [r["detail"] for r in offers["B"]["reasons"] + offers["A"]["reasons"]]
    assert details and all("factor 2" not in d and "decidido por" not in d for d in details)


def test_public_report_keeps_the_decision_and_hides_the_reserved_detail(tmp_path: Path) -> None:
    from cps.evaluation import build_report, evaluate, load_case

    case = load_case(_tie_case(tmp_path))
    result = evaluate(case)
    internal = build_report(case, result, public=False).plain_text()
    public = build_report(case, result, public=True).plain_text()
    assert "Versión interna" in internal and "Versión pública" in public
    evidence = "El proponente acredita la condición de mujer cabeza de familia o víctima de violencia intrafamiliar"
    assert evidence in internal
    assert evidence not in public
    assert "favorecida por el factor 2" in internal and "factor 2" not in public
    assert "Recomendación: aceptar la oferta B" in public
    assert "reserva legal" in public
    assert "Ley 1581 de 2012" in public


def test_dates_may_be_yaml_dates_or_iso_strings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    quoted = text.replace("closing: 2026-07-24T10:00:00-05:00", 'closing: "2026-07-24T10:00:00-05:00"')
    quoted = quoted.replace("certificate_issued: 2026-07-01", 'certificate_issued: "2026-07-01"')
    quoted = quoted.replace("end: 2025-11-30", 'end: "2025-11-30"')
    assert quoted != text
    path = tmp_path / "iso.yaml"
    path.write_text(quoted, encoding="utf-8")
    assert main(["evaluate", str(EXAMPLE), "--json"]) == 0
    original = capsys.readouterr().out
    assert main(["evaluate", str(path), "--json"]) == 0
    assert capsys.readouterr().out == original
