"""Sustainability criteria per kind of good or service (UNSPSC), and the Word annex built on them.

Library API used by the document review and the web app::

    from cps.catalog import load_catalog, recommend, present_in

    catalog = load_catalog()                      # the package catalog (cached)
    catalog = load_catalog(["entidad.yaml"])      # with the entity's additions and overrides
    for per_code in recommend(["15121504"], modality="minima_cuantia", catalog=catalog):
        for item in per_code.items:
            evidence = present_in(document_text, item.criterion)   # None when absent

See ``docs/catalog.md`` for the data format and the matching rules.
"""

from cps.catalog.detect import Evidence, find_present, present_in
from cps.catalog.loader import ENV_VAR, env_extra_paths, load_catalog, load_configured_catalog, load_files
from cps.catalog.modalities import Modality, UnknownModality, get_modality, modalities
from cps.catalog.model import Catalog, Category, Criterion, Source
from cps.catalog.recommend import CodeRecommendations, Recommendation, recommend, recommend_code

__all__ = [
    "ENV_VAR",
    "Catalog",
    "Category",
    "CodeRecommendations",
    "Criterion",
    "Evidence",
    "Modality",
    "Recommendation",
    "Source",
    "UnknownModality",
    "env_extra_paths",
    "find_present",
    "get_modality",
    "load_catalog",
    "load_configured_catalog",
    "load_files",
    "modalities",
    "present_in",
    "recommend",
    "recommend_code",
]
