"""Canonical column sets of the SECOP II extracts and the value vocabularies (kept as data).

``data/fields.yaml`` lists every API field of Procesos (``p6dx-8zbt``) and Contratos
(``jbjy-vk9h``) with the portal's CSV column titles; ``data/vocabulary.yaml`` lists the values
that mean "cancelled", "yes", "empty" and the procurement modalities.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

DatasetName = Literal["procesos", "contratos"]

# columns the computation reads from each dataset (API names)
USED_FIELDS: dict[DatasetName, tuple[str, ...]] = {
    "procesos": (
        "nit_entidad",
        "entidad",
        "id_del_proceso",
        "id_del_portafolio",
        "referencia_del_proceso",
        "nombre_del_procedimiento",
        "fecha_de_publicacion_del",
        "fecha_de_ultima_publicaci",
        "precio_base",
        "modalidad_de_contratacion",
        "estado_del_procedimiento",
        "codigo_principal_de_categoria",
        "urlproceso",
    ),
    "contratos": (
        "nit_entidad",
        "proceso_de_compra",
        "id_contrato",
        "obligaci_n_ambiental",
        "obligaciones_postconsumo",
    ),
}

DATASET_LABELS: dict[DatasetName, str] = {
    "procesos": "SECOP II - Procesos de Contratación (p6dx-8zbt)",
    "contratos": "SECOP II - Contratos Electrónicos (jbjy-vk9h)",
}


def fold(text: str) -> str:
    """Accent- and case-insensitive form of a value: ``"  SÍ "`` → ``"si"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def fold_header(text: str) -> str:
    """Form used to compare column titles: ``"Fecha de Publicación del Proceso"`` and
    ``"fecha_de_publicacion_del_proceso"`` give the same key."""
    return re.sub(r"[^a-z0-9]+", " ", fold(text.replace("\ufeff", ""))).strip()


@dataclass(frozen=True)
class Field:
    api: str
    display: tuple[str, ...]
    required: bool
    identity: bool

    @property
    def title(self) -> str:
        """How the user knows the column: the portal title, else the API name."""
        return self.display[0] if self.display else self.api


@dataclass(frozen=True)
class Dataset:
    name: DatasetName
    socrata_id: str
    label: str
    fields: tuple[Field, ...]

    def field(self, api: str) -> Field:
        for f in self.fields:
            if f.api == api:
                return f
        raise KeyError(api)

    @property
    def required(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.required)

    @property
    def identity(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.identity)

    def lookup(self) -> dict[str, str]:
        """Folded header (API name or portal title) → API name."""
        return _lookup(self.name)

    def resolve(self, header: str) -> str | None:
        return self.lookup().get(fold_header(header))

    def suggest(self, api: str, headers: list[str]) -> str | None:
        """The unknown header closest to a missing column, for the error message."""
        field = self.field(api)
        targets = [fold_header(field.api), *(fold_header(d) for d in field.display)]
        best: tuple[float, str] | None = None
        for header in headers:
            key = fold_header(header)
            for target in targets:
                ratio = difflib.SequenceMatcher(None, key, target).ratio()
                if ratio >= 0.75 and (best is None or ratio > best[0]):
                    best = (ratio, header)
        return best[1] if best else None


def _resource(name: str) -> Any:
    text = resources.files("cps.indicators").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def dataset(name: DatasetName) -> Dataset:
    raw = _resource("fields.yaml")[name]
    fields = tuple(
        Field(
            api=str(f["api"]),
            display=tuple(str(d) for d in f.get("display") or ()),
            required=bool(f.get("required", False)),
            identity=bool(f.get("identity", False)),
        )
        for f in raw["fields"]
    )
    return Dataset(name=name, socrata_id=str(raw["dataset"]), label=DATASET_LABELS[name], fields=fields)


@cache
def _lookup(name: DatasetName) -> dict[str, str]:
    table: dict[str, str] = {}
    for f in dataset(name).fields:
        for key in {fold_header(f.api), *(fold_header(d) for d in f.display)}:
            other = table.setdefault(key, f.api)
            if other != f.api:  # pragma: no cover - guarded by a test on the data file
                raise ValueError(f"column title {key!r} is ambiguous: {other} / {f.api}")
    return table


@dataclass(frozen=True)
class Modality:
    key: str
    label: str
    names: tuple[str, ...]
    contains: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Vocabulary:
    cancelled_states: tuple[str, ...]
    yes_values: tuple[str, ...]
    known_flag_values: tuple[str, ...]
    sentinels: tuple[str, ...]
    modalities: tuple[Modality, ...]
    modality_undefined: Modality
    modality_other: Modality

    def modality(self, value: str | None) -> Modality:
        """Normalised modality of a raw ``modalidad_de_contratacion`` value."""
        if value is None:
            return self.modality_undefined
        folded = re.sub(r"\s+", " ", fold(value))
        if not folded or folded in self.sentinels:
            return self.modality_undefined
        for m in self.modalities:
            if folded in m.names:
                return m
        for m in self.modalities:
            if any(all(part in folded for part in group) for group in m.contains):
                return m
        return self.modality_other

    def label(self, key: str) -> str:
        for m in (*self.modalities, self.modality_undefined, self.modality_other):
            if m.key == key:
                return m.label
        return key


def _modality(raw: dict[str, Any]) -> Modality:
    return Modality(
        key=str(raw["key"]),
        label=str(raw["label"]),
        names=tuple(fold(str(n)) for n in raw.get("names") or ()),
        contains=tuple(tuple(fold(str(p)) for p in group) for group in raw.get("contains") or ()),
    )


@cache
def vocabulary() -> Vocabulary:
    raw = _resource("vocabulary.yaml")
    return Vocabulary(
        cancelled_states=tuple(fold(str(v)) for v in raw["cancelled_states"]),
        yes_values=tuple(fold(str(v)) for v in raw["yes_values"]),
        known_flag_values=tuple(fold(str(v)) for v in raw["known_flag_values"]),
        sentinels=tuple(fold(str(v)) for v in raw["sentinels"]),
        modalities=tuple(_modality(m) for m in raw["modalities"]),
        modality_undefined=_modality(raw["modality_undefined"]),
        modality_other=_modality(raw["modality_other"]),
    )
