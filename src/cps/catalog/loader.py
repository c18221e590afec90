"""Read and validate the catalog files (YAML) and merge the entity's own files over the package's.

Every file has the same schema (see ``docs/catalog.md``)::

    schema: 1
    version: "2026.11"
    sources:          # citable sources, referenced by id from the criteria
      <id>: {title: …, url: …, status: confirmed|secondary|unconfirmed, note: …}
    categories:
      - id: lubricantes
        name: …
        unspsc: ["15121500"]
        criteria:
          - {id: LUB-01, title: …, text: …, …}
    remove: [LUB-04]  # only in an entity's file: criteria to leave out

The package's files (``data/criterios/*.yaml``) must be consistent among themselves: unique
ids everywhere. An entity's file (``--catalog`` or ``CPS_CATALOG_EXTRA``) may add categories and
criteria, override a criterion by giving one with the same id, update a category's name or
codes, and remove criteria. Any defect stops the load with a Spanish message naming the file,
the line where the item starts and the criterion or field.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

import yaml

from cps import yamlio
from cps.catalog.detect import compile_pattern
from cps.catalog.model import (
    ASPECTS_ES,
    DIMENSIONS_ES,
    LEVELS_ES,
    NATURES_ES,
    PLACEMENTS_ES,
    SOURCE_STATUS_ES,
    VERIFICATION_MEANS_ES,
    Catalog,
    Category,
    Criterion,
    Source,
)
from cps.errors import InputError
from cps.law.unspsc import Code, MalformedCode

ENV_VAR = "CPS_CATALOG_EXTRA"
SCHEMA_VERSION = 1

_TOP_KEYS = {"schema", "version", "sources", "categories", "remove"}
_SOURCE_KEYS = {"title", "url", "status", "note"}
_CATEGORY_KEYS = {"id", "name", "unspsc", "description", "sources", "criteria"}
_CRITERION_REQUIRED = (
    "id",
    "title",
    "text",
    "dimension",
    "aspect",
    "level",
    "placements",
    "verification",
    "verification_means",
    "legal_basis",
    "nature",
    "sources",
    "detect",
)
_CRITERION_OPTIONAL = ("applies_to", "supervision", "note")
_CRITERION_KEYS = set(_CRITERION_REQUIRED) | set(_CRITERION_OPTIONAL)
_CATEGORY_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CRITERION_ID = re.compile(r"^[A-Z][A-Z0-9]*(?:[-_.][A-Z0-9]+)+$")
_SOURCE_ID = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")


# --------------------------------------------------------------------------- public API


def package_files() -> list[Path]:
    """The catalog files shipped in the package, in load order."""
    folder = resources.files("cps.catalog").joinpath("data", "criterios")
    return sorted(Path(str(folder)).glob("*.yaml"))


def env_extra_paths() -> tuple[str, ...]:
    """Extra catalog files named in ``CPS_CATALOG_EXTRA`` (separated by ``os.pathsep``)."""
    value = os.environ.get(ENV_VAR, "")
    return tuple(p for p in (part.strip() for part in value.split(os.pathsep)) if p)


def load_catalog(extra_paths: Iterable[str | Path] = ()) -> Catalog:
    """The package catalog with the given entity files merged over it (in order)."""
    extras = tuple(str(p) for p in extra_paths)
    if not extras:
        return _package_catalog()
    return _build([*(_read(p, package=True) for p in package_files()), *(_read(p, package=False) for p in extras)])


def load_configured_catalog(extra_paths: Iterable[str | Path] = ()) -> Catalog:
    """Like :func:`load_catalog`, with the files of ``CPS_CATALOG_EXTRA`` first (web app, CLI)."""
    return load_catalog((*env_extra_paths(), *(str(p) for p in extra_paths)))


def load_files(paths: Iterable[str | Path]) -> Catalog:
    """A catalog made only of ``paths``, validated as strictly as the package's (no overrides)."""
    return _build([_read(p, package=True) for p in paths])


@cache
def _package_catalog() -> Catalog:
    return _build([_read(p, package=True) for p in package_files()])


# --------------------------------------------------------------------------- reading


@dataclass
class _File:
    path: str
    text: str
    package: bool
    data: dict[str, Any]
    sources: dict[str, Source] = field(default_factory=dict)

    def line_of(self, key: str, value: str) -> int | None:
        """Line (1-based) where ``key: value`` first appears, to point the user at it."""
        if value:
            pattern = re.compile(
                rf"(?:^|[\s{{,-]){re.escape(key)}\s*:\s*[\"']?{re.escape(value)}[\"']?\s*(?:$|[,}}#])"
            )
        else:
            pattern = re.compile(rf"^\s*(?:- )?{re.escape(key)}\s*:")
        for number, line in enumerate(self.text.splitlines(), start=1):
            if pattern.search(line):
                return number
        return None

    def fail(self, message: str, *, where: str | None = None, key: str | None = None,
             anchor: tuple[str, str] | None = None) -> NoReturn:
        parts = [p for p in (where, key) if p]
        line = self.line_of(*anchor) if anchor else None
        raise InputError(message, file=self.path, field=" › ".join(parts) or None, line=line)


