"""Fixtures for the catalog tests: small catalogs written on the fly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml


@pytest.fixture
def write_catalog(tmp_path: Path) -> Callable[..., Path]:
    """Write a catalog file; ``categories`` is a list of (id, unspsc, [criteria])."""
    counter = {"n": 0}

    def write(categories: list[tuple[str, list[str], list[dict[str, Any]]]] | None = None, *,
              sources: dict[str, Any] | None = None, name: str | None = None, **top: Any) -> Path:
        counter["n"] += 1
        data: dict[str, Any] = {"schema": 1, "version": "test"}
        if sources is not None:
            data["sources"] = sources
        if categories is not None:
            # an empty code list writes only id and criteria (an existing category being extended)
            data["categories"] = [
                {"id": cid, "name": f"Categoría {cid}", "unspsc": codes, "criteria": crit} if codes
                else {"id": cid, "criteria": crit}
                for cid, codes, crit in categories
            ]
        data.update(top)
        path = tmp_path / (name or f"catalogo_{counter['n']}.yaml")
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    return write
