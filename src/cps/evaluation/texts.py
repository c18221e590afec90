"""Spanish (es-CO) renderings shared by the reasons, the JSON trace and the report."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from cps.evaluation.model import BOGOTA
from cps.money import format_percent, group_thousands

FOUR = Decimal("0.0001")


def day(value: dt.date) -> str:
    """``2026-07-24`` → ``24/07/2026``."""
    return value.strftime("%d/%m/%Y")


def moment(value: dt.datetime) -> str:
    """A moment in Colombian time: ``24/07/2026 10:00``."""
    return value.astimezone(BOGOTA).strftime("%d/%m/%Y %H:%M")


def share(value: Decimal) -> str:
    """``0.25`` → ``25 %``; ``0.1234`` → ``12,34 %``."""
    text = format_percent(value)
    return text.replace(",00 %", " %")


def number(value: Decimal, places: int = 2) -> str:
    """es-CO number, trailing zeros removed: ``39.50`` → ``39,5``; ``3950.5`` → ``3.950,5``."""
    q = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP).normalize()
    sign = "-" if q < 0 else ""
    whole, _, fraction = f"{abs(q):f}".partition(".")
    text = group_thousands(int(whole))
    return sign + (f"{text},{fraction}" if fraction else text)
