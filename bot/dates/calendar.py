"""Calendar arithmetic: whole months, working days and the public holidays of a Land.

Holidays come from :mod:`bot.hours` (the library ``holidays``); a region is an ISO 3166-2:DE
code ("SN"), or None for the nationwide holidays only.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import cache

from bot.hours import HOLIDAY_REGIONS, is_holiday


def add_months(day: date, months: int) -> date:
    """Move ``day`` by whole calendar months, clamping to the end of a shorter month.

    Args:
        day: The starting day.
        months: Months to add; negative values go back in time.

    Returns:
        The day with the same number ``months`` later (31.1. + 1 → 28./29.2.).
    """
    index = day.year * 12 + day.month - 1 + months
    year, month_index = divmod(index, 12)
    month = month_index + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@cache
def _region_aliases() -> dict[str, str]:
    from holidays.countries.germany import Germany  # imported on first use: nothing heavy at import

    return {str(k): str(v) for k, v in Germany.subdivisions_aliases.items()}


def holiday_region(land: str | None) -> str | None:
    """The ISO 3166-2:DE code for a Land name as the ``bundesland`` slot holds it ("Sachsen" → "SN").

    Codes pass through; None, empty or unknown names give None (nationwide holidays only).
    """
    if not land:
        return None
    name = land.strip()
    if name.upper() in HOLIDAY_REGIONS:
        return name.upper()
    return _region_aliases().get(name)


def is_working_day(day: date, region: str | None = None) -> bool:
    """Monday to Friday and no public holiday nationwide or in ``region`` (ISO code)."""
    return day.weekday() < 5 and not is_holiday(day, region)


def next_working_day(day: date, region: str | None = None) -> date:
    """``day`` itself if it is a working day, otherwise the next one (§ 77b Abs. 1 S. 2 StGB)."""
    while not is_working_day(day, region):
        day += timedelta(days=1)
    return day
