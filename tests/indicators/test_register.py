"""The entity's own register of processes with criteria."""

from __future__ import annotations

from pathlib import Path

import pytest

from cps.errors import InputError
from cps.indicators.register import read_register


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "registro.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_title_row_with_other_columns(tmp_path: Path) -> None:
    reg = read_register(write(tmp_path, "\ufeffFecha;ID del Proceso;Criterio\n2026-01-01;CO1.REQ.1;ficha\n;;\n"
                                        "2026-02-01; co1.req.2 ;ficha\n2026-03-01;CO1.REQ.1;repetido\n"))
    assert reg.column == "ID del Proceso"
    assert reg.ids == ("CO1.REQ.1", "co1.req.2", "CO1.REQ.1")
    assert reg.distinct_keys == ["CO1.REQ.1", "CO1.REQ.2"]


def test_api_column_name_and_portfolio(tmp_path: Path) -> None:
    reg = read_register(write(tmp_path, "id_del_portafolio,nota\nCO1.BDOS.9,x\n"))
    assert reg.ids == ("CO1.BDOS.9",)


def test_only_ids(tmp_path: Path) -> None:
    reg = read_register(write(tmp_path, "\nCO1.REQ.1\nCO1.BDOS.2\n"))
    assert reg.column is None and reg.ids == ("CO1.REQ.1", "CO1.BDOS.2")


def test_empty_register(tmp_path: Path) -> None:
    assert read_register(write(tmp_path, "")).ids == ()


def test_without_an_id_column(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_register(write(tmp_path, "Proceso número,Nota\nMC-001-2026,x\n".replace("Proceso número", "Número")))
    assert "ID del Proceso" in caught.value.message and caught.value.line == 1


def test_short_row(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_register(write(tmp_path, "Nota,ID del Proceso\nx,CO1.REQ.1\nsolo nota\n"))
    assert caught.value.line == 3


def test_latin1(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_register(write(tmp_path, "ID del Proceso,Nota\nCO1.REQ.1,papelería\n", "latin-1"))
    assert caught.value.line == 2 and "UTF-8" in caught.value.message


def test_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_register(tmp_path / "no.csv")
