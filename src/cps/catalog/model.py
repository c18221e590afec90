"""The sustainability criteria catalog: sources, criteria and categories of goods and services.

Identifiers and enumerations are English; every label a user reads is Spanish (the ``*_ES``
tables). Instances are immutable and built only by :mod:`cps.catalog.loader`, which validates
them first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

# Enumerations with their Spanish labels. The keys are what the YAML files use.
DIMENSIONS_ES: dict[str, str] = {
    "environmental": "ambiental",
    "social": "social",
    "economic": "económica",
}
ASPECTS_ES: dict[str, str] = {
    "energy": "energía",
    "water": "agua",
    "waste": "residuos",
    "hazardous_substances": "sustancias peligrosas",
    "emissions": "emisiones",
    "resources": "uso de recursos y materiales",
    "durability": "durabilidad y vida útil",
    "biodiversity": "biodiversidad y bosques",
    "labour": "condiciones laborales",
    "inclusion": "inclusión y economía local",
}
LEVELS_ES: dict[str, str] = {"basico": "básico", "avanzado": "avanzado"}
PLACEMENTS_ES: dict[str, str] = {
    "technical_specification": "especificación técnica",
    "habilitating_requirement": "requisito habilitante",
    "award_criterion": "criterio de puntaje",
    "contract_obligation": "obligación contractual",
}
VERIFICATION_MEANS_ES: dict[str, str] = {
    "ecolabel": "ecoetiqueta tipo I o equivalente",
    "certificate": "certificado de tercera parte",
    "technical_sheet": "ficha técnica",
    "safety_data_sheet": "hoja de datos de seguridad",
    "test_report": "informe de ensayo",
    "declaration": "declaración del proveedor",
    "delivery_records": "certificados de entrega a gestor autorizado",
    "invoices": "facturas y soportes de compra",
    "inspection": "inspección del supervisor",
}
NATURES_ES: dict[str, str] = {
    "legal_requirement": "obligación legal",
    "recommendation": "recomendación (buena práctica, no es norma obligatoria)",
}
SOURCE_STATUS_ES: dict[str, str] = {
    "confirmed": "confirmado",
    "secondary": "fuente secundaria",
    "unconfirmed": "SIN CONFIRMAR",
}

# Order of the placements in a document (CONTRACTS.md and the annex follow it).
PLACEMENT_ORDER: tuple[str, ...] = (
    "technical_specification",
    "habilitating_requirement",
    "award_criterion",
    "contract_obligation",
)

REGEX_PREFIX = "re:"


@dataclass(frozen=True)
class Source:
    """A citable source: a norm, an official guide, a label's criteria or a secondary report."""

    id: str
    title: str
    url: str | None
    status: str  # confirmed | secondary | unconfirmed
    note: str | None = None
    origin: str = ""  # file it was read from

    def cite(self) -> str:
        text = self.title
        if self.url:
            text += f" — {self.url}"
        if self.status != "confirmed":
            text += f" [{SOURCE_STATUS_ES[self.status]}]"
        return text


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    text: str  # the clause as it goes into a document
    dimension: str
    aspect: str
    level: str  # basico | avanzado
    placements: tuple[str, ...]  # in order of preference
    verification: str
    verification_means: tuple[str, ...]
    legal_basis: str
    nature: str  # legal_requirement | recommendation
    sources: tuple[Source, ...]
    detect: tuple[str, ...]
    applies_to: tuple[str, ...]  # UNSPSC codes (the category's unless the criterion narrows them)
    category_id: str
    supervision: str | None = None  # what the supervisor checks at each delivery
    note: str | None = None
    origin: str = ""
    patterns: tuple[re.Pattern[str], ...] = field(default=(), compare=False, repr=False)

    @property
    def is_recommendation(self) -> bool:
        return self.nature == "recommendation"

    def supervision_text(self) -> str:
        return self.supervision or self.verification


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    unspsc: tuple[str, ...]
    criteria: tuple[Criterion, ...]
    description: str | None = None
    sources: tuple[Source, ...] = ()
    origin: str = ""

    def all_sources(self) -> tuple[Source, ...]:
        """The category's own sources, then those of its criteria, each once."""
        seen: dict[str, Source] = {}
        for source in (*self.sources, *(s for c in self.criteria for s in c.sources)):
            seen.setdefault(source.id, source)
        return tuple(seen.values())


@dataclass(frozen=True)
class Catalog:
    version: str
    categories: tuple[Category, ...]
    files: tuple[str, ...] = ()
    sources: Mapping[str, Source] = field(default_factory=dict, compare=False)

    @cached_property
    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for cat in self.categories for c in cat.criteria)

    @cached_property
    def _by_id(self) -> dict[str, Criterion]:
        return {c.id: c for c in self.criteria}

    @cached_property
    def _categories_by_id(self) -> dict[str, Category]:
        return {cat.id: cat for cat in self.categories}

    @cached_property
    def by_code(self) -> dict[str, tuple[Criterion, ...]]:
        """Criteria indexed by each UNSPSC code they are attached to, in catalog order."""
        index: dict[str, list[Criterion]] = {}
        for criterion in self.criteria:
            for code in criterion.applies_to:
                index.setdefault(code, []).append(criterion)
        return {code: tuple(items) for code, items in index.items()}

    def criterion(self, criterion_id: str) -> Criterion:
        return self._by_id[criterion_id]

    def category(self, category_id: str) -> Category:
        return self._categories_by_id[category_id]

    def __contains__(self, criterion_id: object) -> bool:
        return criterion_id in self._by_id
