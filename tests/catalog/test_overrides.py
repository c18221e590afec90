"""An entity adds, overrides and removes criteria with its own file, without touching the package."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cps.catalog import ENV_VAR, load_catalog, load_configured_catalog, recommend_code
from cps.errors import InputError

from .helpers import criterion


def test_override_by_id_keeps_the_position(write_catalog: Callable[..., Path]) -> None:
    extra = write_catalog([("lubricantes", [], [criterion(
        "LUB-01", title="Aceite usado a Gestora Andina", text="El contratista entregará el aceite usado a Gestora Andina.",
        placements=["contract_obligation"], sources=["co-d4741-2005"])])])
    # an existing category needs no name or codes: they are kept
    catalog = load_catalog([extra])
    lub = catalog.category("lubricantes")
    assert [c.id for c in lub.criteria][:2] == ["LUB-01", "LUB-02"]
    assert catalog.criterion("LUB-01").title == "Aceite usado a Gestora Andina"
    assert catalog.criterion("LUB-01").applies_to == ("15121500",)
    assert catalog.criterion("LUB-01").origin == str(extra)
    assert load_catalog().criterion("LUB-01").title != "Aceite usado a Gestora Andina"  # package untouched


def test_override_can_move_a_criterion_and_add_new_ones(write_catalog: Callable[..., Path]) -> None:
    extra = write_catalog(
        [("repuestos-municipio", ["40161500"], [
            criterion("FIL-02", sources=["co-res1362-2007"]),
            criterion("MUN-01", sources=["fuente-municipal"]),
        ])],
        sources={"fuente-municipal": {"title": "Manual de contratación del municipio", "status": "confirmed",
                                      "url": "https://example.org/manual"}},
    )
    catalog = load_catalog([extra])
    assert "FIL-02" not in [c.id for c in catalog.category("filtros").criteria]
    assert [c.id for c in catalog.category("repuestos-municipio").criteria] == ["FIL-02", "MUN-01"]
    assert recommend_code("40161505", catalog=catalog).ids == ["FIL-01", "FIL-02", "MUN-01"]


def test_remove_criteria(write_catalog: Callable[..., Path]) -> None:
    extra = write_catalog(remove=["LUB-04", "LUB-05"])
    catalog = load_catalog([extra])
    assert "LUB-04" not in catalog and "LUB-05" not in catalog
    with pytest.raises(InputError, match="«LUB-99» que se pide quitar"):
        load_catalog([write_catalog(remove=["LUB-99"])])


def test_later_files_win(write_catalog: Callable[..., Path]) -> None:
    first = write_catalog([("lubricantes", [], [criterion("LUB-02", title="Primera", sources=["co-d4741-2005"])])])
    second = write_catalog([("lubricantes", [], [criterion("LUB-02", title="Segunda", sources=["co-d4741-2005"])])])
    assert load_catalog([first, second]).criterion("LUB-02").title == "Segunda"


def test_env_var_adds_files(write_catalog: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    extra = write_catalog([("cafe", [], [criterion("CAF-09", sources=["co-res0187-2006"])])])
    monkeypatch.setenv(ENV_VAR, str(extra))
    assert "CAF-09" in load_configured_catalog()
    monkeypatch.delenv(ENV_VAR)
    assert "CAF-09" not in load_configured_catalog()


def test_entity_file_is_validated_like_the_package(write_catalog: Callable[..., Path]) -> None:
    extra = write_catalog([("nueva", ["40161500"], [criterion("NEW-01", sources=["co-d4741-2005"], placements=[])])])
    with pytest.raises(InputError) as raised:
        load_catalog([extra])
    assert f"archivo «{extra}»" in str(raised.value) and "criterio NEW-01 › placements" in str(raised.value)
    incomplete = write_catalog([("nueva", [], [criterion("NEW-02", sources=["co-d4741-2005"])])])
    with pytest.raises(InputError, match=r"categoría nueva › name.*obligatorio de una categoría nueva"):
        load_catalog([incomplete])
