"""Colombian departments (DIVIPOLA) and how to find them in a text."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from cps import yamlio
from cps.textnorm import fold


@cache
def departments() -> dict[str, str]:
    """DANE code → department name."""
    text = resources.files("cps.law").joinpath("data", "departments.yaml").read_text(encoding="utf-8")
    return {str(k): str(v) for k, v in yamlio.load(text)["departments"].items()}


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for name in departments().values():
        key = fold(name).split(",")[0]
        if key.startswith("archipielago"):
            key = "san andres"
        out.append((name, re.compile(r"\b" + re.escape(key) + r"\b")))
    return out


def departments_in(text: str) -> list[str]:
    """Department names mentioned in ``text`` (accent- and case-insensitive), in order of appearance."""
    folded = fold(text)
    found = []
    for name, rx in _patterns():
        m = rx.search(folded)
        if m:
            found.append((m.start(), name))
    return [name for _, name in sorted(found)]


def is_department(word: str) -> bool:
    return bool(departments_in(word)) and len(fold(word)) <= 40
