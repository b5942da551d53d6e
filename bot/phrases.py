"""German building blocks (``knowledge/phrases.yml``): dates, times and availability wording."""

from __future__ import annotations

from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.paths import KNOWLEDGE_DIR

PHRASES_FILE = KNOWLEDGE_DIR / "phrases.yml"


@cache
def phrases(path: Path = PHRASES_FILE) -> dict[str, Any]:
    """The phrase table, loaded once."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or len(data.get("weekdays") or []) != 7 or len(data.get("months") or []) != 12:
        raise ValueError(f"{path}: 'weekdays' (7) und 'months' (12) fehlen oder sind unvollständig")
    return data


def format_date(day: date, weekday: bool = True) -> str:
    """'Mittwoch, 2. Dezember 2026' (or without the weekday)."""
    table = phrases()
    template = table["date_with_weekday"] if weekday else table["date"]
    return str(template).format(
        weekday=table["weekdays"][day.weekday()], day=day.day, month=table["months"][day.month - 1], year=day.year
    )


def format_time(moment: time | datetime) -> str:
    """'9 Uhr' for full hours, '9:30 Uhr' otherwise."""
    table = phrases()
    if moment.minute == 0:
        return str(table["time_hour"]).format(hour=moment.hour)
    return str(table["time_minute"]).format(hour=moment.hour, minute=moment.minute)


def format_when(moment: datetime, now: datetime) -> str:
    """A point in the near future relative to ``now``: 'heute, 9 Uhr', 'Montag, 9 Uhr', ..."""
    table = phrases()
    days = (moment.date() - now.date()).days
    clock = format_time(moment)
    weekday = table["weekdays"][moment.weekday()]
    if days == 0:
        return str(table["when"]["today"]).format(time=clock)
    if days == 1:
        return str(table["when"]["tomorrow"]).format(time=clock)
    if days < 7:
        return str(table["when"]["weekday"]).format(weekday=weekday, time=clock)
    return str(table["when"]["date"]).format(
        weekday=weekday, day=moment.day, month=table["months"][moment.month - 1], time=clock
    )


def format_weekly(hours: Any) -> str:
    """Weekly opening hours in one line, e.g. 'Mo–Fr 9–16 Uhr' (``bot.hours.Hours``)."""
    table = phrases()
    if hours.always:
        return str(table["hours_always"])
    short = table["weekdays_short"]
    lines = []
    for slot in hours.weekly:
        days = sorted(slot.weekdays)
        contiguous = days == list(range(days[0], days[-1] + 1))
        if len(days) > 1 and contiguous:
            label = str(table["hours_day_range"]).format(first=short[days[0]], last=short[days[-1]])
        else:
            label = ", ".join(short[d] for d in days)
        start = f"{slot.start.hour}" if slot.start.minute == 0 else f"{slot.start.hour}:{slot.start.minute:02d}"
        end = f"{slot.end.hour}" if slot.end.minute == 0 else f"{slot.end.hour}:{slot.end.minute:02d}"
        lines.append(str(table["hours_slot"]).format(days=label, start=start, end=end))
    return ", ".join(lines)