def _read(path: str | Path, *, package: bool) -> _File:
    p = Path(path)
    if not p.exists():
        raise InputError("el archivo del catálogo no existe", file=str(path))
    if p.is_dir():
        raise InputError("se esperaba un archivo YAML del catálogo y es una carpeta", file=str(path))
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError("el archivo del catálogo no está en UTF-8", file=str(path)) from None
    try:
        data = yamlio.load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise InputError(f"el YAML no es válido ({problem})", file=str(path), line=line) from None
    f = _File(str(path), text, package, data if isinstance(data, dict) else {})
    if not isinstance(data, dict):
        f.fail("el archivo debe ser un diccionario con las claves schema, version, sources y categories")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        f.fail(f"claves no reconocidas: {', '.join(sorted(map(str, unknown)))}; "
               f"se permiten: {', '.join(sorted(_TOP_KEYS))}")
    if data.get("schema") != SCHEMA_VERSION:
        f.fail(f"falta «schema: {SCHEMA_VERSION}» o tiene otro valor ({data.get('schema')!r})", key="schema")
    if not isinstance(data.get("version"), str | int | float) or not str(data.get("version")).strip():
        f.fail("falta la versión de los datos (por ejemplo «version: \"2026.11\"»)", key="version")
    if package and "remove" in data:
        f.fail("los archivos del paquete no pueden quitar criterios; use un archivo propio", key="remove")
    if not any(k in data for k in ("sources", "categories", "remove")):
        f.fail("el archivo no tiene fuentes, categorías ni criterios que quitar")
    f.sources = _parse_sources(f)
    return f


def _parse_sources(f: _File) -> dict[str, Source]:
    raw = f.data.get("sources", {}) or {}
    if not isinstance(raw, dict):
        f.fail("debe ser un diccionario «id: {title, url, status}»", key="sources")
    out: dict[str, Source] = {}
    for sid, entry in raw.items():
        where = f"fuente {sid}"
        if not isinstance(sid, str) or not _SOURCE_ID.match(sid):
            f.fail("el id de una fuente usa minúsculas, números y guiones (p. ej. «co-d4741-2005»)", where=where)
        if not isinstance(entry, dict):
            f.fail("cada fuente es un diccionario con title, url y status", where=where, anchor=(sid, ""))
        unknown = set(entry) - _SOURCE_KEYS
        if unknown:
            f.fail(f"claves no reconocidas: {', '.join(sorted(map(str, unknown)))}", where=where)
        title = _text(f, entry.get("title"), where=where, key="title")
        status = entry.get("status")
        if status not in SOURCE_STATUS_ES:
            f.fail(f"estado {status!r} no válido; use uno de: {', '.join(SOURCE_STATUS_ES)}", where=where, key="status")
        url = entry.get("url")
        if url is not None and (not isinstance(url, str) or not url.strip()):
            f.fail("la dirección debe ser texto", where=where, key="url")
        note = entry.get("note")
        out[sid] = Source(sid, title, url.strip() if url else None, status,
                          " ".join(str(note).split()) if note else None, origin=f.path)
    return out


def _text(f: _File, value: Any, *, where: str, key: str, anchor: tuple[str, str] | None = None) -> str:
    if not isinstance(value, str) or not value.strip():
        f.fail("falta el texto o está vacío", where=where, key=key, anchor=anchor)
    return " ".join(value.split())


def _str_list(f: _File, value: Any, *, where: str, key: str, anchor: tuple[str, str]) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str | int) for v in value):
        f.fail("debe ser una lista no vacía", where=where, key=key, anchor=anchor)
    return [str(v).strip() for v in value]


def _codes(f: _File, value: Any, *, where: str, key: str, anchor: tuple[str, str]) -> tuple[str, ...]:
    codes: list[str] = []
    for item in _str_list(f, value, where=where, key=key, anchor=anchor):
        try:
            codes.append(Code.parse(item).digits)
        except MalformedCode as error:
            f.fail(str(error), where=where, key=key, anchor=anchor)
    return tuple(dict.fromkeys(codes))


def _enum(f: _File, value: Any, allowed: dict[str, str], *, where: str, key: str, anchor: tuple[str, str]) -> str:
    if value not in allowed:
        f.fail(f"valor {value!r} no válido; use uno de: {', '.join(allowed)}", where=where, key=key, anchor=anchor)
    return str(value)


# --------------------------------------------------------------------------- criteria


