"""The plan YAML: what is accepted and the Spanish message for each mistake."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cps.errors import InputError
from cps.indicators.plan import load_plan, plan_from_dict

from .builders import EXAMPLE


def base(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "entity_nit": "899999331",
        "entity": "Alcaldía de Gachetá",
        "targets": {2025: {"share_processes": 0.05, "share_value": 0.03},
                    2026: {"share_processes": 0.10, "share_value": 0.08}},
        "priority_classes": ["151215", "401615"],
    }
    data.update(changes)
    return data


def error(data: object) -> InputError:
    with pytest.raises(InputError) as caught:
        plan_from_dict(data, source="plan.yaml")
    return caught.value


def test_the_example_plan() -> None:
    plan = load_plan(EXAMPLE / "plan.yaml")
    assert plan.entity_nit == "899999331"
    assert plan.entity == "Alcaldía Municipal de Gachetá"
    assert plan.targets[2026].share_processes == Decimal("0.10")
    assert plan.targets[2025].share_value == Decimal("0.03")
    assert plan.priority_classes == ("151215", "401615", "471318")
    assert plan.warnings == ()


def test_yaml_numbers_and_nit_with_check_digit_are_accepted() -> None:
    plan = plan_from_dict(base(entity_nit="899.999.331-2", priority_classes=[151215, "V1.401615", 151215],
                               targets={"2026": {"share_processes": 1, "share_value": "0.5"}}))
    assert plan.entity_nit == "899999331" and plan.entity_nit_input == "899.999.331-2"
    assert plan.priority_classes == ("151215", "401615")
    assert plan.targets[2026].share_processes == 1


def test_wrong_check_digit() -> None:
    e = error(base(entity_nit="899999331-5"))
    assert e.field == "entity_nit" and "dígito de verificación" in e.message and "es 2" in e.message


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"entity_nit": "abc"}, "entity_nit", "NIT no válido"),
        ({"entity_nit": None}, "entity_nit", "falta"),
        ({"entity": ""}, "entity", "falta"),
        ({"targets": None}, "targets", "falta"),
        ({"targets": [0.1]}, "targets", "mapa año"),
        ({"targets": {"dosmil": {"share_processes": 0.1, "share_value": 0.1}}}, "targets", "no es un año"),
        ({"targets": {2026: {"share_processes": 0.1}}}, "targets.2026.share_value", "falta"),
        ({"targets": {2026: {"share_processes": 10, "share_value": 0.1}}}, "targets.2026.share_processes", "0.10"),
        ({"targets": {2026: {"share_processes": "10 %", "share_value": 0.1}}}, "targets.2026.share_processes", "sin «%»"),
        ({"targets": {2026: {"share_processes": -0.1, "share_value": 0.1}}}, "targets.2026.share_processes", "negativa"),
        ({"targets": {2026: {"share_processes": True, "share_value": 0.1}}}, "targets.2026.share_processes", "número"),
        ({"targets": {2026: {"procesos": 0.1, "share_value": 0.1}}}, "targets.2026.procesos", "clave desconocida"),
        ({"priority_classes": "151215"}, "priority_classes", "lista"),
        ({"priority_classes": ["1512"]}, "priority_classes[0]", "6 dígitos"),
        ({"priority_classes": ["15121500"]}, "priority_classes[0]", "151215"),
        ({"priority_classes": ["151200"]}, "priority_classes[0]", "familia"),
        ({"priority_classes": ["001215"]}, "priority_classes[0]", "segmento"),
        ({"metas": {}}, "metas", "clave desconocida"),
    ],
)
def test_mistakes_name_the_field(changes: dict[str, object], field: str, words: str) -> None:
    e = error(base(**changes))
    assert e.field == field
    assert words in e.message
    assert e.file == "plan.yaml"


def test_not_a_mapping() -> None:
    assert "mapa" in error(["entity_nit"]).message


def test_targets_should_be_progressive() -> None:
    plan = plan_from_dict(base(targets={2025: {"share_processes": 0.2, "share_value": 0.1},
                                        2026: {"share_processes": 0.1, "share_value": 0.1}}))
    assert len(plan.warnings) == 1 and "progresivas" in plan.warnings[0]


def test_files(tmp_path: Path) -> None:
    with pytest.raises(InputError) as missing:
        load_plan(tmp_path / "no.yaml")
    assert "no existe" in str(missing.value)
    broken = tmp_path / "plan.yaml"
    broken.write_text("entity_nit: \"1\"\ntargets: [\n  2026: x\n", encoding="utf-8")
    with pytest.raises(InputError) as bad:
        load_plan(broken)
    assert bad.value.line is not None and "YAML" in bad.value.message
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("entity: Gachet\u00e1\n".encode("latin-1"))
    with pytest.raises(InputError) as enc:
        load_plan(latin)
    assert "UTF-8" in enc.value.message and enc.value.line == 1
