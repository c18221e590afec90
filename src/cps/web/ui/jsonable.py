"""Core results → plain JSON values, the same conversion the CLI applies before printing."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from cps.cli.output import to_json


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        return dump(mode="json", by_alias=True)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def jsonable(value: Any) -> Any:
    """Pydantic models (by alias), dataclasses, Decimals and dates → JSON-compatible values."""
    return json.loads(to_json(_plain(value)))
