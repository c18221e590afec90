"""Criteria recommended for UNSPSC codes, filtered by modality and ambition level.

A code matches the criteria attached to itself and to its ancestors: commodity, class, family
and segment, most specific first; within one level, in catalog order. A criterion reached
through several levels is listed once, at its most specific match.

Modality: only the placements the modality allows are kept (mínima cuantía: never an award
criterion). A criterion left without any allowed placement is dropped; one with several keeps
the allowed ones, and its ``placement`` is the first allowed in its own order of preference.

Level (as the Swedish criteria service does): ``basico`` returns only basic criteria;
``avanzado`` returns basic and advanced (the advanced level includes the basic one); no level
returns everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cps.catalog.loader import load_catalog
from cps.catalog.modalities import get_modality
from cps.catalog.model import LEVELS_ES, Catalog, Criterion
from cps.law.unspsc import Code, Level


@dataclass(frozen=True)
class Recommendation:
    criterion: Criterion
    code: str  # the code asked for
    matched_on: str  # the catalog code (the code itself or an ancestor) that carries the criterion
    match_level: Level
    placement: str  # preferred placement allowed by the modality
    allowed_placements: tuple[str, ...]


@dataclass(frozen=True)
class CodeRecommendations:
    code: str
    level: Level
    items: tuple[Recommendation, ...]

    @property
    def ids(self) -> list[str]:
        return [item.criterion.id for item in self.items]


def level_allows(level: str | None, criterion_level: str) -> bool:
    if level is None or level == "avanzado":
        return True
    if level == "basico":
        return criterion_level == "basico"
    raise ValueError(f"nivel desconocido «{level}»; use uno de: {', '.join(LEVELS_ES)}")


def allowed_placements(criterion: Criterion, modality: str | None) -> tuple[str, ...]:
    if modality is None:
        return criterion.placements
    rule = get_modality(modality)
    return tuple(p for p in criterion.placements if rule.allows(p))


def recommend_code(code: str | Code, *, modality: str | None = None, level: str | None = None,
                   catalog: Catalog | None = None) -> CodeRecommendations:
    """Recommendations for one code; raises ``MalformedCode`` for a code that is not UNSPSC."""
    cat = catalog if catalog is not None else load_catalog()
    parsed = code if isinstance(code, Code) else Code.parse(code)
    if modality is not None:
        get_modality(modality)  # unknown modalities fail even when nothing matches
    level_allows(level, "basico")  # validates ``level``
    items: list[Recommendation] = []
    seen: set[str] = set()
    for ancestor in parsed.ancestors():
        for criterion in cat.by_code.get(ancestor, ()):
            if criterion.id in seen or not level_allows(level, criterion.level):
                continue
            allowed = allowed_placements(criterion, modality)
            if not allowed:
                continue
            seen.add(criterion.id)
            items.append(Recommendation(criterion, parsed.digits, ancestor, Code(ancestor).level,
                                        allowed[0], allowed))
    return CodeRecommendations(parsed.digits, parsed.level, tuple(items))


def recommend(codes: Iterable[str | Code], *, modality: str | None = None, level: str | None = None,
              catalog: Catalog | None = None) -> list[CodeRecommendations]:
    """Recommendations per code, in the order given (see the module documentation)."""
    cat = catalog if catalog is not None else load_catalog()
    return [recommend_code(code, modality=modality, level=level, catalog=cat) for code in codes]
