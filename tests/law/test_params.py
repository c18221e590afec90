from decimal import Decimal

import pytest

from cps.law import params


def test_smmlv_table_covers_2010_to_2026_with_sources():
    years = params.smmlv_years()
    assert years[0] == 2010 and years[-1] == 2026
    assert years == list(range(2010, 2027))
    for year in years:
        value = params.smmlv(year)
        assert value.source and value.status in ("confirmed", "secondary", "unconfirmed")


@pytest.mark.parametrize(
    ("year", "value"),
    [(2010, 515000), (2015, 644350), (2020, 877803), (2022, 1000000), (2023, 1160000), (2025, 1423500), (2026, 1750905)],
)
def test_smmlv_values(year, value):
    assert params.smmlv(year).value == Decimal(value)


def test_missing_year_is_a_clear_error():
    with pytest.raises(params.MissingParameter, match="2009"):
        params.smmlv(2009)


def test_uvt_2026():
    assert params.uvt(2026).value == Decimal(52374)


def test_carbon_tax_2026_is_confirmed_and_earlier_years_are_not():
    tax = params.carbon_tax(2026)
    assert tax.value == Decimal("29070.49") and tax.confirmed
    assert not params.carbon_tax(2025).confirmed
    import datetime as dt

    assert params.latest_carbon_tax(dt.date(2026, 11, 21)).year == 2026


def test_minima_cuantia_ceilings_2026():
    ceilings = {band.minima_smmlv: value for band, value in params.minima_cuantia_ceilings(2026)}
    assert ceilings[28] == Decimal(49025340)
    assert ceilings[100] == Decimal(175090500)
    statuses = {band.minima_smmlv: band.status for band in params.cuantia_bands()}
    assert statuses[28] == "unconfirmed" and statuses[65] == "unconfirmed" and statuses[45] == "confirmed"


def test_band_for_budget():
    assert params.band_for_budget(Decimal(100000)).minima_smmlv == 28
    assert params.band_for_budget(Decimal(120000)).minima_smmlv == 45
    assert params.band_for_budget(Decimal(2000000)).minima_smmlv == 100


def test_mipyme_threshold_2026_is_secondary():
    t = params.mipyme_threshold(2026)
    assert t.value == Decimal(511708497) and t.status == "secondary" and t.usd == 125000
