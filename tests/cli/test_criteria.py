"""``cps criteria``: the CONTRACTS.md shape, exit codes and Spanish messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cps.catalog import ENV_VAR
from cps.cli import main

CONTRACT_KEYS = {"id", "title", "applies_to", "level", "placement", "text", "verification", "legal_basis", "sources"}
PLACEMENTS = {"technical_specification", "habilitating_requirement", "award_criterion", "contract_obligation"}


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(["criteria", *argv, "--json"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)  # exactly one JSON object on stdout
    assert isinstance(data, dict)
    return data


def test_acceptance_command(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "15121501", "15121504", "40161505", "47131801", "--modality", "minima_cuantia")
    criteria = data["criteria"]
    assert isinstance(criteria, list) and criteria
    for entry in criteria:
        assert set(entry) >= CONTRACT_KEYS
        assert entry["placement"] in PLACEMENTS
        assert entry["placement"] != "award_criterion"
        assert "award_criterion" not in entry["allowed_placements"]
        assert entry["sources"] and all(isinstance(s, str) for s in entry["sources"])
        assert entry["level"] in {"basico", "avanzado"}
    by_code = {row["code"]: [c["id"] for c in row["criteria"]] for row in data["by_code"]}  # type: ignore[union-attr]
    assert list(by_code) == ["15121501", "15121504", "40161505", "47131801"]
    assert all(by_code.values())
    assert "LUB-01" in by_code["15121501"] and "HID-01" in by_code["15121504"]
    assert "FIL-01" in by_code["40161505"] and "LIM-01" in by_code["47131801"]
    ids = [c["id"] for c in criteria]
    assert len(ids) == len(set(ids))  # each criterion once, with the codes that reached it
    lub = next(c for c in criteria if c["id"] == "LUB-01")
    assert lub["matched_codes"] == ["15121501", "15121504"]
    assert "residuo" in lub["text"] or "gestor" in lub["text"]
    assert data["without_criteria"] == []


def test_without_modality_award_criteria_appear(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "15121504")
    hid2 = next(c for c in data["criteria"] if c["id"] == "HID-02")  # type: ignore[union-attr]
    assert hid2["placement"] == "award_criterion"


def test_level_basico(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "15121504", "--level", "basico")
    assert {c["level"] for c in data["criteria"]} == {"basico"}  # type: ignore[union-attr]
    advanced = run_json(capsys, "15121504", "--level", "avanzado")
    assert {c["level"] for c in advanced["criteria"]} == {"basico", "avanzado"}  # type: ignore[union-attr]


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--list")
    categories = data["categories"]
    assert isinstance(categories, list) and len(categories) >= 20
    for cat in categories:
        assert {"id", "name", "unspsc", "criteria", "sources"} <= set(cat)
        assert isinstance(cat["criteria"], int) and cat["criteria"] > 0
        assert cat["sources"]


def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["criteria", "40161505", "--modality", "minima_cuantia"]) == 0
    out = capsys.readouterr().out
    assert "Código 40161505 (producto)" in out
    assert "[FIL-01]" in out and "Ubicación: obligación contractual" in out
    assert "(por el código 40161500, clase)" in out


def test_code_without_criteria(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "11101501")
    assert data["criteria"] == [] and data["without_criteria"] == ["11101501"]


@pytest.mark.parametrize(("argv", "message"), [
    (["4000000"], "código UNSPSC mal formado: '4000000'"),
    (["40160015"], "niveles salteados"),
    ([], "indique al menos un código UNSPSC"),
    (["--list", "15121504"], "use --list sin códigos"),
])
def test_bad_input_exits_2_with_a_spanish_message(capsys: pytest.CaptureFixture[str], argv: list[str],
                                                   message: str) -> None:
    assert main(["criteria", *argv, "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err


def test_unknown_modality_is_an_argument_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["criteria", "15121504", "--modality", "menor_cuantia"])
    assert raised.value.code == 2
    assert "opción no válida" in capsys.readouterr().err


def test_entity_catalog_file_and_env_var(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "gachetá.yaml"
    extra.write_text(
        "schema: 1\nversion: '2026-1'\ncategories:\n  - id: filtros\n    criteria:\n"
        "      - id: FIL-01\n        title: Filtros usados al gestor del municipio\n"
        "        text: Los filtros usados se entregan al gestor con el que el municipio tiene convenio.\n"
        "        dimension: environmental\n        aspect: waste\n        level: basico\n"
        "        placements: [contract_obligation]\n        verification: Certificado del gestor.\n"
        "        verification_means: [delivery_records]\n        legal_basis: Decreto 4741 de 2005.\n"
        "        nature: legal_requirement\n        sources: [co-d4741-2005]\n        detect: [filtros usados]\n",
        encoding="utf-8",
    )
    data = run_json(capsys, "40161505", "--catalog", str(extra))
    assert next(c for c in data["criteria"] if c["id"] == "FIL-01")["title"] == "Filtros usados al gestor del municipio"  # type: ignore[union-attr]
    monkeypatch.setenv(ENV_VAR, str(extra))
    data = run_json(capsys, "40161505")
    assert next(c for c in data["criteria"] if c["id"] == "FIL-01")["title"] == "Filtros usados al gestor del municipio"  # type: ignore[union-attr]


def test_broken_entity_catalog_exits_2_naming_file_and_field(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    extra = tmp_path / "roto.yaml"
    extra.write_text(
        "schema: 1\nversion: '1'\ncategories:\n  - id: filtros\n    criteria:\n"
        "      - id: FIL-09\n        title: Sin verificación\n        text: Algo.\n"
        "        dimension: environmental\n        aspect: waste\n        level: basico\n"
        "        placements: [puntaje]\n        verification: x\n        verification_means: [certificate]\n"
        "        legal_basis: x\n        nature: recommendation\n        sources: [co-d4741-2005]\n"
        "        detect: [x]\n",
        encoding="utf-8",
    )
    assert main(["criteria", "40161505", "--catalog", str(extra), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"archivo «{extra}», línea 6, campo «criterio FIL-09 › placements»" in captured.err
