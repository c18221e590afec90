"""The core catalog (``cps.catalog``) as the web shows it: plain dicts in the CLI's JSON shape,
with the entity's own criteria merged over the package catalog (the core's entity files)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from cps.web.catalog.entity_file import entity_catalog_path


@lru_cache(maxsize=64)
def _catalog_cached(path: str, mtime: float) -> Any:
    from cps.catalog import load_configured_catalog

    return load_configured_catalog([path])


def catalog_for(entity_id: int | None) -> Any:
    """The catalog the entity sees: the package's (and CPS_CATALOG_EXTRA) plus its own criteria."""
    from cps.catalog import load_configured_catalog

    if entity_id is not None:
        path = entity_catalog_path(entity_id)
        if path.exists():
            return _catalog_cached(str(path), path.stat().st_mtime)
    return load_configured_catalog()


def validate_file(path: Path) -> None:
    """Raise the core's InputError (file, line, field) if the entity file is not a valid catalog file."""
    from cps.catalog import load_configured_catalog

    load_configured_catalog([path])


def all_criteria(entity_id: int | None = None, *, modality: str | None = None, level: str | None = None) -> list[dict[str, Any]]:
    """Every criterion, with the placements the modality allows (criteria left without any are dropped)."""
    from cps.catalog.output import criterion_dict
    from cps.catalog.recommend import allowed_placements, level_allows

    catalog = catalog_for(entity_id)
    out = []
    for criterion in catalog.criteria:
        if level and not level_allows(level, criterion.level):
            continue
        placements = allowed_placements(criterion, modality) if modality else tuple(criterion.placements)
        if not placements:
            continue
        entry = criterion_dict(criterion, catalog)
        entry["placement"] = placements[0]
        entry["allowed_placements"] = list(placements)
        out.append(entry)
    return out


def search(*, codes: list[str], modality: str | None, level: str | None, entity_id: int | None = None) -> list[dict[str, Any]]:
    """``cps criteria CODE… --json``'s criteria: most specific first."""
    from cps.catalog import recommend
    from cps.catalog.output import recommendations_json
    from cps.law.unspsc import Code

    catalog = catalog_for(entity_id)
    parsed = [Code.parse(c) for c in codes]
    results = recommend(parsed, modality=modality, level=level, catalog=catalog)
    return list(recommendations_json(results, catalog, modality=modality, level=level)["criteria"])
