"""Templates: every one is documented, cites sources and computes with ``cps lcc`` as shipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from cps.cli import main
from cps.errors import InputError
from cps.lcc import compute, parse_case, sensitivity, templates

NAMES = templates.names()


def test_the_purchases_where_life_cycle_cost_decides_are_covered() -> None:
    assert {"lubricantes-flota", "vehiculos", "iluminacion", "alumbrado-publico", "computadores", "impresoras",
            "aire-acondicionado"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_template_is_documented_with_sources(name: str) -> None:
    text = templates.text(name)
    assert text.startswith("# Plantilla:")
    assert "fuentes" in text.lower()
    assert "ILUSTRATIV" in text  # says which defaults are only illustrative
    assert "DIAN 000003 de 2026" in text  # the default carbon price and its norm
    assert "DNP" in text  # source of the default discount rate
    assert "docs/lcc-format.md" in text


@pytest.mark.parametrize("name", NAMES)
def test_template_computes(name: str) -> None:
    case = parse_case(templates.text(name), file=f"{name}.yaml")
    result = compute(case)
    assert len(result.alternatives) >= 2
    assert all(a.npv > 0 for a in result.alternatives)
    assert case.carbon_price is None  # uses the carbon tax by default
    sensitivity(case)


@pytest.mark.parametrize("name", NAMES)
def test_template_written_by_the_cli_runs_with_the_cli(name: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"{name}.yaml"
    assert main(["lcc", "--template", name, "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == templates.text(name)
    capsys.readouterr()
    assert main(["lcc", str(out), "--json"]) == 0


def test_list_has_a_summary_per_template() -> None:
    infos = templates.available()
    assert [i.name for i in infos] == NAMES
    assert all(i.summary and i.title for i in infos)


def test_unknown_template_lists_the_valid_ones() -> None:
    with pytest.raises(InputError, match="vehiculos"):
        templates.text("nevera")


def test_unique_prefix_is_accepted() -> None:
    assert templates.text("aire") == templates.text("aire-acondicionado")


def test_write_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "caso.yaml"
    target.write_text("lleno por el usuario", encoding="utf-8")
    with pytest.raises(InputError, match="ya existe"):
        templates.write("vehiculos", target)
    assert target.read_text(encoding="utf-8") == "lleno por el usuario"
    templates.write("vehiculos", target, force=True)
    assert "vehículos" in target.read_text(encoding="utf-8")
