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
    spans: list[tuple[int, int, str]] = []
    for name, rx in _patterns():
        spans.extend((m.start(), m.end(), name) for m in rx.finditer(folded))
    # "Norte de Santander" is not also a mention of Santander
    kept = [
        (start, name)
        for start, end, name in spans
        if not any(o_start <= start and end <= o_end and (o_end - o_start) > (end - start) for o_start, o_end, _ in spans)
    ]
    out: list[str] = []
    for _, name in sorted(kept):
        if name not in out:
            out.append(name)
    return out


def is_department(word: str) -> bool:
    return bool(departments_in(word)) and len(fold(word)) <= 40
