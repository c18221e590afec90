"""The entity's CPS plan: progressive yearly targets and priority UNSPSC classes.

A plan is a YAML file (or, from the web form, a dict) such as::

    entity_nit: "899999331"
    entity: Alcaldía Municipal de Gachetá
    targets:
      2025: {share_processes: 0.05, share_value: 0.03}
      2026: {share_processes: 0.10, share_value: 0.08}
    priority_classes: ["151215", "401615", "471318"]

Shares are fractions between 0 and 1 (0.10 = 10 %); classes are UNSPSC classes of 6 digits.
Every problem is reported in Spanish with the file and the field.
"""

from __future__ import annotations

import itertools
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from cps.errors import InputError
from cps.law import nit as nit_rules
from cps.law import unspsc

ALLOWED_KEYS = ("entity_nit", "entity", "targets", "priority_classes")
TARGET_KEYS = ("share_processes", "share_value")
FIRST_YEAR, LAST_YEAR = 2000, 2100


class YearTarget(BaseModel):
    model_config = ConfigDict(frozen=True)

    share_processes: Decimal
    share_value: Decimal


class Plan(BaseModel):
    model_config = ConfigDict(frozen=True)

    entity_nit: str  # base NIT without check digit, as SECOP II writes nit_entidad
    entity_nit_input: str  # as written in the plan
    entity: str
    targets: dict[int, YearTarget]
    priority_classes: tuple[str, ...]
    warnings: tuple[str, ...] = ()

    def target(self, year: int) -> YearTarget | None:
        return self.targets.get(year)


def load_plan(path: str | Path) -> Plan:
    """Read and validate a plan YAML file."""
    source = str(path)
    p = Path(path)
    if not p.exists():
        raise InputError("el archivo del plan no existe", file=source)
    if p.is_dir():
        raise InputError("se esperaba el archivo YAML del plan y es una carpeta", file=source)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        line = p.read_bytes()[: error.start].count(b"\n") + 1
        raise InputError(
            "el plan no está codificado en UTF-8; guárdelo como UTF-8", file=source, line=line
        ) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "sintaxis no válida"
        raise InputError(
            f"el plan no es un YAML válido ({problem})",
            file=source,
            line=mark.line + 1 if mark is not None else None,
        ) from None
    return plan_from_dict(data, source=source)


def plan_from_dict(data: Any, *, source: str = "plan") -> Plan:
    """Validate a plan given as a mapping (YAML document, web form, JSON API)."""
    if not isinstance(data, dict):
        raise InputError(
            "el plan debe ser un mapa con entity_nit, entity, targets y priority_classes", file=source
        )
    unknown = [str(k) for k in data if k not in ALLOWED_KEYS]
    if unknown:
        raise InputError(
            f"clave desconocida «{unknown[0]}»; las claves del plan son: {', '.join(ALLOWED_KEYS)}",
            file=source,
            field=unknown[0],
        )
    for key in ("entity_nit", "entity", "targets"):
        if data.get(key) in (None, "", {}, []):
            raise InputError("falta este dato obligatorio del plan", file=source, field=key)

    nit_text = data["entity_nit"]
    if isinstance(nit_text, bool) or not isinstance(nit_text, str | int):
        raise InputError("el NIT debe escribirse como texto, por ejemplo \"899999331\"", file=source,
                         field="entity_nit")
    nit_text = str(nit_text).strip()
    try:
        parsed = nit_rules.parse(nit_text)
    except ValueError:
        raise InputError(
            f"NIT no válido: «{nit_text}» (escriba los dígitos, con o sin dígito de verificación: "
            "899999331 o 899999331-2)",
            file=source,
            field="entity_nit",
        ) from None
    if not parsed.valid:
        raise InputError(
            f"el dígito de verificación de «{nit_text}» no corresponde: para {parsed.base} es "
            f"{parsed.expected_digit} ({nit_rules.RULE})",
            file=source,
            field="entity_nit",
        )

    entity = data["entity"]
    if not isinstance(entity, str) or not entity.strip():
        raise InputError("el nombre de la entidad debe ser un texto", file=source, field="entity")

    targets = _targets(data["targets"], source)
    classes = _classes(data.get("priority_classes"), source)
    return Plan(
        entity_nit=parsed.base,
        entity_nit_input=nit_text,
        entity=entity.strip(),
        targets=targets,
        priority_classes=classes,
        warnings=tuple(_progressive_warnings(targets)),
    )


