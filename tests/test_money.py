"""Amounts in digits and words, both ways (cps.money)."""

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cps import money


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "cero pesos"),
        (1, "un peso"),
        (16, "dieciséis pesos"),
        (21, "veintiún pesos"),
        (100, "cien pesos"),
        (101, "ciento un pesos"),
        (1000, "mil pesos"),
        (21000, "veintiún mil pesos"),
        (31000, "treinta y un mil pesos"),
        (100000, "cien mil pesos"),
        (1000000, "un millón de pesos"),
        (21000000, "veintiún millones de pesos"),
        (2000000000, "dos mil millones de pesos"),
        (1000000000000, "un billón de pesos"),
        (49016520, "cuarenta y nueve millones dieciséis mil quinientos veinte pesos"),
    ],
)
def test_to_words_currency(n, words):
    assert money.to_words(n) == words


def test_to_words_styles():
    assert money.to_words(49016520, upper=True, accents=False, mcte=True) == (
        "CUARENTA Y NUEVE MILLONES DIECISEIS MIL QUINIENTOS VEINTE PESOS M/CTE"
    )
    assert money.to_words(21, currency=False) == "veintiuno"
    assert money.to_words(Decimal("1500.50")) == "mil quinientos pesos con cincuenta centavos"
    with pytest.raises(ValueError):
        money.to_words(-1)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("CUARENTA Y NUEVE MILLONES DIECISEIS MIL QUINIENTOS VEINTE PESOS MONEDA CORRIENTE", 49016520),
        ("un millón de pesos", 1000000),
        ("veintiún mil", 21000),
        ("VEINTIUN MIL PESOS M/CTE", 21000),
        ("DIEZ Y SEIS", 16),
        ("UN MIL QUINIENTOS PESOS", 1500),
        ("doscientas", 200),
        ("dos mil quinientos millones", 2500000000),
        ("un billón doscientos mil", 1000000200000),
        ("cinco mil pesos con 50/100 M/CTE", Decimal("5000.50")),
        ("cinco mil pesos con cincuenta centavos", Decimal("5000.50")),
        ("Cuarenta y nueve millones dieciséis mil quinientos veinte pesos mcte", 49016520),
    ],
)
def test_from_words(text, value):
    assert money.from_words(text) == Decimal(value)


@pytest.mark.parametrize("bad", ["", "pesos", "cien veinte", "veinte y", "dos dos", "mil mil", "hola", "y cinco"])
def test_from_words_rejects(bad):
    with pytest.raises(ValueError):
        money.from_words(bad)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$49.016.520.00", "49016520.00"),
        ("$ 4.690.750", "4690750"),
        ("49,016,520", "49016520"),
        ("49.016.520,50", "49016520.50"),
        ("1'200.000", "1200000"),
        ("($49.016.520)", "49016520"),
        ("COP 1.000", "1000"),
    ],
)
def test_parse_amount(text, value):
    assert money.parse_amount(text) == Decimal(value)


@pytest.mark.parametrize("bad", ["", "abc", "$", "49.01.520", "1.2345.678"])
def test_parse_amount_rejects(bad):
    with pytest.raises(ValueError):
        money.parse_amount(bad)


def test_format_and_round():
    assert money.format_cop(49016520) == "$49.016.520"
    assert money.format_cop(Decimal("1234.5"), decimals=2) == "$1.234,50"
    assert money.format_cop(-5) == "-$5"
    assert money.round_pesos(Decimal("0.5")) == 1
    assert money.round_pesos(Decimal("2.5")) == 3  # half up, not banker's rounding
    assert money.format_percent(Decimal("0.0122")) == "1,22 %"


def test_find_words_amounts_in_text():
    text = "por TREINTA Y UNO (31) días y el treinta por ciento (30%); CUARENTA Y NUEVE MILLONES ($49.016.520)"
    found = [(w.text, w.value) for w in money.find_words_amounts(text)]
    assert ("TREINTA Y UNO", 31) in found
    assert ("CUARENTA Y NUEVE MILLONES", 49000000) in found


@settings(max_examples=3000)
@given(st.integers(min_value=0, max_value=10**12))
def test_words_round_trip_is_identity(n):
    assert money.from_words(money.to_words(n)) == n
    assert money.from_words(money.to_words(n, currency=False)) == n
    assert money.from_words(money.to_words(n, upper=True, accents=False, mcte=True)) == n


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_words_round_trip_with_cents(n, cents):
    value = Decimal(n) + Decimal(cents) / 100
    assert money.from_words(money.to_words(value)) == value


@given(st.text(max_size=200))
def test_from_words_never_crashes(text):
    with contextlib.suppress(ValueError):
        money.from_words(text)


@given(st.text(max_size=60))
def test_parse_amount_never_crashes(text):
    with contextlib.suppress(ValueError):
        money.parse_amount(text)


@given(st.integers(min_value=0, max_value=10**15), st.booleans())
def test_parse_amount_reads_what_format_writes(n, symbol):
    assert money.parse_amount(money.format_cop(n, symbol=symbol)) == n
