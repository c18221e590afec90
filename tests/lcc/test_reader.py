"""Reading cases: Spanish messages that name the file, line, field and alternative."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cps.errors import InputError
from cps.lcc import load_case, parse_case
from cps.lcc.model import Case

from .cases import EXAMPLE

BASE = """\
name: Prueba
horizon_years: 5
discount_rate: 0.06
carbon_price: 0
alternatives:
  - name: Actual
    acquisition: 1000
    annual:
      - {concept: energía, amount: 100, escalation: 0.02}
  - name: Eficiente
    acquisition: 2000
    one_off:
      - {year: 3, concept: repuesto, amount: 50}
"""


def error_of(text: str, tmp_path: Path) -> InputError:
    path = tmp_path / "caso.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_case(path)
    return info.value


def test_reads_the_example() -> None:
    case = load_case(EXAMPLE)
    assert case.horizon_years == 5
    assert case.discount_rate == Decimal("0.06")
    assert case.carbon_price == Decimal(50000)
    assert [len(a.annual) for a in case.alternatives] == [3, 3, 4]
    assert case.alternatives[2].one_off[0].year == 3
    assert case.alternatives[1].annual[1].escalation == 0


def test_reads_a_mapping_like_the_web_app() -> None:
    case = load_case({"horizon_years": 1, "discount_rate": "0.1", "alternatives": [{"name": "A"}]})
    assert isinstance(case, Case)
    assert case.carbon_price is None
    assert case.alternatives[0].acquisition == 0


def test_floats_become_exact_decimals(tmp_path: Path) -> None:
    case = parse_case(BASE)
    assert case.alternatives[0].annual[0].escalation == Decimal("0.02")


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ("horizon_years: 5", "horizon_years: -3", "horizon_years", "al menos 1 año"),
        ("horizon_years: 5", "horizon_years: 0", "horizon_years", "al menos 1 año"),
        ("horizon_years: 5", "horizon_years: 2.5", "horizon_years", "entero"),
        ("horizon_years: 5", "horizon_years: cinco", "horizon_years", "«cinco»"),
        ("discount_rate: 0.06", "discount_rate: -1", "discount_rate", "-100 %"),
        ("discount_rate: 0.06", "discount_rate: -1.5", "discount_rate", "-100 %"),
        ("discount_rate: 0.06", "discount_rate: seis", "discount_rate", "debe ser un número"),
        ("carbon_price: 0", "carbon_price: -5", "carbon_price", "negativo"),
        ("carbon_price: 0", "carbon_price: true", "carbon_price", "«true»"),
        ("name: Prueba", "nombre: Prueba", "nombre", "campo desconocido"),
    ],
)
def test_case_level_errors(tmp_path: Path, old: str, new: str, field: str, words: str) -> None:
    error = error_of(BASE.replace(old, new, 1), tmp_path)
    assert error.field == field
    assert words in str(error)
    assert "caso.yaml" in str(error)
    assert error.line is not None


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ("amount: 100,", "amount: siete millones,", "alternatives[1].annual[1].amount", "«siete millones»"),
        ("acquisition: 1000", "acquisition: -1000", "alternatives[1].acquisition", "negativo"),
        ("escalation: 0.02", "escalation: -1", "alternatives[1].annual[1].escalation", "-100 %"),
        ("escalation: 0.02", "escalaton: 0.02", "alternatives[1].annual[1].escalaton", "¿Quiso decir «escalation»?"),
        ("    acquisition: 1000", "    precio: 1000", "alternatives[1].precio", "campo desconocido"),
    ],
)
def test_errors_name_the_first_alternative(tmp_path: Path, old: str, new: str, field: str, words: str) -> None:
    error = error_of(BASE.replace(old, new, 1), tmp_path)
    assert error.field == field
    assert "alternativa «Actual»" in str(error)
    assert words in str(error)


def test_one_off_year_outside_horizon(tmp_path: Path) -> None:
    error = error_of(BASE.replace("year: 3", "year: 6"), tmp_path)
    assert error.field == "alternatives[2].one_off[1].year"
    assert "alternativa «Eficiente»" in str(error)
    assert "fuera del horizonte de 5 años" in str(error)
    assert error.line == 13


def test_negative_one_off_year(tmp_path: Path) -> None:
    error = error_of(BASE.replace("year: 3", "year: -1"), tmp_path)
    assert "fuera del horizonte" in str(error)


def test_amount_with_thousands_dots_gets_a_hint(tmp_path: Path) -> None:
    error = error_of(BASE.replace("acquisition: 2000", 'acquisition: "$7.200.000"'), tmp_path)
    assert "Escríbalo sin puntos de miles ni signo $: 7200000" in str(error)
    assert "alternativa «Eficiente»" in str(error)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (BASE.split("alternatives:")[0], "falta el campo obligatorio «alternatives»"),
        (BASE.split("alternatives:")[0] + "alternatives: []\n", "al menos una alternativa"),
        (BASE.split("alternatives:")[0] + "alternatives:\n", "al menos una alternativa"),
        (BASE.replace("horizon_years: 5\n", ""), "falta el campo obligatorio «horizon_years»"),
        (BASE.replace("  - name: Eficiente", "  - name: actual"), "nombre ya lo usa la alternativa n.º 1"),
        (BASE + "  - solo un texto\n", "cada alternativa debe ser un mapa"),
        (BASE.replace("    acquisition: 2000", "    acquisition: 2000\n    acquisition: 3"), "repetido"),
        (BASE.replace("currency: COP\n", "") + "currency: USD\n", "solo se admiten pesos colombianos"),
        (BASE.replace("    annual:\n      - {concept: energía, amount: 100, escalation: 0.02}",
                      "    annual: 100"), "debe ser una lista"),
        ("", "el archivo está vacío"),
        ("- a\n- b\n", "mapa de campos"),
        ("name: [sin cerrar\n", "no es YAML válido"),
    ],
)
def test_structural_errors(tmp_path: Path, text: str, words: str) -> None:
    assert words in str(error_of(text, tmp_path))


def test_missing_name_is_named_by_position(tmp_path: Path) -> None:
    error = error_of(BASE.replace("  - name: Eficiente\n", "  - residual_value: 0\n"), tmp_path)
    assert "alternativa n.º 2" in str(error)
    assert error.field == "alternatives[2].name"


def test_yaml_error_has_a_line(tmp_path: Path) -> None:
    error = error_of("name: x\nhorizon_years: [1\ndiscount_rate: 0.1\n", tmp_path)
    assert error.line is not None


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no existe"):
        load_case(tmp_path / "nada.yaml")
    with pytest.raises(InputError, match="carpeta"):
        load_case(tmp_path)


def test_numbers_as_plain_text_are_accepted() -> None:
    case = parse_case(BASE.replace("acquisition: 1000", 'acquisition: "1000.5"').replace("discount_rate: 0.06",
                                                                                         "discount_rate: 1e-1"))
    assert case.alternatives[0].acquisition == Decimal("1000.5")
    assert case.discount_rate == Decimal("0.1")


def test_windows_encoded_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "caso.yaml"
    path.write_bytes(BASE.encode("cp1252"))
    assert load_case(path).alternatives[0].annual[0].concept == "energía"


def test_model_rejects_bad_values_built_in_code() -> None:
    case = load_case(EXAMPLE)
    with pytest.raises(ValueError, match="horizonte"):
        Case.model_validate({**case.model_dump(), "horizon_years": 2})  # one-off in year 3


def test_thousands_written_with_dots_are_refused_with_the_reading_yaml_gave_them(tmp_path):
    from cps.lcc.reader import parse_case

    text = """horizon_years: 5
discount_rate: 0.060
alternatives:
  - name: A
    acquisition: 1.500
  - name: B
    acquisition: '1.500'
"""
    with pytest.raises(InputError) as error:
        parse_case(text, file="caso.yaml")
    message = str(error.value.message)
    assert "1.500" in message and "1,5" in message and "1500" in message
    assert error.value.field == "alternatives[1].acquisition" and error.value.line == 5
    # a quoted «1.500» or a rate «0.060» are read as written
    ok = parse_case(text.replace("acquisition: 1.500", "acquisition: 1500"), file="caso.yaml")
    assert ok.discount_rate == Decimal("0.060")