def _targets(raw: Any, source: str) -> dict[int, YearTarget]:
    if not isinstance(raw, dict):
        raise InputError(
            "las metas deben ser un mapa año → {share_processes, share_value}, por ejemplo "
            "2026: {share_processes: 0.10, share_value: 0.08}",
            file=source,
            field="targets",
        )
    out: dict[int, YearTarget] = {}
    for key, value in raw.items():
        year = _year(key, source)
        where = f"targets.{year}"
        if year in out:
            raise InputError("año repetido en las metas", file=source, field=where)
        if not isinstance(value, dict):
            raise InputError(
                "la meta del año debe ser un mapa {share_processes: …, share_value: …}",
                file=source,
                field=where,
            )
        unknown = [str(k) for k in value if k not in TARGET_KEYS]
        if unknown:
            raise InputError(
                f"clave desconocida «{unknown[0]}»; cada meta lleva share_processes (proporción de "
                "procesos) y share_value (proporción del valor)",
                file=source,
                field=f"{where}.{unknown[0]}",
            )
        shares = {}
        for name in TARGET_KEYS:
            if name not in value or value[name] is None:
                raise InputError("falta esta meta", file=source, field=f"{where}.{name}")
            shares[name] = _share(value[name], source, f"{where}.{name}")
        out[year] = YearTarget(**shares)
    if not out:
        raise InputError("el plan no tiene metas", file=source, field="targets")
    return dict(sorted(out.items()))


def _year(key: Any, source: str) -> int:
    text = str(key).strip()
    if isinstance(key, bool) or not text.isdigit():
        raise InputError(f"«{key}» no es un año (escriba por ejemplo 2026)", file=source, field="targets")
    year = int(text)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InputError(f"año fuera de rango: {year}", file=source, field=f"targets.{text}")
    return year


def _share(value: Any, source: str, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise InputError("la meta debe ser un número entre 0 y 1", file=source, field=where)
    text = str(value).strip()
    if text.endswith("%"):
        raise InputError(
            f"escriba la meta como proporción entre 0 y 1, sin «%» (10 % = 0.10); se leyó «{text}»",
            file=source,
            field=where,
        )
    try:
        share = Decimal(text)
    except InvalidOperation:
        raise InputError(f"«{text}» no es un número", file=source, field=where) from None
    if not share.is_finite() or share < 0:
        raise InputError(f"la meta no puede ser negativa: {text}", file=source, field=where)
    if share > 1:
        raise InputError(
            f"la meta es una proporción entre 0 y 1 (10 % = 0.10); se leyó {text}",
            file=source,
            field=where,
        )
    return share


def _classes(raw: Any, source: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise InputError(
            "las clases prioritarias deben ser una lista, por ejemplo [\"151215\", \"471318\"]",
            file=source,
            field="priority_classes",
        )
    out: list[str] = []
    for i, item in enumerate(raw):
        where = f"priority_classes[{i}]"
        if isinstance(item, bool) or not isinstance(item, str | int):
            raise InputError("cada clase UNSPSC es un texto de 6 dígitos", file=source, field=where)
        text = str(item).strip()
        if text.upper().startswith("V1."):
            text = text[3:]
        if len(text) == 8 and text.isdigit() and text.endswith("00"):
            raise InputError(
                f"«{item}» tiene 8 dígitos; las clases prioritarias se escriben con 6 dígitos ({text[:6]})",
                file=source,
                field=where,
            )
        if len(text) != 6 or not text.isdigit():
            raise InputError(
                f"«{item}» no es una clase UNSPSC de 6 dígitos (por ejemplo 151215)", file=source, field=where
            )
        try:
            code = unspsc.Code.parse(text + "00")
        except unspsc.MalformedCode as error:
            raise InputError(str(error), file=source, field=where) from None
        if code.level != "class":
            level = unspsc.LEVEL_NAMES_ES[code.level]
            raise InputError(
                f"«{text}» es un {level} UNSPSC, no una clase (los dos últimos dígitos no pueden ser 00)",
                file=source,
                field=where,
            )
        if text not in out:
            out.append(text)
    return tuple(out)


def _progressive_warnings(targets: dict[int, YearTarget]) -> list[str]:
    """Goals are progressive: warn (without failing) when a year asks for less than the one before."""
    warnings = []
    years = sorted(targets)
    for prev, year in itertools.pairwise(years):
        for name, label in (("share_processes", "de procesos"), ("share_value", "de valor")):
            before, after = getattr(targets[prev], name), getattr(targets[year], name)
            if after < before:
                warnings.append(
                    f"La meta {label} de {year} ({after}) es menor que la de {prev} ({before}); "
                    "las metas del plan deberían ser progresivas."
                )
    return warnings
