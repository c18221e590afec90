"""es-CO formatting for templates: ``{{ 49016520|pesos }}`` → ``$49.016.520``."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

from cps.money import format_cop, format_percent, group_thousands

register = template.Library()


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


@register.filter
def pesos(value: Any) -> str:
    """Whole pesos with thousands dots: ``$49.016.520``; empty for a missing amount."""
    amount = _decimal(value)
    return "" if amount is None else format_cop(amount)


@register.filter
def miles(value: Any) -> str:
    """An integer with thousands dots: ``100.000``."""
    amount = _decimal(value)
    return "" if amount is None else group_thousands(int(amount))


@register.filter
def porcentaje(value: Any, decimals: int = 1) -> str:
    """A share (0.1714) as a percentage: ``17,1 %``."""
    share = _decimal(value)
    return "" if share is None else format_percent(share, decimals=int(decimals))


@register.filter
def decimal_co(value: Any, decimals: int = 2) -> str:
    """A decimal number with a comma: ``9,5``."""
    number = _decimal(value)
    if number is None:
        return ""
    text = f"{number:.{int(decimals)}f}"
    integer, _, fraction = text.partition(".")
    sign = "-" if integer.startswith("-") else ""
    grouped = group_thousands(abs(int(integer)))
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


@register.filter
def bar_width(value: Any, maximum: Any) -> str:
    """Width in percent (0–100, dot decimal for CSS) of ``value`` against ``maximum``."""
    number, top = _decimal(value), _decimal(maximum)
    if number is None or top is None or top <= 0:
        return "0"
    share = max(Decimal(0), min(Decimal(100), number * 100 / top))
    return f"{share:.1f}"


@register.filter
def share_width(value: Any) -> str:
    """A share (0..1) as a CSS width in percent."""
    return bar_width(value, 1)


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    if isinstance(mapping, dict):
        return mapping.get(key, mapping.get(str(key)))
    return None
