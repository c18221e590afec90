"""Helpers shared by the subcommands: JSON on stdout, Spanish text, input paths."""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from cps.errors import InputError


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    to_dict = getattr(value, "model_dump", None)
    if callable(to_dict):
        return to_dict(mode="json")
    raise TypeError(f"no se puede convertir a JSON: {type(value).__name__}")


def to_json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, default=_default)


def print_json(obj: Any) -> None:
    """Print one JSON object on stdout and nothing else (CONTRACTS.md)."""
    sys.stdout.write(to_json(obj) + "\n")


def existing_file(path: str) -> Path:
    """Resolve an input path or fail with a Spanish message naming it."""
    p = Path(path)
    if not p.exists():
        raise InputError("el archivo no existe", file=path)
    if p.is_dir():
        raise InputError("se esperaba un archivo y es una carpeta", file=path)
    return p
