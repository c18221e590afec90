"""JSON and plain-text views of recommendations and of the catalog (``cps criteria``, web API)."""

from __future__ import annotations

from typing import Any

from cps.catalog.model import (
    ASPECTS_ES,
    DIMENSIONS_ES,
    LEVELS_ES,
    NATURES_ES,
    PLACEMENTS_ES,
    Catalog,
    Criterion,
)
from cps.catalog.recommend import CodeRecommendations, Recommendation
from cps.law.unspsc import LEVEL_NAMES_ES
from cps.wording import count


def criterion_dict(criterion: Criterion, catalog: Catalog) -> dict[str, Any]:
    """The criterion's fields (CONTRACTS.md keys plus extras), without placement."""
    category = catalog.category(criterion.category_id)
    return {
        "id": criterion.id,
        "title": criterion.title,
        "applies_to": list(criterion.applies_to),
        "level": criterion.level,
        "text": criterion.text,
        "verification": criterion.verification,
        "verification_means": list(criterion.verification_means),
        "legal_basis": criterion.legal_basis,
        "sources": [s.cite() for s in criterion.sources],
        "category": category.id,
        "category_name": category.name,
        "dimension": criterion.dimension,
        "aspect": criterion.aspect,
        "nature": criterion.nature,
        "placements": list(criterion.placements),
        "supervision": criterion.supervision_text(),
        "detect": list(criterion.detect),
    }


def recommendations_json(results: list[CodeRecommendations], catalog: Catalog, *,
                         modality: str | None, level: str | None) -> dict[str, Any]:
    """``{"criteria": [...], "by_code": [...]}``: each criterion once, first-seen order.

    ``placement`` is the preferred placement the modality allows; ``allowed_placements`` lists
    all of them; ``matched_codes`` the codes asked for that led to the criterion.
    """
    entries: dict[str, dict[str, Any]] = {}
    by_code: list[dict[str, Any]] = []
    for result in results:
        matches = []
        for item in result.items:
            entry = entries.get(item.criterion.id)
            if entry is None:
                entry = criterion_dict(item.criterion, catalog)
                entry["placement"] = item.placement
                entry["allowed_placements"] = list(item.allowed_placements)
                entry["matched_codes"] = []
                entries[item.criterion.id] = entry
            if result.code not in entry["matched_codes"]:
                entry["matched_codes"].append(result.code)
            matches.append({"id": item.criterion.id, "matched_on": item.matched_on,
                            "match_level": item.match_level, "placement": item.placement})
        by_code.append({"code": result.code, "unspsc_level": result.level, "criteria": matches})
    return {
        "criteria": list(entries.values()),
        "by_code": by_code,
        "without_criteria": [r.code for r in results if not r.items],
        "modality": modality,
        "level": level,
        "catalog_version": catalog.version,
    }


def categories_json(catalog: Catalog) -> dict[str, Any]:
    return {
        "categories": [
            {
                "id": cat.id,
                "name": cat.name,
                "unspsc": list(cat.unspsc),
                "criteria": len(cat.criteria),
                "sources": [s.cite() for s in cat.all_sources()],
                "description": cat.description,
            }
            for cat in catalog.categories
        ],
        "catalog_version": catalog.version,
        "files": list(catalog.files),
    }


def _describe(item: Recommendation) -> list[str]:
    c = item.criterion
    others = [PLACEMENTS_ES[p] for p in item.allowed_placements if p != item.placement]
    placement = PLACEMENTS_ES[item.placement] + (f" (también: {', '.join(others)})" if others else "")
    lines = [
        f"  [{c.id}] {c.title}",
        f"      Nivel {LEVELS_ES[c.level]} · {DIMENSIONS_ES[c.dimension]} / {ASPECTS_ES[c.aspect]} · "
        f"{NATURES_ES[c.nature]}",
        f"      Ubicación: {placement}",
        f"      Cláusula: {c.text}",
        f"      Verificación: {c.verification}",
        f"      Fundamento: {c.legal_basis}",
    ]
    if item.matched_on != item.code:
        lines.append(f"      (por el código {item.matched_on}, {LEVEL_NAMES_ES[item.match_level]})")
    return lines


def recommendations_text(results: list[CodeRecommendations], catalog: Catalog, *,
                         modality: str | None, level: str | None) -> str:
    head = [f"Catálogo de criterios de sostenibilidad, versión {catalog.version}"]
    if modality:
        head.append(f"Modalidad: {modality} (solo ubicaciones permitidas)")
    if level:
        head.append(f"Nivel: {LEVELS_ES[level]}" + (" (incluye básico)" if level == "avanzado" else ""))
    lines = [*head, ""]
    for result in results:
        lines.append(f"Código {result.code} ({LEVEL_NAMES_ES[result.level]}): "
                     f"{count(len(result.items), 'criterio', 'criterios')}")
        if not result.items:
            lines.append("  Sin criterios en el catálogo para este código ni para sus niveles superiores.")
        for item in result.items:
            lines.extend(_describe(item))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def categories_text(catalog: Catalog) -> str:
    lines = [f"Catálogo de criterios de sostenibilidad, versión {catalog.version}: "
             f"{len(catalog.categories)} categorías, {len(catalog.criteria)} criterios", ""]
    for cat in catalog.categories:
        lines.append(f"{cat.id:32} {len(cat.criteria):3} criterios  UNSPSC {', '.join(cat.unspsc)}  {cat.name}")
    return "\n".join(lines) + "\n"
