"""German date reading: the day of an incident from a message, and calendar arithmetic.

* :mod:`bot.dates.reading` – :func:`read_date` and :func:`find_date` (how hits are read together),
* :mod:`bot.dates.relative`, :mod:`bot.dates.absolute`, :mod:`bot.dates.vague` – the curated
  patterns and what each match means,
* :mod:`bot.dates.hits` – one recognised expression (:class:`~bot.dates.hits.Hit`),
* :mod:`bot.dates.vocabulary` – number, ordinal, month and weekday words,
* :mod:`bot.dates.calendar` – adding months, working days and the holidays of a Land.

The Strafantrag deadline built on these is :mod:`bot.deadline`.
"""

from __future__ import annotations

from bot.dates.calendar import add_months, holiday_region, is_working_day, next_working_day
from bot.dates.reading import DateReading, ReadingStatus, find_date, read_date

__all__ = [
    "DateReading",
    "ReadingStatus",
    "add_months",
    "find_date",
    "holiday_region",
    "is_working_day",
    "next_working_day",
    "read_date",
]
