"""The Strafantrag deadline (§ 77b StGB): the last day to file and how many days remain.

Officials tell the bot when an incident happened (read by :mod:`bot.dates`); the bot states the
last day to file a Strafantrag (three months from knowledge of the act and the offender) and how
many days remain.

The deadline is the day with the same number three months later, or the last day of that month
when it is shorter (§§ 187, 188 BGB). If that day is a Saturday, Sunday or public holiday, the
period ends at the end of the next working day (§ 77b Abs. 1 S. 2 StGB). Holidays are the Land's
when the Land is known, otherwise only the nationwide ones: an unknown Land can only make the
stated last day earlier than the legal one, never later.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from bot.dates import add_months, next_working_day

DeadlineState = Literal["open", "soon", "last_day", "passed"]

STRAFANTRAG_MONTHS = 3


@dataclass(frozen=True)
class DeadlineStatus:
    """Where a Strafantrag deadline stands on a given day.

    Attributes:
        start: The day the period started (incident, or knowledge of act and offender).
        last_day: The last day to file the Strafantrag (after any weekend/holiday shift).
        days_left: ``(last_day - today).days``; negative once the deadline has passed.
        state: ``open``, ``soon`` (fewer than ``warn_days`` left), ``last_day`` or ``passed``.
        computed: ``start`` plus three months, before the shift; equals ``last_day`` when that
            day is a working day.
        region: The ISO 3166-2:DE code whose holidays were used; None for nationwide only.
    """

    start: date
    last_day: date
    days_left: int
    state: DeadlineState
    computed: date | None = None
    region: str | None = None

    @property
    def shifted(self) -> bool:
        """True when the period was extended past a Saturday, Sunday or holiday."""
        return self.computed is not None and self.computed != self.last_day


def strafantrag_deadline(start: date, region: str | None = None) -> date:
    """Last day to file a Strafantrag (§ 77b StGB) for a period that started on ``start``.

    Args:
        start: Day of the incident (strictly: of knowledge of act and offender).
        region: ISO 3166-2:DE code of the Land whose holidays count; None for nationwide only.

    Returns:
        ``start`` plus three months, clamped to the month end (30.11.2027 → 29.2.2028), moved to
        the next working day when that is a Saturday, Sunday or public holiday (Sat 12.12.2026 → Mon 14.12.).
    """
    return next_working_day(add_months(start, STRAFANTRAG_MONTHS), region)


def deadline_status(start: date, today: date, warn_days: int = 14, region: str | None = None) -> DeadlineStatus:
    """Compute the deadline for ``start`` and how it stands on ``today``.

    Args:
        start: Day the three-month period started.
        today: The current day.
        warn_days: With fewer days left than this the state is ``soon``.
        region: ISO 3166-2:DE code of the Land whose holidays count; None for nationwide only.

    Returns:
        The deadline, the days left and one of ``open``, ``soon``, ``last_day``, ``passed``.
    """
    computed = add_months(start, STRAFANTRAG_MONTHS)
    last_day = next_working_day(computed, region)
    days_left = (last_day - today).days
    state: DeadlineState
    if days_left < 0:
        state = "passed"
    elif days_left == 0:
        state = "last_day"
    elif days_left < warn_days:
        state = "soon"
    else:
        state = "open"
    return DeadlineStatus(start, last_day, days_left, state, computed=computed, region=region)
