import datetime as dt

from cps.law import calendar


def test_colombian_holidays_2026_pinned():
    # holidays 0.108 includes Ley 2578 de 2026; a change in this count means a new law or a new version
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(365)]
    assert sum(1 for d in days if calendar.holiday_name(d)) == 19
    assert calendar.holiday_name(dt.date(2026, 7, 20))  # Independencia


def test_business_days_skip_weekends_and_holidays():
    # Friday 17 July 2026 + 1 business day: Monday 20 July is a holiday → Tuesday 21
    assert calendar.add_business_days(dt.date(2026, 7, 17), 1) == dt.date(2026, 7, 21)
    assert calendar.business_days_between(dt.date(2026, 7, 17), dt.date(2026, 7, 21)) == 1
    assert calendar.is_business_day(dt.date(2026, 7, 22))
    assert not calendar.is_business_day(dt.date(2026, 7, 25))
