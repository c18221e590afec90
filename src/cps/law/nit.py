"""NIT (Número de Identificación Tributaria) and its check digit, DIAN algorithm.

The check digit (dígito de verificación) weighs the digits of the NIT from right to left with
the primes 3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71; with ``r`` the weighted
sum modulo 11, the digit is ``r`` when ``r`` is 0 or 1, and ``11 - r`` otherwise
(Orden Administrativa DIAN 4 de 1989; Estatuto Tributario art. 555-1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WEIGHTS = (3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71)
RULE = "Algoritmo del dígito de verificación de la DIAN (módulo 11, pesos primos), Estatuto Tributario art. 555-1"

_NIT_RE = re.compile(r"^\s*(\d{1,3}(?:[.\s]?\d{3})*|\d{1,15})\s*(?:[-–]\s*(\d))?\s*$")


def check_digit(base: str) -> int:
    digits = re.sub(r"\D", "", base)
    if not digits or len(digits) > len(WEIGHTS):
        raise ValueError(f"NIT no válido: {base!r}")
    total = sum(int(d) * w for d, w in zip(reversed(digits), WEIGHTS, strict=False))
    r = total % 11
    return r if r in (0, 1) else 11 - r


@dataclass(frozen=True)
class Nit:
    base: str
    digit: int | None

    @property
    def expected_digit(self) -> int:
        return check_digit(self.base)

    @property
    def valid(self) -> bool:
        return self.digit is None or self.digit == self.expected_digit

    def formatted(self) -> str:
        return f"{self.base}-{self.digit if self.digit is not None else self.expected_digit}"


def parse(text: str) -> Nit:
    """Parse ``899999331-2``, ``899.999.331-2`` or ``899999331``."""
    m = _NIT_RE.match(text)
    if not m:
        raise ValueError(f"NIT no válido: {text!r}")
    base = re.sub(r"\D", "", m.group(1))
    if not 6 <= len(base) <= 15:
        raise ValueError(f"NIT no válido: {text!r}")
    return Nit(base=base, digit=int(m.group(2)) if m.group(2) else None)
