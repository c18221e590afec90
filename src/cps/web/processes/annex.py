"""The Word annex: the user chooses criteria and level among those the catalog recommends for
the process's goods; the core (``cps.catalog.draft.build_annex``) writes it."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from cps.errors import InputError
from cps.web.catalog.core import catalog_for, search


def annex_choices(*, entity_id: int, record: dict[str, Any], level: str | None = None) -> list[dict[str, Any]]:
    """Per good of the record: its code, its name and the criteria the catalog recommends for it,
    in the placement the process's modality allows."""
    goods: list[dict[str, Any]] = []
    first: dict[str, dict[str, Any]] = {}
    for row in record.get("unspsc") or []:
        code = row.get("product") or row.get("class") or row.get("family") or row.get("segment")
        if not code:
            continue
        try:
            criteria = search(codes=[str(code)], modality=record.get("modality") or None, level=level, entity_id=entity_id)
        except ValueError:  # a malformed code: the review reported it
            criteria = []
        name = row.get("name") or ""
        shown = []
        for criterion in criteria:
            if criterion["id"] in first:  # one checkbox per criterion: the annex lists it for every good
                first[criterion["id"]]["also"].append(name or str(code))
                continue
            entry = {**criterion, "also": []}
            first[criterion["id"]] = entry
            shown.append(entry)
        goods.append({"code": code, "name": name, "criteria": shown})
    return goods


def _only(catalog: Any, chosen: set[str]) -> Any:
    categories = tuple(
        dataclasses.replace(cat, criteria=tuple(c for c in cat.criteria if c.id in chosen)) for cat in catalog.categories
    )
    return dataclasses.replace(catalog, categories=categories)


def build_annex_bytes(*, entity_id: int, record: dict[str, Any], document_path: Path, criteria: list[str], level: str | None) -> bytes:
    from cps.catalog import find_present
    from cps.catalog.draft import build_annex
    from cps.documents.readers import read_document
    from cps.documents.record import ProcessRecord

    catalog = catalog_for(entity_id)
    known = {c.id for c in catalog.criteria}
    unknown = sorted(set(criteria) - known)
    if unknown:
        raise InputError(f"criterios que ya no están en el catálogo: {', '.join(unknown)}", field="criteria")
    chosen = _only(catalog, set(criteria))
    text = read_document(document_path).full_text
    present = find_present(text, chosen.criteria)
    return bytes(build_annex(ProcessRecord.model_validate(record), level=level, catalog=chosen, present=present))
