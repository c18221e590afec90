import pytest

from cps.law import unspsc


def test_levels_and_ancestors():
    code = unspsc.Code.parse("15121504")
    assert code.level == "commodity"
    assert code.ancestors() == ["15121504", "15121500", "15120000", "15000000"]
    assert unspsc.Code.parse("40160000").level == "family"
    assert unspsc.Code.parse("V1.80111500").level == "class"


@pytest.mark.parametrize("bad", ["4000000", "400000", "401615150", "00121500", "15001500", "abc", ""])
def test_malformed(bad):
    assert not unspsc.is_wellformed(bad)
    with pytest.raises(unspsc.MalformedCode):
        unspsc.Code.parse(bad)


def test_contains_and_services():
    cls = unspsc.Code.parse("40161500")
    assert cls.contains(unspsc.Code.parse("40161505"))
    assert not cls.contains(unspsc.Code.parse("40141734"))
    assert unspsc.Code.parse("80111500").is_service
    assert not unspsc.Code.parse("15121504").is_service


def test_segment_names_in_spanish():
    assert len(unspsc.segment_names()) == 56
    assert "Lubricantes" in (unspsc.segment_name(unspsc.Code.parse("15121504")) or "")
