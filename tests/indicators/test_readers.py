"""Readers of SECOP II extracts: formats, column titles and bad files (exit 2 with file and line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cps.errors import InputError
from cps.indicators import compute, load_plan
from cps.indicators.readers import detect_format, open_source

from .builders import EXAMPLE, contract, process, write_jsonl, write_plan, write_portal_csv


def compute_error(tmp_path: Path, procesos: Path, contratos: Path | None = None) -> InputError:
    contratos = contratos or write_jsonl(tmp_path / "contratos.jsonl", [contract(1, 1)])
    with pytest.raises(InputError) as caught:
        compute(load_plan(write_plan(tmp_path / "plan.yaml")), procesos, contratos)
    return caught.value


def test_formats_are_detected(tmp_path: Path) -> None:
    assert detect_format(EXAMPLE / "procesos.jsonl") == "jsonl"
    array = tmp_path / "a.json"
    array.write_text("  [\n{}]", encoding="utf-8")
    assert detect_format(array) == "json_array"
    csv_file = write_portal_csv(tmp_path / "p.csv", "procesos", [process(1)])
    assert detect_format(csv_file) == "csv"
    empty = tmp_path / "vacio.jsonl"
    empty.write_text("", encoding="utf-8")
    assert detect_format(empty) == "jsonl"


def test_csv_titles_in_any_accent_case_or_api_name(tmp_path: Path) -> None:
    path = tmp_path / "procesos.csv"
    path.write_text(
        "NIT ENTIDAD;id_del_proceso;ID del Portafolio;Fecha de Publicación del Proceso;precio base;"
        "Modalidad de Contratación;ESTADO DEL PROCEDIMIENTO;Código Principal de Categoría;Columna Nueva\n"
        "899999331;CO1.REQ.1;CO1.BDOS.1;03/10/2026;$5,000,000;Mínima cuantía;Seleccionado;V1.15121504;x\n",
        encoding="utf-8",
    )
    source = open_source(path, "procesos")
    assert source.unknown_columns == ["Columna Nueva"]
    assert "precio_base" in source.columns_found
    result = compute(load_plan(write_plan(tmp_path / "plan.yaml")), path,
                     write_jsonl(tmp_path / "c.jsonl", [contract(1, 1, "Sí")]))
    y = result.year(2026)
    assert y is not None and (y.processes_total, y.processes_with_criteria, y.value_total) == (1, 1, 5_000_000)
    assert any("Columna Nueva" in w for w in result.data_quality.procesos.warnings)


def test_csv_missing_column_names_file_and_column(tmp_path: Path) -> None:
    path = tmp_path / "procesos.csv"
    path.write_text("Nit Entidad,ID del Proceso,ID del Portafolio,Fecha de Publicacion del Proceso,Precio Bas,"
                    "Modalidad de Contratacion,Estado del Procedimiento,Codigo Principal de Categoria\n", encoding="utf-8")
    e = compute_error(tmp_path, path)
    assert e.file == str(path) and e.field == "Precio Base" and e.line == 1
    assert "falta la columna «Precio Base»" in e.message and "¿quiso decir «Precio Bas»?" in e.message


def test_contracts_csv_needs_the_obligation_columns(tmp_path: Path) -> None:
    path = tmp_path / "contratos.csv"
    path.write_text("Nit Entidad,Proceso de Compra,ID Contrato,Obligación Ambiental\n", encoding="utf-8")
    e = compute_error(tmp_path, write_jsonl(tmp_path / "p.jsonl", [process(1)]), path)
    assert e.field == "Obligaciones Postconsumo" and e.file == str(path)


def test_csv_repeated_column(tmp_path: Path) -> None:
    path = tmp_path / "procesos.csv"
    path.write_text("Precio Base,precio_base\n", encoding="utf-8")
    e = compute_error(tmp_path, path)
    assert "repetida" in e.message and e.line == 1


def test_csv_saved_by_excel_in_latin1(tmp_path: Path) -> None:
    path = write_portal_csv(tmp_path / "procesos.csv", "procesos", [process(1)], encoding="latin-1")
    e = compute_error(tmp_path, path)
    assert e.file == str(path) and e.line == 1  # the portal titles have accents («Descripción…»)
    assert "UTF-8" in e.message and "columna" in e.message


def test_csv_with_a_latin1_row_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "procesos.csv"
    header = ("nit_entidad,id_del_proceso,id_del_portafolio,fecha_de_publicacion_del,precio_base,"
              "modalidad_de_contratacion,estado_del_procedimiento,codigo_principal_de_categoria\n")
    row = "899999331,CO1.REQ.{n},CO1.BDOS.{n},2026-01-01,100,{m},Seleccionado,V1.15121504\n"
    path.write_bytes((header + row.format(n=1, m="Minima")).encode() + row.format(n=2, m="Mínima").encode("latin-1"))
    e = compute_error(tmp_path, path)
    assert e.line == 3 and "UTF-8" in e.message and "0xED" in e.message


def test_csv_with_a_broken_row(tmp_path: Path) -> None:
    path = write_portal_csv(tmp_path / "procesos.csv", "procesos", [process(1), process(2)])
    with path.open("a", encoding="utf-8") as fh:
        fh.write("899999331,solo dos columnas\n")
    e = compute_error(tmp_path, path)
    assert e.line == 4 and "columnas" in e.message


def test_empty_csv(tmp_path: Path) -> None:
    path = tmp_path / "procesos.csv"
    path.write_text("", encoding="utf-8")
    e = compute_error(tmp_path, path)
    assert "vacío" in e.message and e.line == 1


def test_broken_json_line_names_line_and_column(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "procesos.jsonl", [process(1), process(2)])
    with path.open("a", encoding="utf-8") as fh:
        fh.write('{"nit_entidad": "899999331", "id_del_proceso": }\n')
        fh.write(json.dumps(process(4)) + "\n")
    e = compute_error(tmp_path, path)
    assert e.file == str(path) and e.line == 3
    assert "no es JSON válido" in e.message and "columna 48" in e.message


def test_json_line_that_is_not_an_object(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "procesos.jsonl", [process(1)])
    with path.open("a", encoding="utf-8") as fh:
        fh.write('["CO1.REQ.2"]\n')
    e = compute_error(tmp_path, path)
    assert e.line == 2 and "objeto" in e.message


def test_json_lines_in_latin1(tmp_path: Path) -> None:
    path = tmp_path / "procesos.jsonl"
    lines = [json.dumps(process(1)), json.dumps(process(2, entidad="ALCALDÍA"), ensure_ascii=False)]
    path.write_bytes("\n".join(lines).encode("latin-1") + b"\n")
    e = compute_error(tmp_path, path)
    assert e.line == 2 and "UTF-8" in e.message


def test_broken_json_array(tmp_path: Path) -> None:
    path = tmp_path / "procesos.json"
    path.write_text('[\n  {"nit_entidad": "899999331"},\n  {"id_del_proceso": "x" "y"}\n]', encoding="utf-8")
    e = compute_error(tmp_path, path)
    assert e.line == 3 and "no es JSON válido" in e.message


def test_json_lines_without_an_identity_key(tmp_path: Path) -> None:
    records = [process(1, fecha_de_publicacion_del=None), process(2, fecha_de_publicacion_del=None)]
    e = compute_error(tmp_path, write_jsonl(tmp_path / "procesos.jsonl", records))
    assert e.field == "fecha_de_publicacion_del" and "ninguna fila" in e.message


def test_contracts_given_as_processes(tmp_path: Path) -> None:
    e = compute_error(tmp_path, EXAMPLE / "contratos.jsonl")
    assert e.field in ("id_del_proceso", "fecha_de_publicacion_del") and "Procesos" in e.message


def test_json_with_unknown_keys_is_read_with_a_warning(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "procesos.jsonl", [{**process(1), "campo_nuevo": "x"}])
    source = open_source(path, "procesos")
    assert source.unknown_columns == ["campo_nuevo"]
    assert source.warnings and "campo_nuevo" in source.warnings[0]


def test_json_keys_may_be_portal_titles(tmp_path: Path) -> None:
    record = {"Nit Entidad": "899999331", "ID del Proceso": "CO1.REQ.1", "ID del Portafolio": "CO1.BDOS.1",
              "Fecha de Publicacion del Proceso": "2026-01-01", "Precio Base": "100"}
    result = compute(load_plan(write_plan(tmp_path / "plan.yaml")), write_jsonl(tmp_path / "p.jsonl", [record]),
                     write_jsonl(tmp_path / "c.jsonl", [contract(1, 1, "Si")]))
    y = result.year(2026)
    assert y is not None and (y.processes_total, y.processes_with_criteria, y.value_total) == (1, 1, 100)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError) as missing:
        open_source(tmp_path / "no.jsonl", "procesos")
    assert "no existe" in str(missing.value) and "p6dx-8zbt" in str(missing.value)
    with pytest.raises(InputError) as folder:
        open_source(tmp_path, "contratos")
    assert "carpeta" in str(folder.value)


def test_json_extension_with_csv_content(tmp_path: Path) -> None:
    path = tmp_path / "procesos.jsonl"
    path.write_text("Nit Entidad,ID del Proceso\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        open_source(path, "procesos")
    assert caught.value.line == 1 and "JSON" in caught.value.message
