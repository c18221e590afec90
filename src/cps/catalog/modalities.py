"""Which placements each selection modality allows (data in ``data/modalidades.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from cps import yamlio
from cps.catalog.model import PLACEMENT_ORDER


class UnknownModality(ValueError):
    """A modality the catalog has no rule for."""


@dataclass(frozen=True)
class Modality:
    id: str
    name: str
    excluded_placements: frozenset[str]
    rule: str
    source: str
    status: str  # confirmed | secondary | unconfirmed

    def allows(self, placement: str) -> bool:
        return placement not in self.excluded_placements


@cache
def modalities() -> dict[str, Modality]:
    text = resources.files("cps.catalog").joinpath("data", "modalidades.yaml").read_text(encoding="utf-8")
    data = yamlio.load(text)
    out: dict[str, Modality] = {}
    for key, row in data["modalities"].items():
        excluded = frozenset(row.get("excluded_placements") or ())
        unknown = excluded - set(PLACEMENT_ORDER)
        if unknown:  # a defect of the package's own data, caught by the tests
            raise ValueError(f"modalidades.yaml: ubicación desconocida en {key}: {sorted(unknown)}")
        out[key] = Modality(key, row["name"], excluded, " ".join(row["rule"].split()), row["source"], row["status"])
    return out


def get_modality(modality_id: str) -> Modality:
    table = modalities()
    if modality_id not in table:
        raise UnknownModality(
            f"modalidad desconocida «{modality_id}»; use una de: {', '.join(table)}"
        )
    return table[modality_id]
