from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cps.errors import InputError
from cps.evaluation import load_case
from cps.evaluation.model import BOGOTA

from .conftest import EXAMPLE


def test_example_loads_with_aware_dates_and_string_ids() -> None:
    case = load_case(EXAMPLE)
    assert case.process.closing == dt.datetime(2026, 7, 24, 10, 0, tzinfo=BOGOTA)
    assert case.process.closing_date == dt.date(2026, 7, 24)
    assert [i.id for i in case.process.items] == ["1", "2", "3", "4", "5", "6"]
    a = case.offers[0]
    assert a.unit_prices is not None and a.unit_prices["1"] == Decimal(2750000)
    c = case.offers[2]
    assert [m.participation for m in c.bidder.members] == [Decimal("0.6"), Decimal("0.4")]


def test_a_mapping_a_yaml_file_and_a_json_file_give_the_same_case(example: dict[str, Any], tmp_path: Path) -> None:
    from_yaml = load_case(EXAMPLE)
    assert load_case(example) == from_yaml
    as_json = tmp_path / "caso.json"
    as_json.write_text(json.dumps(example, default=str), encoding="utf-8")
    assert load_case(as_json) == from_yaml


def test_naive_moments_are_colombian_time_and_a_closing_date_is_the_end_of_the_day(example: dict[str, Any]) -> None:
    example["process"]["closing"] = "2026-07-24"
    example["offers"][0]["submitted_at"] = "2026-07-23T15:10:00"
    case = load_case(example)
    assert case.process.closing == dt.datetime(2026, 7, 24, 23, 59, 59, tzinfo=BOGOTA)
    assert case.offers[0].submitted_at == dt.datetime(2026, 7, 23, 15, 10, tzinfo=BOGOTA)


def test_errors_name_the_offer_and_the_field(example: dict[str, Any]) -> None:
    example["offers"][1]["unit_prices"][9] = 100
    with pytest.raises(InputError) as error:
        load_case(example)
    assert error.value.field == "offers[1].unit_prices.9"
    assert "oferta «B»" in str(error.value)


def test_unknown_key_in_a_member(example: dict[str, Any]) -> None:
    example["offers"][2]["bidder"]["members"][0]["porcentaje"] = 0.6
    with pytest.raises(InputError) as error:
        load_case(example)
    assert error.value.field == "offers[2].bidder.members[0].porcentaje"
    assert "oferta «C»" in str(error.value) and "campo desconocido" in str(error.value)


def test_plural_payroll_shares_need_head_counts(example: dict[str, Any]) -> None:
    example["offers"][2]["bidder"]["members"][0]["tie_break"] = {"older_workers_pct": 0.2}
    with pytest.raises(InputError) as error:
        load_case(example)
    assert "sumatoria de las nóminas" in str(error.value)
    example["offers"][2]["tie_break"]["older_workers_pct"] = 0.1  # the plural bidder's own share is enough
    load_case(example)


def test_unit_prices_and_items_together_are_refused(example: dict[str, Any]) -> None:
    example["offers"][0]["items"] = [{"id": 1, "unit_price": 2750000}]
    with pytest.raises(InputError, match="unit_prices o items"):
        load_case(example)


def test_missing_file() -> None:
    with pytest.raises(InputError, match="no existe"):
        load_case("no-existe.yaml")


def test_item_ids_written_as_numbers_with_decimals(example: dict[str, Any]) -> None:
    example["process"]["items"][0]["id"] = 1.1
    for offer in example["offers"]:
        offer["unit_prices"][1.1] = offer["unit_prices"].pop(1)
    case = load_case(example)
    assert case.process.items[0].id == "1.1"
    assert case.offers[0].unit_prices is not None and "1.1" in case.offers[0].unit_prices


def test_bidder_kind_defaults_to_juridical_person(example: dict[str, Any]) -> None:
    del example["offers"][0]["bidder"]["kind"]
    assert load_case(example).offers[0].bidder.kind == "juridica"
