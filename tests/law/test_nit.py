import pytest

from cps.law import nit


@pytest.mark.parametrize(
    ("base", "digit"),
    # Gachetá (seed), Bancolombia, Ecopetrol, DIAN: published NIT-DV pairs
    [("899999331", 2), ("890903938", 8), ("899999068", 1), ("800197268", 4)],
)
def test_check_digit(base, digit):
    assert nit.check_digit(base) == digit


def test_parse_formats():
    assert nit.parse("899.999.331-2").base == "899999331"
    parsed = nit.parse("899999331-2")
    assert parsed.digit == 2 and parsed.valid
    assert not nit.parse("899999331-5").valid
    assert nit.parse("899999331").digit is None


@pytest.mark.parametrize("bad", ["", "abc", "12-3", "1234567890123456-1"])
def test_parse_rejects_garbage(bad):
    with pytest.raises(ValueError):
        nit.parse(bad)
