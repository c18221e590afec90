"""Small Spanish wording helpers shared by the reports."""

from __future__ import annotations


def count(n: int, singular: str, plural: str) -> str:
    """``count(1, "criterio", "criterios")`` → "1 criterio"; 0 and 2 or more take the plural."""
    return f"{n} {singular if n == 1 else plural}"
