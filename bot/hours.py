"""Opening hours: is a contact reachable now (Europe/Berlin, German public holidays), and when next.

Public holidays come from the maintained ``holidays`` library (nationwide, plus the Land of the
contact's seat when ``holiday_region`` is set), never from a hand-written list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Literal
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")
DAY_KEYS = ("mo", "di", "mi", "do", "fr", "sa", "so")
HOLIDAY_REGIONS = frozenset(
    {"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"}
)
SEARCH_DAYS = 21


@dataclass(frozen=True)
class Slot:
    """Opening times on some weekdays (0 = Monday); ``end`` is exclusive."""

    weekdays: frozenset[int]
    start: time
    end: time


@dataclass(frozen=True)
class Hours:
    """When a contact can be reached."""

    always: bool = False
    weekly: tuple[Slot, ...] = ()
    closed_on_holidays: bool = True
    holiday_region: str | None = None
    note: str | None = None
    unknown: bool = False


@dataclass(frozen=True)
class Availability:
    """Reachability at one moment: ``open_until`` while open, ``next_open`` while closed."""

    state: Literal["always", "open", "closed", "unknown"]
    open_until: datetime | None = None
    next_open: datetime | None = None


@cache
def _holidays(region: str | None, year: int) -> frozenset[date]:
    import holidays  # imported on first use: nothing heavy at import

    return frozenset(holidays.country_holidays("DE", subdiv=region, years=year))


def is_holiday(day: date, region: str | None = None) -> bool:
    """Whether ``day`` is a public holiday nationwide or in ``region`` (ISO 3166-2:DE code)."""
    return day in _holidays(region, day.year)


def _slots_on(hours: Hours, day: date) -> list[Slot]:
    if hours.closed_on_holidays and is_holiday(day, hours.holiday_region):
        return []
    return sorted((s for s in hours.weekly if day.weekday() in s.weekdays), key=lambda s: s.start)


def availability(hours: Hours, now: datetime) -> Availability:
    """Whether the contact is reachable at ``now`` (any timezone-aware time), and until/from when."""
    if hours.unknown:
        return Availability("unknown")
    if hours.always:
        return Availability("always")
    local = now.astimezone(BERLIN)
    for offset in range(SEARCH_DAYS):
        day = local.date() + timedelta(days=offset)
        for slot in _slots_on(hours, day):
            start = datetime.combine(day, slot.start, BERLIN)
            end = datetime.combine(day, slot.end, BERLIN)
            if offset == 0 and start <= local < end:
                return Availability("open", open_until=end)
            if start > local:
                return Availability("closed", next_open=start)
    return Availability("closed")


def parse_hours(raw: object) -> Hours:
    """Build :class:`Hours` from the ``hours`` mapping of ``knowledge/contacts.yml``.

    Raises:
        ValueError: with a German message naming the wrong part.
    """
    if not isinstance(raw, dict):
        raise ValueError("hours muss ein Objekt sein")
    always = bool(raw.get("always", False))
    unknown = bool(raw.get("unknown", False))
    region = raw.get("holiday_region")
    if region is not None and region not in HOLIDAY_REGIONS:
        raise ValueError(f"holiday_region '{region}' ist kein Länderkürzel ({', '.join(sorted(HOLIDAY_REGIONS))})")
    slots = []
    for index, entry in enumerate(raw.get("weekly") or []):
        days = entry.get("days") if isinstance(entry, dict) else None
        if not isinstance(days, list) or not days or not set(days) <= set(DAY_KEYS):
            raise ValueError(f"weekly[{index}].days: Liste aus {', '.join(DAY_KEYS)}")
        try:
            start = time.fromisoformat(str(entry["from"]))
            end = time.fromisoformat(str(entry["to"]))
        except (KeyError, ValueError) as error:
            raise ValueError(f"weekly[{index}]: from/to im Format HH:MM") from error
        if end <= start:
            raise ValueError(f"weekly[{index}]: 'to' muss nach 'from' liegen")
        slots.append(Slot(frozenset(DAY_KEYS.index(d) for d in days), start, end))
    if sum((always, unknown, bool(slots))) != 1:
        raise ValueError("genau eins von always: true, unknown: true oder weekly angeben")
    note = raw.get("note")
    return Hours(
        always=always,
        weekly=tuple(slots),
        closed_on_holidays=bool(raw.get("closed_on_holidays", True)),
        holiday_region=region,
        note=str(note) if note else None,
        unknown=unknown,
    )
