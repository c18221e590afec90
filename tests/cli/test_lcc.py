"""``cps lcc``: JSON contract, readable report, options, exit codes and Spanish messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cps.cli import main

EXAMPLE = Path(__file__).parent.parent / "fixtures" / "examples" / "lcc" / "aceite-motor-volquetas.yaml"
BYPASS = "Sintético con filtración de desvío (bypass) y análisis de aceite"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["lcc", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(EXAMPLE), "--json")
    assert code == 0
    data = json.loads(out)  # exactly one JSON object on stdout
    assert data["best"] == BYPASS
    first = data["alternatives"][0]
    assert first["npv"] == 41571332
    assert first["breakdown"] == {"acquisition": 0, "annual": 41192219, "one_off": 0, "residual": 0,
                                  "carbon": 379113}
    assert first["emissions_tco2e"] == 9.0
    assert [a["npv"] for a in data["alternatives"]] == [41571332, 32097742, 27700820]
    assert data["alternatives"][2]["breakdown"] == {"acquisition": 4500000, "annual": 22733689, "one_off": 503772,
                                                    "residual": 373629, "carbon": 336989}
    assert data["alternatives"][2]["savings"] == 13870512
    assert data["alternatives"][2]["savings_percent"] == 33.37
    assert data["ranking"][0] == BYPASS
    assert data["carbon_price"] == 50000
    assert data["sensitivity"]["break_even"][0]["rate"] == 0.3565
    assert err == ""


def test_readable_spanish_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(EXAMPLE))
    assert code == 0
    for text in ("COSTO DEL CICLO DE VIDA", "$41.571.332", "$32.097.742", "$27.700.820",
                 "ahorra $13.870.512 (33,37 %)", "Menor costo del ciclo de vida", "−$373.629",
                 "$503.772", "9,0 tCO2e", "Sensibilidad a la tasa de descuento real", "35,65 %",
                 "$50.000 por tCO2e"):
        assert text in out


def test_chart_option_writes_the_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    chart = tmp_path / "lcc.png"
    code, out, _ = run(capsys, str(EXAMPLE), "--json", "--chart", str(chart))
    assert code == 0
    assert json.loads(out)["chart"] == str(chart)
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_chart_with_a_wrong_suffix_fails_before_anything(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, str(EXAMPLE), "--json", "--chart", str(tmp_path / "lcc.jpg"))
    assert code == 2
    assert out == ""
    assert ".png o .svg" in err
    assert list(tmp_path.iterdir()) == []


def test_carbon_price_option_overrides_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(EXAMPLE), "--json", "--carbon-price", "0")
    data = json.loads(out)
    assert code == 0
    assert data["carbon_price"] == 0
    assert data["carbon_price_origin"] == "option"
    assert [a["breakdown"]["carbon"] for a in data["alternatives"]] == [0, 0, 0]
    assert data["alternatives"][0]["npv"] == 41192219


def test_carbon_year_uses_the_carbon_tax(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(EXAMPLE), "--json", "--carbon-year", "2026")
    data = json.loads(out)
    assert code == 0
    assert data["carbon_price"] == 29070.49
    assert data["carbon_price_year"] == 2026
    assert data["carbon_price_origin"] == "carbon_tax"
    assert "impuesto nacional al carbono 2026" in data["carbon_price_source"]
    assert "DIAN 000003" in data["carbon_price_source"]


def test_carbon_tax_is_the_default_when_the_file_has_none(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    case = tmp_path / "caso.yaml"
    case.write_text(EXAMPLE.read_text(encoding="utf-8").replace("carbon_price: 50000\n", ""), encoding="utf-8")
    code, out, _ = run(capsys, str(case))
    assert code == 0
    assert "impuesto nacional al carbono" in out


def test_custom_rates_and_break_even_range(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(EXAMPLE), "--json", "--rates", "0:0.1:0.05", "--escalations", "0:0.02:0.01",
                       "--break-even-range", "0:0.2")
    sens = json.loads(out)["sensitivity"]
    assert code == 0
    assert [p["rate"] for p in sens["rates"]] == [0, 0.05, 0.1]
    assert [p["delta"] for p in sens["escalation"]] == [0, 0.01, 0.02]
    assert sens["break_even"] == []
    assert "no hay tasa de equilibrio" in sens["break_even_note"]


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [("--rates", "0:0.1", "DESDE:HASTA:PASO"), ("--rates", "a:b:c", "no es un número"),
     ("--rates", "0:1:0", "paso"), ("--break-even-range", "0.5:0.1", "rango"),
     ("--carbon-price", "mucho", "se esperaba un número"), ("--carbon-price", "-5", "negativo")],
)
def test_bad_options_exit_2(capsys: pytest.CaptureFixture[str], option: str, value: str, words: str) -> None:
    code, out, err = run(capsys, str(EXAMPLE), "--json", option, value)
    assert code == 2
    assert out == ""
    assert words in err


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("horizon_years: 5", "horizon_years: -5", "horizonte"),
        ("discount_rate: 0.06", "discount_rate: -1.2", "-100 %"),
        ("currency: COP", "moneda: COP", "campo desconocido «moneda»"),
        ("amount: 7200000,", "amount: siete millones,", "alternativa «Mineral 15W-40, cambio cada 250 h»"),
        ("- {year: 3,", "- {year: 9,", "alternativa «Sintético con filtración de desvío (bypass) y análisis de aceite»"),
    ],
)
def test_invalid_case_exit_2_with_spanish_message(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                  old: str, new: str, words: str) -> None:
    case = tmp_path / "malo.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    case.write_text(text.replace(old, new, 1), encoding="utf-8")
    chart = tmp_path / "g.png"
    code, out, err = run(capsys, str(case), "--json", "--chart", str(chart))
    assert code == 2
    assert out == ""
    assert words in err
    assert "malo.yaml" in err
    assert "Traceback" not in err
    assert not chart.exists()


def test_missing_case_and_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys)
    assert code == 2 and "falta el archivo del caso" in err
    code, _, err = run(capsys, str(tmp_path / "no.yaml"))
    assert code == 2 and "no existe" in err


def test_template_listing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--template")
    assert code == 0 and "vehiculos" in out and "aire-acondicionado" in out
    code, out, _ = run(capsys, "--list-templates", "--json")
    names = [t["name"] for t in json.loads(out)["templates"]]
    assert code == 0 and "iluminacion" in names


def test_template_to_stdout_and_unknown_template(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--template", "iluminacion")
    assert code == 0 and out.startswith("# Plantilla:")
    code, out, err = run(capsys, "--template", "nevera")
    assert code == 2 and out == "" and "Plantillas disponibles" in err


def test_template_out_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "caso.yaml"
    assert run(capsys, "--template", "vehiculos", "--out", str(target))[0] == 0
    code, _, err = run(capsys, "--template", "vehiculos", "--out", str(target))
    assert code == 2 and "ya existe" in err
    assert run(capsys, "--template", "vehiculos", "--out", str(target), "--force")[0] == 0


def test_as_a_separate_process(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "cps", "lcc", str(EXAMPLE), "--json"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0
    assert json.loads(done.stdout)["alternatives"][1]["npv"] == 32097742
    bad = tmp_path / "malo.yaml"
    bad.write_text("horizon_years: 5\ndiscount_rate: 0.06\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "cps", "lcc", str(bad)], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "alternatives" in done.stderr and done.stdout == ""
