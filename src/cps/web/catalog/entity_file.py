"""The entity's own criteria as a catalog file of the core's format (docs/catalog.md, «Archivos
propios de la entidad»), so that the core merges them over the package catalog and validates them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings

from cps import atomic


def _source_id(code: str) -> str:
    return "entidad-" + re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-")


def catalog_document(*, entity_id: int, entity_name: str, criteria: Iterable[Any]) -> dict[str, Any]:
    rows = list(criteria)
    sources: dict[str, dict[str, str]] = {}
    items = []
    for c in rows:
        sid = _source_id(c.code)
        sources[sid] = {"title": c.source_title, "status": c.source_status}
        detect = [p.strip() for p in (c.detect or "").split(";") if p.strip()] or [c.title]
        items.append({
            "id": c.code, "title": c.title, "text": c.text, "dimension": c.dimension, "aspect": c.aspect,
            "level": c.level, "placements": [c.placement], "verification": c.verification,
            "verification_means": [c.verification_means], "legal_basis": c.legal_basis, "nature": c.nature,
            "sources": [sid], "detect": detect, "applies_to": list(c.applies_to),
        })
    codes = sorted({code for c in rows for code in c.applies_to})
    return {
        "schema": 1,
        "version": f"entidad-{entity_id}",
        "sources": sources,
        "categories": [{"id": f"entidad-{entity_id}", "name": f"Criterios propios de {entity_name}", "unspsc": codes, "criteria": items}],
    }


def entity_catalog_path(entity_id: int) -> Path:
    return Path(settings.MEDIA_ROOT) / "catalog" / f"entidad-{entity_id}.yaml"


def write_entity_file(*, entity_id: int, entity_name: str, criteria: Iterable[Any], path: Path | None = None) -> Path | None:
    """Write (or remove, when there are no criteria) the entity's catalog file."""
    target = path or entity_catalog_path(entity_id)
    rows = list(criteria)
    if not rows:
        target.unlink(missing_ok=True)
        return None
    text = yaml.safe_dump(catalog_document(entity_id=entity_id, entity_name=entity_name, criteria=rows), allow_unicode=True, sort_keys=False)
    atomic.write_text(target, text)
    return target
