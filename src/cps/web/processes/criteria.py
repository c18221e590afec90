"""Sustainability gaps of a review with the criteria that fill them (titles from the core catalog)."""

from __future__ import annotations

from typing import Any


def criteria_by_id(entity_id: int | None = None) -> dict[str, dict[str, Any]]:
    """Every criterion of the core catalog by id; empty when the catalog is not installed."""
    from cps.web.catalog.core import all_criteria

    try:
        return {c["id"]: c for c in all_criteria(entity_id)}
    except ImportError:
        return {}


def gaps_with_criteria(sustainability: list[dict[str, Any]], *, entity_id: int | None = None) -> list[dict[str, Any]]:
    known = criteria_by_id(entity_id)
    gaps = []
    for gap in sustainability:
        ids = [str(i) for i in gap.get("criteria") or []]
        gaps.append({**gap, "criteria_full": [known.get(i, {"id": i, "title": i}) for i in ids]})
    return gaps
