"""Hits: one recognised date expression each, and what a vague one says about the day.

Every rule is a regex and a :data:`Builder` that turns a match into a :class:`Hit` (or None when
the match is no date after all, e.g. "guten Morgen").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

HitStatus = Literal["ok", "future", "vague", "invalid"]


@dataclass(frozen=True)
class Constraint:
    """What a vague expression says about a date ("letztes Jahr" → year, "am Wochenende" → Sa/So)."""

    year: int | None = None
    months: frozenset[int] | None = None
    days: tuple[int, int] | None = None
    week_monday: date | None = None
    weekend: bool = False

    def allows(self, day: date) -> bool:
        """True when ``day`` fits everything this expression says."""
        if self.year is not None and day.year != self.year:
            return False
        if self.months is not None and day.month not in self.months:
            return False
        if self.days is not None and not self.days[0] <= day.day <= self.days[1]:
            return False
        if self.week_monday is not None and not 0 <= (day - self.week_monday).days <= 6:
            return False
        return not (self.weekend and day.weekday() < 5)


@dataclass(frozen=True)
class Hit:
    """One recognised expression, with positions in the normalised text.

    ``month_day`` marks a date given without a year and ``weekday`` a bare weekday: both depend
    on context. A vague hit's ``constraint`` is None when it says nothing checkable. ``soft``
    vague words ("damals") never contradict a date; ``dated`` vague hits name one specific but
    ambiguous day ("um den 3. Oktober", "heute Nacht") and block later dates in ``find_date``.
    """

    start: int
    end: int
    status: HitStatus
    day: date | None = None
    year_assumed: bool = False
    month_day: tuple[int, int] | None = None
    weekday: int | None = None
    constraint: Constraint | None = None
    soft: bool = False
    dated: bool = False


Builder = Callable[[re.Match[str], date, str], Hit | None]


def hit_at(
    match: re.Match[str],
    day: date,
    today: date,
    *,
    year_assumed: bool = False,
    month_day: tuple[int, int] | None = None,
    weekday: int | None = None,
) -> Hit:
    status: HitStatus = "future" if day > today else "ok"
    return Hit(match.start(), match.end(), status, day, year_assumed, month_day, weekday)


def vague_hit(match: re.Match[str], constraint: Constraint | None = None, *, dated: bool = False) -> Hit:
    return Hit(match.start(), match.end(), "vague", constraint=constraint, dated=dated)


def invalid_hit(match: re.Match[str]) -> Hit:
    return Hit(match.start(), match.end(), "invalid")


def future_hit(match: re.Match[str], day: date | None = None) -> Hit:
    return Hit(match.start(), match.end(), "future", day)
