"""UNSPSC (Clasificador de Bienes y Servicios de Naciones Unidas) code structure.

A code has 8 digits in four levels of two digits each: segment ``XX000000``, family
``XXXX0000``, class ``XXXXXX00`` and commodity (producto) ``XXXXXXXX``. SECOP II writes
``V1.`` followed by the 8 digits. Colombia Compra Eficiente uses version 14.080.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from cps import yamlio

Level = Literal["segment", "family", "class", "commodity"]
LEVELS: tuple[Level, ...] = ("segment", "family", "class", "commodity")
LEVEL_NAMES_ES: dict[str, str] = {
    "segment": "segmento",
    "family": "familia",
    "class": "clase",
    "commodity": "producto",
}
RULE = "Estructura UNSPSC: 8 dígitos; segmento XX000000, familia XXXX0000, clase XXXXXX00, producto XXXXXXXX"

_PREFIX_LEN: dict[str, int] = {"segment": 2, "family": 4, "class": 6, "commodity": 8}
_CODE = re.compile(r"^(?:V1\.)?(\d{8})$")


class MalformedCode(ValueError):
    pass


@dataclass(frozen=True)
class Code:
    digits: str

    @classmethod
    def parse(cls, text: str) -> Code:
        m = _CODE.match(text.strip())
        if not m:
            raise MalformedCode(f"código UNSPSC mal formado: {text!r} (debe tener 8 dígitos)")
        digits = m.group(1)
        if digits[:2] == "00":
            raise MalformedCode(f"código UNSPSC sin segmento: {text!r}")
        # a level may only be non-zero when the levels above it are
        pairs = [digits[i : i + 2] for i in range(0, 8, 2)]
        seen_zero = False
        for pair in pairs:
            if pair == "00":
                seen_zero = True
            elif seen_zero:
                raise MalformedCode(f"código UNSPSC con niveles salteados: {text!r}")
        return cls(digits)

    @property
    def level(self) -> Level:
        pairs = [self.digits[i : i + 2] for i in range(0, 8, 2)]
        depth = max(i for i, p in enumerate(pairs) if p != "00")
        return LEVELS[depth]

    def prefix(self, level: Level) -> str:
        return self.digits[: _PREFIX_LEN[level]]

    def at(self, level: Level) -> str:
        """The code of the ancestor (or self) at ``level``, padded to 8 digits."""
        return self.prefix(level).ljust(8, "0")

    def ancestors(self) -> list[str]:
        """Codes from self up to the segment, most specific first (self included)."""
        idx = LEVELS.index(self.level)
        return [self.at(LEVELS[i]) for i in range(idx, -1, -1)]

    def contains(self, other: Code) -> bool:
        """True when ``other`` is self or lies below it."""
        return other.digits.startswith(self.prefix(self.level))

    @property
    def is_service(self) -> bool:
        """Segments 70 to 94 are services (95 is land and buildings)."""
        return 70 <= int(self.digits[:2]) <= 94

    def __str__(self) -> str:
        return self.digits


def is_wellformed(text: str) -> bool:
    try:
        Code.parse(text)
    except MalformedCode:
        return False
    return True


@cache
def segment_names() -> dict[str, str]:
    text = resources.files("cps.law").joinpath("data", "unspsc_segments.yaml").read_text(encoding="utf-8")
    return {str(k): str(v) for k, v in yamlio.load(text)["segments"].items()}


def segment_name(code: Code) -> str | None:
    return segment_names().get(code.at("segment"))
