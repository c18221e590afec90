"""The core catalog (``cps.catalog``) as the web shows it: plain dicts in the CLI's JSON shape."""

from __future__ import annotations

from typing import Any

from cps.web.ui.jsonable import jsonable


def all_criteria() -> list[dict[str, Any]]:
    """Every criterion of the core catalog. Raises ImportError while ``cps.catalog`` is not installed."""
    from cps.catalog import load_catalog  # type: ignore[attr-defined]

    return [jsonable(c) for c in load_catalog().criteria]


def search(*, codes: list[str], modality: str | None, level: str | None) -> list[dict[str, Any]]:
    from cps.catalog import recommend  # type: ignore[attr-defined]

    return [jsonable(c) for c in recommend(codes, modality=modality, level=level)]
