"""Business days (días hábiles) in Colombia: Monday to Friday except national holidays.

Holidays come from the pinned ``holidays`` package (Ley 51 de 1983 "Ley Emiliani" and later
laws such as Ley 2578 de 2026); a regression test pins each year's count.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import holidays as _holidays


@cache
def _colombia(year: int) -> dict[dt.date, str]:
    return dict(_holidays.country_holidays("CO", years=year, language="es").items())


def holiday_name(day: dt.date) -> str | None:
    return _colombia(day.year).get(day)


def is_business_day(day: dt.date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


def add_business_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` business days after ``start`` (``start`` itself not counted)."""
    if days < 0:
        raise ValueError("days must be >= 0")
    current = start
    remaining = days
    while remaining:
        current += dt.timedelta(days=1)
        if is_business_day(current):
            remaining -= 1
    return current


def business_days_between(start: dt.date, end: dt.date) -> int:
    """Business days after ``start`` up to and including ``end`` (0 when ``end <= start``)."""
    count = 0
    current = start
    while current < end:
        current += dt.timedelta(days=1)
        if is_business_day(current):
            count += 1
    return count
