"""The computation of CONTRACTS.md on the shared example and on small extracts built for each rule."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cps.indicators import compute, load_plan
from cps.indicators.compute import share
from cps.indicators.result import Result

from .builders import (
    EXAMPLE,
    OTHER,
    contract,
    process,
    read_jsonl,
    write_jsonl,
    write_plan,
    write_portal_csv,
)


def run(tmp_path: Path, processes: list[dict[str, Any]], contracts: list[dict[str, Any]],
        register: str | None = None, plan: str | None = None) -> Result:
    plan_path = write_plan(tmp_path / "plan.yaml") if plan is None else write_plan(tmp_path / "plan.yaml", plan)
    register_path = None
    if register is not None:
        register_path = tmp_path / "registro.csv"
        register_path.write_text(register, encoding="utf-8")
    return compute(
        load_plan(plan_path),
        write_jsonl(tmp_path / "procesos.jsonl", processes),
        write_jsonl(tmp_path / "contratos.jsonl", contracts),
        register_path,
    )


def year(result: Result, y: int) -> dict[str, Any]:
    found = result.year(y)
    assert found is not None
    return found.model_dump()


def test_example_gives_exactly_expected_json() -> None:
    result = compute(load_plan(EXAMPLE / "plan.yaml"), EXAMPLE / "procesos.jsonl", EXAMPLE / "contratos.jsonl")
    data = json.loads(json.dumps(result.to_json()))
    expected = json.loads((EXAMPLE / "expected.json").read_text(encoding="utf-8"))
    assert data["entity_nit"] == expected["entity_nit"]
    assert data["years"] == expected["years"]  # the year objects carry exactly the contract's keys
    assert data["skipped_values"] == ["CO1.REQ.7010010", "CO1.REQ.7010022", "CO1.REQ.7010030", "CO1.REQ.7010032"]


def test_example_extras_are_consistent() -> None:
    result = compute(load_plan(EXAMPLE / "plan.yaml"), EXAMPLE / "procesos.jsonl", EXAMPLE / "contratos.jsonl")
    assert [p.status for p in result.progress] == ["cumplida", "cumplida"]
    reasons = {r.code: r.count for r in result.data_quality.procesos.reasons}
    assert reasons["duplicada"] == 1 and reasons["cancelado"] == 3 and reasons["sin_valor"] == 4
    assert reasons["otra_entidad"] == 7
    # the per-modality rows add up to the year's totals
    for y in result.years:
        rows = [r for r in result.by_modality if r.year == y.year]
        assert sum(r.processes_total for r in rows) == y.processes_total
        assert sum(r.processes_with_criteria for r in rows) == y.processes_with_criteria
        assert sum(r.value_total for r in rows) == y.value_total
    # «MÍNIMA CUANTÍA» and «Mínima cuantía» are one modality
    assert [r.label for r in result.by_modality if r.year == 2026].count("Mínima cuantía") == 1
    # every priority process without criteria is in a priority class and has no criteria
    assert {p.priority_class for p in result.priority_without_criteria} <= set(result.priority_classes)
    assert len([p for p in result.priority_without_criteria if p.year == 2026]) == (4 - 2) + (6 - 2) + (2 - 0)


def test_share_rounds_half_up_to_four_decimals() -> None:
    assert share(4, 15) == Decimal("0.2667")
    assert share(1, 8) == Decimal("0.1250")
    assert share(Decimal("0.00005"), 1) == Decimal("0.0001")  # half up, not half even
    assert share(3, 0) is None


def test_each_process_id_counts_once(tmp_path: Path) -> None:
    processes = [process(1), process(1), process(2), process(2, precio_base="20000000")]
    result = run(tmp_path, processes, [contract(1, 1, "Si")])
    y = year(result, 2026)
    assert y["processes_total"] == 2
    assert y["processes_with_criteria"] == 1
    assert y["value_total"] == 30_000_000  # the later row of CO1.REQ.2 (last in the file) wins
    dup = next(r for r in result.data_quality.procesos.reasons if r.code == "duplicada")
    assert dup.count == 2 and dup.examples == ["CO1.REQ.1", "CO1.REQ.2"]


def test_duplicate_with_a_later_publication_wins(tmp_path: Path) -> None:
    newer = process(1, estado_del_procedimiento="Cancelado", fecha_de_ultima_publicaci="2026-06-01T00:00:00.000")
    older = process(1, fecha_de_ultima_publicaci="2026-03-01T00:00:00.000")
    result = run(tmp_path, [newer, older, process(2)], [])
    assert year(result, 2026)["processes_total"] == 1  # the latest state of CO1.REQ.1 is cancelled


def test_cancelled_processes_are_left_out(tmp_path: Path) -> None:
    processes = [process(1, estado_del_procedimiento="Cancelado"), process(2, estado_del_procedimiento=" CANCELADO "),
                 process(3, estado_del_procedimiento="Desierto"), process(4)]
    result = run(tmp_path, processes, [contract(1, 1, "Si"), contract(3, 3, "Si")])
    y = year(result, 2026)
    assert y["processes_total"] == 2  # «Desierto» is not a cancellation
    assert y["processes_with_criteria"] == 1
    assert y["value_total"] == 20_000_000
    cancelled = next(r for r in result.data_quality.procesos.reasons if r.code == "cancelado")
    assert cancelled.count == 2


@pytest.mark.parametrize("value", ["Si", "SI", "si", "sí", "Sí", "SÍ", " Si "])
def test_yes_in_any_case_or_accent(tmp_path: Path, value: str) -> None:
    result = run(tmp_path, [process(1), process(2)], [contract(1, 1, value), contract(2, 2, "No", value)])
    assert year(result, 2026)["processes_with_criteria"] == 2


@pytest.mark.parametrize("value", ["No", "No aplica", "No Definido", "", "Sin", "Sí, parcial"])
def test_anything_else_is_not_yes(tmp_path: Path, value: str) -> None:
    result = run(tmp_path, [process(1)], [contract(1, 1, value, value)])
    assert year(result, 2026)["processes_with_criteria"] == 0


def test_one_contract_with_criteria_is_enough(tmp_path: Path) -> None:
    contracts = [contract(1, 1, "No"), contract(2, 1, "No", "Si"), contract(3, 1, "No")]
    result = run(tmp_path, [process(1)], contracts)
    assert year(result, 2026)["processes_with_criteria"] == 1


def test_sentinels_and_missing_keys(tmp_path: Path) -> None:
    processes = [
        process(1, precio_base="No Definido"),
        process(2, precio_base=None),  # key absent: Socrata omits nulls
        process(3, precio_base="N/D"),
        process(4, precio_base="ND"),
        process(5, precio_base="-5000"),
        process(6, precio_base="0"),
        process(7, id_del_portafolio="No Definido", codigo_principal_de_categoria="No definido"),
        process(8, modalidad_de_contratacion=None, urlproceso=None, referencia_del_proceso=None),
    ]
    result = run(tmp_path, processes, [contract(1, 1, "Si")])
    y = year(result, 2026)
    assert y["processes_total"] == 8
    assert y["value_total"] == 20_000_000  # 0 is a usable value (adds nothing); the others are not
    assert result.skipped_values == ["CO1.REQ.1", "CO1.REQ.2", "CO1.REQ.3", "CO1.REQ.4", "CO1.REQ.5"]
    reasons = {r.code: r for r in result.data_quality.procesos.reasons}
    assert reasons["sin_valor"].count == 5
    assert "CO1.REQ.1 (No Definido)" in reasons["sin_valor"].examples
    assert reasons["sin_portafolio"].count == 1 and reasons["sin_categoria"].count == 1
    assert any(r.key == "no_definida" and r.processes_total == 1 for r in result.by_modality)


def test_process_without_value_still_counts_with_its_criteria(tmp_path: Path) -> None:
    result = run(tmp_path, [process(1, precio_base="No Definido"), process(2)], [contract(1, 1, "Si")])
    y = year(result, 2026)
    assert (y["processes_total"], y["processes_with_criteria"]) == (2, 1)
    assert (y["value_total"], y["value_with_criteria"]) == (10_000_000, 0)
    assert y["share_processes"] == 0.5 and y["share_value"] == 0.0


def test_portal_amount_formats(tmp_path: Path) -> None:
    processes = [process(1, precio_base="$1,234,567"), process(2, precio_base="1.000.000"),
                 process(3, precio_base="2500000.50"), process(4, precio_base=" 300 ")]
    result = run(tmp_path, processes, [])
    assert year(result, 2026)["value_total"] == 1_234_567 + 1_000_000 + 2_500_001 + 300


def test_years_come_from_publication_date(tmp_path: Path) -> None:
    processes = [
        process(1, fecha_de_publicacion_del="2025-12-31T23:59:59.000"),
        process(2, fecha_de_publicacion_del="01/02/2026"),
        process(3, fecha_de_publicacion_del="12/15/2024 12:00:00 AM"),
        process(4, fecha_de_publicacion_del=None),
        process(5, fecha_de_publicacion_del="sin fecha"),
    ]
    result = run(tmp_path, processes, [])
    assert [y.year for y in result.years] == [2024, 2025, 2026]  # data years and plan years
    assert [y.processes_total for y in result.years] == [1, 1, 1]
    assert result.years[0].target_share_processes is None  # 2024 has no target
    no_date = next(r for r in result.data_quality.procesos.reasons if r.code == "sin_fecha")
    assert no_date.count == 2


def test_plan_years_without_processes(tmp_path: Path) -> None:
    result = run(tmp_path, [process(1)], [])
    y2025 = year(result, 2025)
    assert y2025["processes_total"] == 0 and y2025["share_processes"] is None
    assert y2025["by_priority_class"] == {"151215": {"total": 0, "with_criteria": 0},
                                          "401615": {"total": 0, "with_criteria": 0},
                                          "471318": {"total": 0, "with_criteria": 0}}
    assert next(p for p in result.progress if p.year == 2025).status == "sin_procesos"


def test_only_the_entitys_processes(tmp_path: Path) -> None:
    processes = [process(1), process(2, nit_entidad=OTHER), process(3, nit_entidad="899.999.331-2"),
                 process(4, nit_entidad=None)]
    result = run(tmp_path, processes, [contract(2, 2, "Si")])
    assert year(result, 2026)["processes_total"] == 2
    reasons = {r.code: r.count for r in result.data_quality.procesos.reasons}
    assert reasons["otra_entidad"] == 1 and reasons["sin_nit"] == 1


def test_plan_nit_with_check_digit(tmp_path: Path) -> None:
    plan = 'entity_nit: "899.999.331-2"\nentity: Gachetá\ntargets:\n  2026: {share_processes: 0.1, share_value: 0.1}\n'
    result = run(tmp_path, [process(1)], [], plan=plan)
    assert result.entity_nit == "899999331"
    assert year(result, 2026)["processes_total"] == 1


def test_contracts_join_by_portfolio_not_process_id(tmp_path: Path) -> None:
    processes = [process(1, id_del_portafolio="CO1.BDOS.77")]
    contracts = [contract(1, 1, "Si"), {**contract(2, 77, "Si"), "proceso_de_compra": " co1.bdos.77 "}]
    result = run(tmp_path, processes, contracts)
    assert year(result, 2026)["processes_with_criteria"] == 1


def test_contracts_of_the_entity_without_process_are_reported(tmp_path: Path) -> None:
    result = run(tmp_path, [process(1)], [contract(1, 1), contract(2, 999, "Si"), contract(3, 5, "x", "y",
                                                                                          nit_entidad=OTHER)])
    reasons = {r.code: r for r in result.data_quality.contratos.reasons}
    assert reasons["proceso_no_encontrado"].count == 1
    assert reasons["proceso_no_encontrado"].examples == ["CO1.BDOS.999"]


def test_unrecognised_flag_values_are_counted(tmp_path: Path) -> None:
    result = run(tmp_path, [process(1)], [contract(1, 1, "X", "No"), contract(2, 1, "Si", "quizás")])
    reasons = {r.code: r for r in result.data_quality.contratos.reasons}
    assert reasons["valor_no_reconocido"].count == 2
    assert reasons["valor_no_reconocido"].examples == ["quizas", "x"]
    assert year(result, 2026)["processes_with_criteria"] == 1


def test_register_is_merged_and_reported_separately(tmp_path: Path) -> None:
    processes = [process(1), process(2), process(3), process(4, estado_del_procedimiento="Cancelado"),
                 process(5, nit_entidad=OTHER)]
    register = "ID del Proceso,Nota\nCO1.REQ.2,ficha de aseo\nco1.req.1,ya en SECOP\nCO1.BDOS.3,por portafolio\n" \
               "CO1.REQ.4,cancelado\nCO1.REQ.5,otra entidad\nCO1.REQ.2,repetido\n\n"
    result = run(tmp_path, processes, [contract(1, 1, "Si")], register=register)
    y = year(result, 2026)
    assert y["processes_with_criteria"] == 3
    src = result.criteria_sources[0]
    assert (src.from_secop, src.only_from_register, src.from_both) == (1, 2, 1)
    reg = result.entity_register
    assert reg is not None
    assert (reg.entries, reg.distinct, reg.matched, reg.only_from_register) == (6, 5, 3, 2)
    assert reg.only_from_register_ids == ["CO1.REQ.2", "CO1.REQ.3"]
    assert reg.excluded == ["CO1.REQ.4"]
    assert reg.not_found == ["CO1.REQ.5"]


def test_register_without_title_row(tmp_path: Path) -> None:
    result = run(tmp_path, [process(1), process(2)], [], register="CO1.REQ.2\nCO1.REQ.1\n")
    assert year(result, 2026)["processes_with_criteria"] == 2


def test_priority_classes_and_where_to_focus(tmp_path: Path) -> None:
    processes = [
        process(1, codigo_principal_de_categoria="V1.15121504", precio_base="5000000"),
        process(2, codigo_principal_de_categoria="V1.15121500", precio_base="9000000"),
        process(3, codigo_principal_de_categoria="V1.47131801"),
        process(4, codigo_principal_de_categoria="V1.80111500"),
        process(5, codigo_principal_de_categoria="V1.15121504", fecha_de_publicacion_del="2025-05-05T00:00:00.000"),
    ]
    result = run(tmp_path, processes, [contract(1, 1, "Si")])
    assert year(result, 2026)["by_priority_class"] == {
        "151215": {"total": 2, "with_criteria": 1},
        "401615": {"total": 0, "with_criteria": 0},
        "471318": {"total": 1, "with_criteria": 0},
    }
    focus = [(p.year, p.id_del_proceso) for p in result.priority_without_criteria]
    assert focus == [(2026, "CO1.REQ.3"), (2026, "CO1.REQ.2"), (2025, "CO1.REQ.5")]  # newest year, highest value


def test_progress_against_targets(tmp_path: Path) -> None:
    plan = ("entity_nit: \"899999331\"\nentity: Gachetá\ntargets:\n  2026: {share_processes: 0.30, "
            "share_value: 0.10}\npriority_classes: []\n")
    processes = [process(i, precio_base=str(10_000_000 * i)) for i in range(1, 11)]
    result = run(tmp_path, processes, [contract(1, 10, "Si"), contract(2, 1, "Si")], plan=plan)
    p = result.progress[0]
    assert (p.share_processes, p.met_processes, p.processes_needed) == (0.2, False, 1)
    assert p.gap_processes == 0.1
    # value: 110 M of 550 M = 0.2 ≥ 0.10
    assert (p.share_value, p.met_value, p.value_needed) == (0.2, True, 0)
    assert p.status == "parcial"


def test_csv_and_json_lines_give_the_same_result(tmp_path: Path) -> None:
    plan = load_plan(EXAMPLE / "plan.yaml")
    from_json = compute(plan, EXAMPLE / "procesos.jsonl", EXAMPLE / "contratos.jsonl")
    procesos_csv = write_portal_csv(tmp_path / "procesos.csv", "procesos", read_jsonl(EXAMPLE / "procesos.jsonl"))
    contratos_csv = write_portal_csv(tmp_path / "contratos.csv", "contratos", read_jsonl(EXAMPLE / "contratos.jsonl"),
                                     delimiter=";")
    from_csv = compute(plan, procesos_csv, contratos_csv)
    assert from_csv.to_json()["years"] == from_json.to_json()["years"]
    assert from_csv.skipped_values == from_json.skipped_values
    assert from_csv.priority_without_criteria == from_json.priority_without_criteria
    assert from_csv.by_modality == from_json.by_modality
    assert from_csv.data_quality.procesos.format == "CSV (portal)"


def test_json_array_as_the_api_returns_it(tmp_path: Path) -> None:
    plan = load_plan(EXAMPLE / "plan.yaml")
    array = tmp_path / "procesos.json"
    array.write_text(json.dumps(read_jsonl(EXAMPLE / "procesos.jsonl"), ensure_ascii=False, indent=1),
                     encoding="utf-8")
    result = compute(plan, array, EXAMPLE / "contratos.jsonl")
    expected = json.loads((EXAMPLE / "expected.json").read_text(encoding="utf-8"))
    assert result.to_json()["years"] == expected["years"]


def test_empty_extracts_give_empty_years(tmp_path: Path) -> None:
    result = run(tmp_path, [], [])
    assert [y.year for y in result.years] == [2025, 2026]
    assert all(y.processes_total == 0 for y in result.years)
    assert result.skipped_values == []


def test_no_row_of_the_entity_is_warned(tmp_path: Path) -> None:
    result = run(tmp_path, [process(1, nit_entidad=OTHER)], [])
    warnings = result.data_quality.procesos.warnings
    assert any("ninguna fila es de la entidad" in w and OTHER in w for w in warnings)