def _parse_criterion(f: _File, raw: Any, category_id: str, registry: dict[str, Source]) -> tuple[Criterion, bool]:
    """A validated criterion, and whether it named its own codes (``applies_to``)."""
    if not isinstance(raw, dict):
        f.fail("cada criterio es un diccionario", where=f"categoría {category_id}", key="criteria",
               anchor=("id", category_id))
    cid = raw.get("id")
    if not isinstance(cid, str) or not _CRITERION_ID.match(cid):
        f.fail(f"id de criterio {cid!r} no válido: use mayúsculas, números y guion (p. ej. «LUB-01»)",
               where=f"categoría {category_id}", key="criteria", anchor=("id", category_id))
    where, anchor = f"criterio {cid}", ("id", cid)
    unknown = set(raw) - _CRITERION_KEYS
    if unknown:
        f.fail(f"claves no reconocidas: {', '.join(sorted(map(str, unknown)))}; "
               f"se permiten: {', '.join(sorted(_CRITERION_KEYS))}", where=where, anchor=anchor)
    for key in _CRITERION_REQUIRED:
        if raw.get(key) in (None, "", []):
            f.fail("falta este dato obligatorio", where=where, key=key, anchor=anchor)

    placements = _str_list(f, raw["placements"], where=where, key="placements", anchor=anchor)
    for p in placements:
        _enum(f, p, PLACEMENTS_ES, where=where, key="placements", anchor=anchor)
    if len(set(placements)) != len(placements):
        f.fail("hay ubicaciones repetidas", where=where, key="placements", anchor=anchor)
    means = _str_list(f, raw["verification_means"], where=where, key="verification_means", anchor=anchor)
    for m in means:
        _enum(f, m, VERIFICATION_MEANS_ES, where=where, key="verification_means", anchor=anchor)

    source_ids = _str_list(f, raw["sources"], where=where, key="sources", anchor=anchor)
    sources: list[Source] = []
    for sid in source_ids:
        if sid not in registry:
            f.fail(f"la fuente «{sid}» no está definida en «sources» de ningún archivo del catálogo",
                   where=where, key="sources", anchor=anchor)
        sources.append(registry[sid])
    if all(s.status == "unconfirmed" for s in sources):
        f.fail("ninguna de sus fuentes está confirmada; un criterio sin fuente citable no entra al catálogo",
               where=where, key="sources", anchor=anchor)

    detect = _str_list(f, raw["detect"], where=where, key="detect", anchor=anchor)
    patterns: list[re.Pattern[str]] = []
    for pattern in detect:
        try:
            patterns.append(compile_pattern(pattern))
        except re.error as error:
            f.fail(f"el patrón {pattern!r} no es válido ({error})", where=where, key="detect", anchor=anchor)

    applies_to: tuple[str, ...] = ()
    explicit = "applies_to" in raw
    if explicit:
        applies_to = _codes(f, raw["applies_to"], where=where, key="applies_to", anchor=anchor)

    optional = {k: _text(f, raw[k], where=where, key=k, anchor=anchor) for k in ("supervision", "note") if k in raw}
    criterion = Criterion(
        id=cid,
        title=_text(f, raw["title"], where=where, key="title", anchor=anchor),
        text=_text(f, raw["text"], where=where, key="text", anchor=anchor),
        dimension=_enum(f, raw["dimension"], DIMENSIONS_ES, where=where, key="dimension", anchor=anchor),
        aspect=_enum(f, raw["aspect"], ASPECTS_ES, where=where, key="aspect", anchor=anchor),
        level=_enum(f, raw["level"], LEVELS_ES, where=where, key="level", anchor=anchor),
        placements=tuple(placements),
        verification=_text(f, raw["verification"], where=where, key="verification", anchor=anchor),
        verification_means=tuple(dict.fromkeys(means)),
        legal_basis=_text(f, raw["legal_basis"], where=where, key="legal_basis", anchor=anchor),
        nature=_enum(f, raw["nature"], NATURES_ES, where=where, key="nature", anchor=anchor),
        sources=tuple(dict.fromkeys(sources)),
        detect=tuple(detect),
        applies_to=applies_to,
        category_id=category_id,
        supervision=optional.get("supervision"),
        note=optional.get("note"),
        origin=f.path,
        patterns=tuple(patterns),
    )
    return criterion, explicit


# --------------------------------------------------------------------------- merging


@dataclass
class _CategoryDraft:
    id: str
    name: str | None
    unspsc: tuple[str, ...]
    description: str | None
    sources: tuple[Source, ...]
    origin: str
    criteria: dict[str, tuple[Criterion, bool]] = field(default_factory=dict)


