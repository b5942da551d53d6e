"""Opening hours: Europe/Berlin time, weekends, German public holidays, the minute after closing."""

from __future__ import annotations

from datetime import datetime, time, timezone

import pytest

from bot.contacts import Contact, describe_availability
from bot.hours import BERLIN, Hours, Slot, availability, is_holiday, parse_hours

WEEKDAYS_9_16 = Hours(weekly=(Slot(frozenset(range(5)), time(9), time(16)),), holiday_region="NW")


def berlin(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("moment", "state", "until", "next_open"),
    [
        (berlin(2026, 11, 25, 10, 0), "open", berlin(2026, 11, 25, 16), None),  # Wednesday morning
        (berlin(2026, 11, 25, 15, 59), "open", berlin(2026, 11, 25, 16), None),
        (berlin(2026, 11, 25, 16, 0), "closed", None, berlin(2026, 11, 26, 9)),  # closing time is exclusive
        (berlin(2026, 11, 25, 16, 1), "closed", None, berlin(2026, 11, 26, 9)),
        (berlin(2026, 11, 25, 8, 59), "closed", None, berlin(2026, 11, 25, 9)),
        (berlin(2026, 11, 27, 16, 1), "closed", None, berlin(2026, 11, 30, 9)),  # Friday evening -> Monday
        (berlin(2026, 11, 28, 12, 0), "closed", None, berlin(2026, 11, 30, 9)),  # Saturday
        (berlin(2026, 11, 29, 12, 0), "closed", None, berlin(2026, 11, 30, 9)),  # Sunday
        (berlin(2026, 12, 24, 16, 30), "closed", None, berlin(2026, 12, 28, 9)),  # 25./26.12. holidays, 27. Sunday
        (berlin(2026, 12, 25, 10, 0), "closed", None, berlin(2026, 12, 28, 9)),  # Christmas Day
        (berlin(2026, 10, 3, 10, 0), "closed", None, berlin(2026, 10, 5, 9)),  # Tag der Deutschen Einheit (Saturday)
        (berlin(2027, 1, 1, 10, 0), "closed", None, berlin(2027, 1, 4, 9)),  # New Year (Friday)
        (berlin(2026, 4, 3, 10, 0), "closed", None, berlin(2026, 4, 7, 9)),  # Good Friday -> Easter Monday too
        (berlin(2026, 6, 4, 10, 0), "closed", None, berlin(2026, 6, 5, 9)),  # Fronleichnam: holiday in NRW
    ],
)
def test_availability_of_weekday_office_hours(
    moment: datetime, state: str, until: datetime | None, next_open: datetime | None
) -> None:
    result = availability(WEEKDAYS_9_16, moment)
    assert (result.state, result.open_until, result.next_open) == (state, until, next_open)


def test_regional_holiday_only_closes_in_that_land() -> None:
    corpus_christi = berlin(2026, 6, 4, 10, 0)  # not a holiday in Berlin or nationwide
    assert is_holiday(corpus_christi.date(), "NW")
    assert not is_holiday(corpus_christi.date(), "BE")
    assert availability(Hours(weekly=WEEKDAYS_9_16.weekly, holiday_region=None), corpus_christi).state == "open"


def test_utc_input_is_read_as_berlin_time() -> None:
    # 15:30 UTC in November is 16:30 in Berlin: closed
    assert availability(WEEKDAYS_9_16, datetime(2026, 11, 25, 15, 30, tzinfo=timezone.utc)).state == "closed"
    # 14:30 UTC in July is 16:30 in Berlin (summer time): closed; 13:30 UTC is 15:30: open
    assert availability(WEEKDAYS_9_16, datetime(2026, 7, 8, 14, 30, tzinfo=timezone.utc)).state == "closed"
    assert availability(WEEKDAYS_9_16, datetime(2026, 7, 8, 13, 30, tzinfo=timezone.utc)).state == "open"


def test_round_the_clock_and_unknown_hours() -> None:
    assert availability(Hours(always=True), berlin(2026, 12, 25, 3, 0)).state == "always"
    assert availability(Hours(unknown=True), berlin(2026, 11, 25, 10, 0)).state == "unknown"


def test_open_on_holidays_when_not_closed_on_holidays() -> None:
    hours = Hours(weekly=(Slot(frozenset(range(7)), time(7), time(22)),), closed_on_holidays=False)
    assert availability(hours, berlin(2026, 12, 25, 10, 0)).state == "open"
    assert availability(hours, berlin(2026, 12, 25, 22, 0)).next_open == berlin(2026, 12, 26, 7)


def test_several_slots_per_day_and_week() -> None:
    hours = parse_hours(
        {
            "weekly": [
                {"days": ["mo"], "from": "10:00", "to": "13:00"},
                {"days": ["di"], "from": "15:00", "to": "18:00"},
                {"days": ["do"], "from": "16:00", "to": "19:00"},
            ]
        }
    )
    assert availability(hours, berlin(2026, 11, 23, 13, 0)).next_open == berlin(2026, 11, 24, 15)
    assert availability(hours, berlin(2026, 11, 25, 12, 0)).next_open == berlin(2026, 11, 26, 16)
    assert availability(hours, berlin(2026, 11, 26, 18, 59)).state == "open"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"always": True, "weekly": [{"days": ["mo"], "from": "09:00", "to": "16:00"}]}, "genau eins"),
        ({}, "genau eins"),
        ({"weekly": [{"days": ["montag"], "from": "09:00", "to": "16:00"}]}, "days"),
        ({"weekly": [{"days": ["mo"], "from": "9 Uhr", "to": "16:00"}]}, "HH:MM"),
        ({"weekly": [{"days": ["mo"], "from": "16:00", "to": "09:00"}]}, "nach 'from'"),
        ({"always": True, "holiday_region": "XX"}, "holiday_region"),
    ],
)
def test_invalid_hours_are_rejected_with_a_german_message(raw: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_hours(raw)


def _contact(hours: Hours) -> Contact:
    from datetime import date

    return Contact(
        id="x",
        name="X",
        scope="national",
        kind="beratung",
        topics=frozenset({"all"}),
        hours=hours,
        emergency=False,
        description="d",
        source_title="s",
        source_url="https://example.org",
        verified=date(2026, 1, 1),
    )


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (berlin(2026, 11, 25, 10, 0), "jetzt erreichbar (bis 16 Uhr)"),
        (berlin(2026, 11, 25, 7, 0), "gerade nicht erreichbar – wieder ab heute, 9 Uhr"),
        (berlin(2026, 11, 25, 16, 1), "gerade nicht erreichbar – wieder ab morgen, 9 Uhr"),
        (berlin(2026, 11, 27, 16, 1), "gerade nicht erreichbar – wieder ab Montag, 9 Uhr"),
        (berlin(2026, 12, 23, 17, 0), "gerade nicht erreichbar – wieder ab morgen, 9 Uhr"),
        (berlin(2026, 12, 24, 16, 30), "gerade nicht erreichbar – wieder ab Montag, 9 Uhr"),
    ],
)
def test_availability_in_german(moment: datetime, expected: str) -> None:
    assert describe_availability(_contact(WEEKDAYS_9_16), moment) == expected
