"""The ordered tie-break factors of Decreto 1082 de 2015 art. 2.2.1.2.4.2.17 (data)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources

from cps import yamlio


@dataclass(frozen=True)
class Factor:
    number: int
    key: str
    title: str
    text: str
    reserved: bool
    threshold: Decimal | None


@cache
def _data() -> dict[str, object]:
    text = resources.files("cps.law").joinpath("data", "tiebreak.yaml").read_text(encoding="utf-8")
    data: dict[str, object] = yamlio.load(text)
    return data


def norm() -> str:
    return str(_data()["norm"])


@cache
def factors() -> tuple[Factor, ...]:
    rows = _data()["factors"]
    assert isinstance(rows, list)
    return tuple(
        Factor(
            number=int(r["number"]),
            key=str(r["key"]),
            title=str(r["title"]),
            text=str(r["text"]),
            reserved=bool(r["reserved"]),
            threshold=Decimal(str(r["threshold"])) if r.get("threshold") is not None else None,
        )
        for r in rows
    )


def factor(number: int) -> Factor:
    for f in factors():
        if f.number == number:
            return f
    raise KeyError(number)