def _build(files: list[_File]) -> Catalog:
    registry: dict[str, Source] = {}
    for f in files:
        for sid, source in f.sources.items():
            if f.package and sid in registry:
                f.fail(f"la fuente «{sid}» ya está definida en {registry[sid].origin}", where=f"fuente {sid}",
                       anchor=(sid, ""))
            registry[sid] = source

    drafts: dict[str, _CategoryDraft] = {}
    home: dict[str, str] = {}  # criterion id -> category id
    for f in files:
        _merge_file(f, registry, drafts, home)

    categories: list[Category] = []
    for draft in drafts.values():
        built = []
        for criterion, explicit in draft.criteria.values():
            codes = criterion.applies_to if explicit else draft.unspsc
            built.append(dataclasses.replace(criterion, applies_to=codes, category_id=draft.id))
        categories.append(Category(draft.id, draft.name or draft.id, draft.unspsc, tuple(built),
                                   draft.description, draft.sources, draft.origin))
    versions = [str(f.data["version"]) for f in files if f.package]
    version = max(versions) if versions else "sin versión"
    return Catalog(version=version, categories=tuple(categories), files=tuple(f.path for f in files),
                   sources=dict(registry))


def _merge_file(f: _File, registry: dict[str, Source], drafts: dict[str, _CategoryDraft],
                home: dict[str, str]) -> None:
    for rid in f.data.get("remove", []) or []:
        if rid not in home:
            f.fail(f"no existe en el catálogo el criterio «{rid}» que se pide quitar", key="remove",
                   anchor=("remove", ""))
        del drafts[home.pop(rid)].criteria[rid]

    raw_categories = f.data.get("categories", []) or []
    if not isinstance(raw_categories, list):
        f.fail("debe ser una lista de categorías", key="categories")
    seen_here: set[str] = set()
    seen_criteria: set[str] = set()
    for raw in raw_categories:
        if not isinstance(raw, dict):
            f.fail("cada categoría es un diccionario con id, name, unspsc y criteria", key="categories")
        cat_id = raw.get("id")
        if not isinstance(cat_id, str) or not _CATEGORY_ID.match(cat_id):
            f.fail(f"id de categoría {cat_id!r} no válido: use minúsculas, números y guiones", key="categories")
        where, anchor = f"categoría {cat_id}", ("id", cat_id)
        if cat_id in seen_here:
            f.fail("la categoría está repetida en el archivo", where=where, anchor=anchor)
        seen_here.add(cat_id)
        unknown = set(raw) - _CATEGORY_KEYS
        if unknown:
            f.fail(f"claves no reconocidas: {', '.join(sorted(map(str, unknown)))}; "
                   f"se permiten: {', '.join(sorted(_CATEGORY_KEYS))}", where=where, anchor=anchor)
        existing = drafts.get(cat_id)
        if existing is not None and f.package:
            f.fail(f"la categoría ya está definida en {existing.origin}", where=where, anchor=anchor)
        if existing is None:
            for key in ("name", "unspsc", "criteria"):
                if raw.get(key) in (None, "", []):
                    f.fail("falta este dato obligatorio de una categoría nueva", where=where, key=key, anchor=anchor)
            existing = drafts[cat_id] = _CategoryDraft(cat_id, None, (), None, (), f.path)
        if "name" in raw:
            existing.name = _text(f, raw["name"], where=where, key="name", anchor=anchor)
        if "unspsc" in raw:
            existing.unspsc = _codes(f, raw["unspsc"], where=where, key="unspsc", anchor=anchor)
        if "description" in raw:
            existing.description = _text(f, raw["description"], where=where, key="description", anchor=anchor)
        if "sources" in raw:
            ids = _str_list(f, raw["sources"], where=where, key="sources", anchor=anchor)
            for sid in ids:
                if sid not in registry:
                    f.fail(f"la fuente «{sid}» no está definida", where=where, key="sources", anchor=anchor)
            existing.sources = tuple(registry[s] for s in ids)
        criteria = raw.get("criteria", []) or []
        if not isinstance(criteria, list):
            f.fail("debe ser una lista de criterios", where=where, key="criteria", anchor=anchor)
        for raw_criterion in criteria:
            criterion, explicit = _parse_criterion(f, raw_criterion, cat_id, registry)
            if criterion.id in seen_criteria:
                f.fail("el criterio está repetido en el archivo", where=f"criterio {criterion.id}",
                       anchor=("id", criterion.id))
            seen_criteria.add(criterion.id)
            previous = home.get(criterion.id)
            if previous is not None and f.package:
                f.fail(f"el id ya está usado en la categoría «{previous}» ({drafts[previous].criteria[criterion.id][0].origin})",
                       where=f"criterio {criterion.id}", anchor=("id", criterion.id))
            if previous is not None and previous != cat_id:
                del drafts[previous].criteria[criterion.id]
            existing.criteria[criterion.id] = (criterion, explicit)
            home[criterion.id] = cat_id
