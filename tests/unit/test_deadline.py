"""Incident dates from German messages and the Strafantrag deadline (§ 77b StGB)."""

from __future__ import annotations

import dataclasses
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from bot import validate
from bot.contacts import LANDS
from bot.dates import DateReading, add_months, find_date, holiday_region, next_working_day, read_date
from bot.deadline import STRAFANTRAG_MONTHS, deadline_status, strafantrag_deadline
from bot.domain import domain_intents, load_domain
from bot.hours import HOLIDAY_REGIONS
from bot.knowledge import KNOWLEDGE_DIR, check_offences, knowledge_base
from bot.phrases import format_date as format_date_de

TODAY = date(2026, 11, 25)  # a Wednesday
MONDAY = date(2026, 11, 30)
SUNDAY = date(2026, 11, 29)
LEAP_DAY_AFTER = date(2028, 3, 1)  # a Wednesday in a leap year
NEW_YEAR = date(2026, 1, 5)  # a Monday early in January


def test_reference_days_are_the_weekdays_the_tests_assume() -> None:
    assert [d.weekday() for d in (TODAY, MONDAY, SUNDAY, LEAP_DAY_AFTER, NEW_YEAR)] == [2, 0, 6, 2, 0]


# --------------------------------------------------------------------------------------------
# read_date: one specific past day
# --------------------------------------------------------------------------------------------

READ_OK = [
    # relative days
    ("heute", date(2026, 11, 25)),
    ("Heute früh", date(2026, 11, 25)),
    ("gestern", date(2026, 11, 24)),
    ("Gestern abend", date(2026, 11, 24)),
    ("gestern gegen 20 Uhr", date(2026, 11, 24)),
    ("vorgestern", date(2026, 11, 23)),
    ("VORGESTERN", date(2026, 11, 23)),
    ("vor gestern", date(2026, 11, 23)),
    ("vorhin", date(2026, 11, 25)),
    # vor N Tagen / Wochen / Monaten / Jahren
    ("vor 3 Tagen", date(2026, 11, 22)),
    ("vor drei Tagen", date(2026, 11, 22)),
    ("vor einem Tag", date(2026, 11, 24)),
    ("vor 14 Tagen", date(2026, 11, 11)),
    ("vor zwölf Tagen", date(2026, 11, 13)),
    ("vor zwoelf Tagen", date(2026, 11, 13)),
    ("vor zwanzig Tagen", date(2026, 11, 5)),
    ("vor dreißig Tagen", date(2026, 10, 26)),
    ("vor einer Woche", date(2026, 11, 18)),
    ("vor zwei Wochen", date(2026, 11, 11)),
    ("vor 3 Wochen", date(2026, 11, 4)),
    ("vor einem Monat", date(2026, 10, 25)),
    ("vor zwei Monaten", date(2026, 9, 25)),
    ("vor elf Monaten", date(2025, 12, 25)),
    ("vor einem Jahr", date(2025, 11, 25)),
    ("vor zwei Jahren", date(2024, 11, 25)),
    ("heute vor einer Woche", date(2026, 11, 18)),
    ("gestern vor einer Woche", date(2026, 11, 17)),
    ("vor zehn Minuten", date(2026, 11, 25)),
    ("vor einer Stunde", date(2026, 11, 25)),
    ("vor einer halben Stunde", date(2026, 11, 25)),
    ("vor anderthalb Stunden", date(2026, 11, 25)),
    # weekdays: the most recent such day strictly before today
    ("am Montag", date(2026, 11, 23)),
    ("Am MONTAG", date(2026, 11, 23)),
    ("Montag", date(2026, 11, 23)),
    ("am Dienstagabend", date(2026, 11, 24)),
    ("letzten Dienstag", date(2026, 11, 24)),
    ("vergangenen Freitag", date(2026, 11, 20)),
    ("am Mittwoch", date(2026, 11, 18)),
    ("am Sonntag", date(2026, 11, 22)),
    ("Samstagnacht", date(2026, 11, 21)),
    # weekday in the previous ISO week (Mon 16.11. – Sun 22.11.)
    ("letzte Woche Dienstag", date(2026, 11, 17)),
    ("Dienstag letzter Woche", date(2026, 11, 17)),
    ("am Dienstag in der letzten Woche", date(2026, 11, 17)),
    ("letzte Woche am Donnerstag", date(2026, 11, 19)),
    ("Sonntag vergangener Woche", date(2026, 11, 22)),
    ("Montag vor zwei Wochen", date(2026, 11, 9)),
    ("vor zwei Wochen am Montag", date(2026, 11, 9)),
    ("Montag dieser Woche", date(2026, 11, 23)),
    # agreeing expressions read together
    ("gestern, also Dienstag", date(2026, 11, 24)),
    ("heute, Mittwoch", date(2026, 11, 25)),
    ("am Wochenende, am Samstag", date(2026, 11, 21)),
    ("Freitag, den 20.", date(2026, 11, 20)),
    ("irgendwann gestern", date(2026, 11, 24)),
    # explicit years
    ("3.10.2026", date(2026, 10, 3)),
    ("03.10.2026", date(2026, 10, 3)),
    ("3.10.26", date(2026, 10, 3)),
    ("2026-10-03", date(2026, 10, 3)),
    ("am 3. 10. 2026", date(2026, 10, 3)),
    ("am 3. Oktober 2025", date(2025, 10, 3)),
    ("3.10.2025 um 20 Uhr", date(2025, 10, 3)),
    ("am 3. Oktober letzten Jahres", date(2025, 10, 3)),
    ("letztes Jahr am 3. Oktober", date(2025, 10, 3)),
    ("30.11.2025", date(2025, 11, 30)),
]


@pytest.mark.parametrize(("text", "expected"), READ_OK)
def test_read_date_ok(text: str, expected: date) -> None:
    reading = read_date(text, TODAY)
    assert (reading.status, reading.day) == ("ok", expected)
    assert reading.year_assumed is False


READ_OK_WITHOUT_YEAR = [
    ("am 3. Oktober", date(2026, 10, 3)),
    ("3. Okt.", date(2026, 10, 3)),
    ("3 Oktober", date(2026, 10, 3)),
    ("3.Oktober", date(2026, 10, 3)),
    ("3ten Oktober", date(2026, 10, 3)),
    ("am dritten Oktober", date(2026, 10, 3)),
    ("03.10.", date(2026, 10, 3)),
    ("am 3.10", date(2026, 10, 3)),
    ("am 3. Oktober gegen 20 Uhr", date(2026, 10, 3)),
    ("am 3.10. 20 Uhr", date(2026, 10, 3)),
    ("am 3. Maerz", date(2026, 3, 3)),
    ("am 3. März", date(2026, 3, 3)),
    ("am 3. Marz", date(2026, 3, 3)),
    ("3. Mär", date(2026, 3, 3)),
    ("3. Mrz", date(2026, 3, 3)),
    ("15. Jänner", date(2026, 1, 15)),
    ("15. Jaenner", date(2026, 1, 15)),
    ("2. Feb", date(2026, 2, 2)),
    ("12. Apr.", date(2026, 4, 12)),
    ("am 1. Mai", date(2026, 5, 1)),
    ("7. Jun", date(2026, 6, 7)),
    ("7. Jul.", date(2026, 7, 7)),
    ("15. Aug", date(2026, 8, 15)),
    ("2. Sep", date(2026, 9, 2)),
    ("2. Sept", date(2026, 9, 2)),
    ("11. Nov.", date(2026, 11, 11)),
    ("am 25.11.", date(2026, 11, 25)),  # today
    ("am 24. 11.", date(2026, 11, 24)),
    ("am dreißigsten September", date(2026, 9, 30)),
    ("am einunddreißigsten Oktober", date(2026, 10, 31)),
    # after today this year → last year
    ("am 3. Dezember", date(2025, 12, 3)),
    ("am 26.11.", date(2025, 11, 26)),
    ("24. Dez", date(2025, 12, 24)),
    # weekday and date agree (23.11.2026 is a Monday)
    ("Am Montag, den 23.11.", date(2026, 11, 23)),
]


@pytest.mark.parametrize(("text", "expected"), READ_OK_WITHOUT_YEAR)
def test_read_date_without_year_takes_the_most_recent_such_day(text: str, expected: date) -> None:
    reading = read_date(text, TODAY)
    assert (reading.status, reading.day, reading.year_assumed) == ("ok", expected, True)


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        # today is a Monday / a Sunday: week boundaries
        (MONDAY, "letzten Montag", date(2026, 11, 23)),
        (MONDAY, "am Sonntag", date(2026, 11, 29)),
        (MONDAY, "Sonntag letzter Woche", date(2026, 11, 29)),
        (MONDAY, "Montag letzter Woche", date(2026, 11, 23)),
        (SUNDAY, "am Samstag", date(2026, 11, 28)),
        (SUNDAY, "Samstag letzter Woche", date(2026, 11, 21)),
        (SUNDAY, "Sonntag dieser Woche", date(2026, 11, 29)),
        (SUNDAY, "am Sonntag", date(2026, 11, 22)),
        # leap years and month ends
        (LEAP_DAY_AFTER, "am 29.2.", date(2028, 2, 29)),
        (LEAP_DAY_AFTER, "29. Februar", date(2028, 2, 29)),
        (LEAP_DAY_AFTER, "gestern", date(2028, 2, 29)),
        (LEAP_DAY_AFTER, "vor einem Monat", date(2028, 2, 1)),
        (date(2028, 3, 31), "vor einem Monat", date(2028, 2, 29)),
        (date(2028, 2, 29), "vor einem Jahr", date(2027, 2, 28)),
        (date(2029, 1, 10), "29. Februar", date(2028, 2, 29)),
        # year boundary
        (NEW_YEAR, "am 28.12.", date(2025, 12, 28)),
        (NEW_YEAR, "vor einem Monat", date(2025, 12, 5)),
        (NEW_YEAR, "letzten Freitag", date(2026, 1, 2)),
        (NEW_YEAR, "Mittwoch letzter Woche", date(2025, 12, 31)),
    ],
)
def test_read_date_on_other_days(today: date, text: str, expected: date) -> None:
    reading = read_date(text, today)
    assert (reading.status, reading.day) == ("ok", expected)


# --------------------------------------------------------------------------------------------
# read_date: future, vague, unparseable
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("morgen", date(2026, 11, 26)),
        ("Morgen früh", date(2026, 11, 26)),
        ("übermorgen", date(2026, 11, 27)),
        ("uebermorgen", date(2026, 11, 27)),
        ("nächsten Montag", date(2026, 11, 30)),
        ("naechsten Montag", date(2026, 11, 30)),
        ("kommenden Freitag", date(2026, 11, 27)),
        ("am nächsten Mittwoch", date(2026, 12, 2)),
        ("Montag nächster Woche", date(2026, 11, 30)),
        ("nächste Woche Freitag", date(2026, 12, 4)),
        ("in zwei Tagen", date(2026, 11, 27)),
        ("in 14 Tagen", date(2026, 12, 9)),
        ("in einem Monat", date(2026, 12, 25)),
        ("3.12.2026", date(2026, 12, 3)),
        ("am 3. Dezember 2026", date(2026, 12, 3)),
        ("2027-01-15", date(2027, 1, 15)),
        ("Sonntag dieser Woche", date(2026, 11, 29)),
        ("3.10.99", date(2099, 10, 3)),  # two-digit years are 20xx
        ("nächste Woche", None),
        ("nächsten Monat", None),
        ("nächstes Jahr", None),
        ("übernächsten Montag", None),
        ("in ein paar Tagen", None),
        ("in einer Stunde", None),
        ("bis morgen", date(2026, 11, 26)),
    ],
)
def test_read_date_future(text: str, expected: date | None) -> None:
    reading = read_date(text, TODAY)
    assert (reading.status, reading.day) == ("future", expected)


READ_VAGUE = [
    # vague time words from the brief
    "letzte Woche",
    "in der letzten Woche",
    "letzten Monat",
    "neulich",
    "vor ein paar Tagen",
    "vor ein paar Wochen",
    "vor kurzem",
    "vor Kurzem",
    "am Wochenende",
    "letztes Wochenende",
    "Anfang Oktober",
    "Mitte Oktober",
    "Ende Oktober",
    "im Sommer",
    "seit Wochen",
    "seit drei Wochen",
    "seit 3 Wochen",
    "seit einer Woche",
    "vor langer Zeit",
    "letztes Jahr",
    "2025",
    "im Jahr 2025",
    "im Oktober",
    "Oktober 2025",
    # more of the same kind
    "kürzlich",
    "vor Tagen",
    "vor einigen Wochen",
    "vor einem halben Jahr",
    "vor eineinhalb Wochen",
    "vor 1,5 Wochen",
    "vor 1.5 Wochen",
    "in den letzten Tagen",
    "die letzten zwei Wochen",
    "diese Woche",
    "vorletzte Woche",
    "Anfang der Woche",
    "Ende letzter Woche",
    "Ende 2025",
    "im Herbst",
    "an Weihnachten",
    "damals",
    "irgendwann",
    "am 3.",
    "am ersten",
    # approximations and ranges
    "vor etwa zwei Wochen",
    "vor ungefähr drei Tagen",
    "vor über einem Monat",
    "vor fast einem Jahr",
    "vor 2-3 Tagen",
    "vor zwei bis drei Tagen",
    "vor zwei oder drei Wochen",
    "vor einer Woche und zwei Tagen",
    "um den 3. Oktober",
    "so um den 3.10. rum",
    "ungefähr am 3. Oktober",
    "kurz nach dem 3. Oktober",
    "gestern oder so",
    "am 3. oder 4. Oktober",
    "am 3. und 4. Oktober",
    "vom 3. bis 5. Oktober",
    "3.-5.10.",
    "vor 5 Stunden",
    # contradictions: 3.10.2026 is a Saturday, 13.11.2026 a Friday is not "Freitag, den 13." here
    "Dienstag, den 3.10.",
    "Montag oder Dienstag",
    "Montag und Dienstag",
    "gestern und heute",
    "im Oktober am Dienstag",
    "Mitte Oktober, am 14.",
    "Freitag den 13.",
    # weekdays that are no single known day
    "diesen Montag",
    "vorletzten Dienstag",
    "jeden Freitag",
    "montags",
    # nights around midnight
    "heute Nacht",
    "letzte Nacht",
    "in der Nacht zum Sonntag",
    "in der Nacht von Samstag auf Sonntag",
]


@pytest.mark.parametrize("text", READ_VAGUE)
def test_read_date_vague(text: str) -> None:
    reading = read_date(text, TODAY)
    assert reading.status == "vague"
    assert reading.day is None


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("31. Februar", TODAY),
        ("am 31.2.", TODAY),
        ("32.1.", TODAY),
        ("am 31.11.", TODAY),
        ("am 0.1.", TODAY),
        ("30.2.2024", TODAY),
        ("2026-02-30", TODAY),
        ("29.2.2027", TODAY),
        ("am 29.2.", TODAY),  # 2026 is no leap year
        ("am 29.2.", date(2029, 3, 5)),  # 2029 is no leap year; never guess 2028
        ("keine Ahnung", TODAY),
        ("weiß ich nicht mehr", TODAY),
        ("", TODAY),
        ("guten Morgen", TODAY),
        ("den ganzen Morgen", TODAY),
        ("morgens", TODAY),
        ("25.13.", TODAY),
        ("am 3. Advent", TODAY),
    ],
)
def test_read_date_unparseable(text: str, today: date) -> None:
    reading = read_date(text, today)
    assert reading.status == "unparseable"
    assert reading.day is None


def test_invalid_date_is_never_replaced_by_a_guess() -> None:
    assert read_date("am 31. Februar, also gestern", TODAY).status == "unparseable"


def test_read_date_with_two_different_days_is_vague() -> None:
    assert read_date("Am 2. September. Und am 5. Oktober nochmal.", TODAY).status == "vague"


def test_read_date_same_day_twice_is_ok() -> None:
    reading = read_date("Gestern. Also am 24.11.", TODAY)
    assert (reading.status, reading.day) == ("ok", date(2026, 11, 24))


def test_matched_is_the_original_substring() -> None:
    assert read_date("Das war am 3. MÄRZ gegen Mittag", TODAY).matched == "3. MÄRZ"
    assert read_date("Dienstag letzter Woche, abends", TODAY).matched == "Dienstag letzter Woche"
    assert read_date("ungefähr vor zwei Wochen", TODAY).matched == "vor zwei Wochen"


def test_decomposed_umlauts_are_read() -> None:
    reading = read_date("am 3. Ma\u0308rz", TODAY)
    assert (reading.status, reading.day) == ("ok", date(2026, 3, 3))


def test_date_reading_is_frozen_with_defaults() -> None:
    reading = DateReading("unparseable")
    assert (reading.day, reading.year_assumed, reading.matched) == (None, False, "")
    with pytest.raises(dataclasses.FrozenInstanceError):
        reading.status = "ok"  # type: ignore[misc]


# --------------------------------------------------------------------------------------------
# find_date: a date inside a longer message
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status", "day", "matched"),
    [
        (
            "Mir wurde auf Facebook mit dem Tod gedroht, das war am 2. September",
            "ok",
            date(2026, 9, 2),
            "2. September",
        ),
        ("Gestern abend stand ein Mann vor meinem Büro.", "ok", date(2026, 11, 24), "Gestern abend"),
        ("Vor zehn Minuten hat jemand die Scheibe eingeworfen", "ok", date(2026, 11, 25), "Vor zehn Minuten"),
        ("Er hat mich am 3.10. um 14 Uhr angerufen", "ok", date(2026, 10, 3), "3.10."),
        ("Letzte Woche Dienstag kam ein Brief mit 3 Patronen", "ok", date(2026, 11, 17), "Letzte Woche Dienstag"),
        ("Guten Morgen, gestern wurde ich bedroht", "ok", date(2026, 11, 24), "gestern"),
        ("Bis heute keine Antwort. Das Schreiben kam am 2.9.", "ok", date(2026, 9, 2), "2.9."),
        ("Er droht, morgen wiederzukommen. Das war am 2. September.", "ok", date(2026, 9, 2), "2. September"),
        ("Er hat mich zum ersten Mal am Montag bedroht", "ok", date(2026, 11, 23), "Montag"),
        ("Gestern in der Nacht wurde mein Auto angezündet", "ok", date(2026, 11, 24), "Gestern in der Nacht"),
        ("Am 2. September hat er gedroht, am 5. Oktober nochmal", "ok", date(2026, 9, 2), "2. September"),
        ("Er schrieb, er komme nächste Woche wieder", "future", None, "nächste Woche"),
        ("Er sagt, morgen brennt dein Haus", "future", date(2026, 11, 26), "morgen"),
        ("Seit 3 Wochen bekomme ich Anrufe", "vague", None, "Seit 3 Wochen"),
        ("Das ging im Jahr 2025 los", "vague", None, "im Jahr 2025"),
        ("Letzte Woche hat er gedroht", "vague", None, "Letzte Woche"),
        ("Es war um den 3.10. herum", "vague", None, "3.10."),
        ("Heute Nacht wurde eingebrochen. Gestern war alles ruhig.", "vague", None, "Heute Nacht"),
        ("Er hat am 31.11. gedroht", "unparseable", None, "31.11."),
    ],
)
def test_find_date(text: str, status: str, day: date | None, matched: str) -> None:
    reading = find_date(text, TODAY)
    assert (reading.status, reading.day, reading.matched) == (status, day, matched)


@pytest.mark.parametrize(
    "text",
    [
        "Ich habe sofort die 110 angerufen",
        "Es waren 3 Männer mit Sturmhauben",
        "Rufen Sie die 0800 300 99 44 an",
        "Der Schaden beträgt 1.500 € und 12.50 Euro Porto",
        "Ist das Bedrohung nach § 241 StGB?",
        "Sie kamen um 14 Uhr und blieben 2 Stunden",
        "Er kam um 14.30 Uhr, ein anderer um 9.10 Uhr",
        "Er schrieb 2 Mails, 3 Briefe und rief 110 an",
        "Die IP war 192.168.1.1",
        "Ich habe 2000 Euro Schaden",
        "Wie stelle ich einen Strafantrag?",
    ],
)
def test_find_date_ignores_numbers_that_are_not_dates(text: str) -> None:
    assert find_date(text, TODAY) == DateReading("unparseable")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Seit Wochen bekomme ich Mails, gestern kam eine Drohung", "vague"),
        ("Letztes Jahr war das, ich glaube am 3. Oktober", "vague"),
        ("Letzte Woche hat er angerufen, am Dienstag stand er vor der Tür", "vague"),
        ("Das war Anfang Oktober, am 3. glaube ich", "vague"),
        ("Ich bin seit 2019 Bürgermeister", "vague"),
    ],
)
def test_find_date_context_makes_a_bare_weekday_or_date_vague(text: str, status: str) -> None:
    assert find_date(text, TODAY).status == status


# --------------------------------------------------------------------------------------------
# Deadline arithmetic
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 1, 15), 1, date(2026, 2, 15)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 12, 31), 2, date(2027, 2, 28)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 1, 15), -1, date(2025, 12, 15)),
        (date(2026, 11, 25), -12, date(2025, 11, 25)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2026, 5, 31), 0, date(2026, 5, 31)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (date(2026, 9, 2), date(2026, 12, 2)),
        (date(2025, 11, 30), date(2026, 2, 28)),
        (date(2027, 11, 30), date(2028, 2, 29)),
        (date(2028, 2, 29), date(2028, 5, 29)),
        (date(2026, 3, 31), date(2026, 6, 30)),
        (date(2026, 12, 31), date(2027, 3, 31)),
        (date(2026, 5, 31), date(2026, 8, 31)),
        (date(2026, 8, 31), date(2026, 11, 30)),
        (date(2026, 11, 29), date(2027, 2, 28)),
        (date(2027, 11, 29), date(2028, 2, 29)),
        (date(2026, 1, 1), date(2026, 4, 1)),
        (date(2026, 10, 15), date(2027, 1, 15)),
    ],
)
def test_three_months_are_calendar_months(start: date, expected: date) -> None:
    """The computed end (§§ 187, 188 BGB), before any weekend or holiday shift."""
    assert add_months(start, STRAFANTRAG_MONTHS) == expected


@pytest.mark.parametrize(
    ("start", "region", "expected"),
    [
        # ends on a Friday: unchanged
        (date(2026, 9, 11), None, date(2026, 12, 11)),
        (date(2026, 9, 2), "SN", date(2026, 12, 2)),
        # ends on a Saturday or Sunday: the Monday after (§ 77b Abs. 1 S. 2 StGB)
        (date(2026, 9, 12), None, date(2026, 12, 14)),
        (date(2025, 11, 30), None, date(2026, 3, 2)),
        (date(2026, 11, 29), None, date(2027, 3, 1)),
        # Reformationstag (31.10.) is a holiday in Sachsen, not nationwide
        (date(2025, 7, 31), "SN", date(2025, 11, 3)),
        (date(2025, 7, 31), None, date(2025, 10, 31)),
        (date(2028, 7, 31), "SN", date(2028, 11, 1)),
        # Allerheiligen (1.11.) is a holiday in Bayern, not in Sachsen
        (date(2027, 8, 1), "BY", date(2027, 11, 2)),
        (date(2027, 8, 1), "SN", date(2027, 11, 1)),
        (date(2027, 8, 1), None, date(2027, 11, 1)),
        # nationwide holidays count everywhere: Saturday, Sunday, Easter Monday -> Tuesday
        (date(2026, 12, 27), None, date(2027, 3, 30)),
        # Christmas Day (Friday), then the weekend -> Monday
        (date(2026, 9, 25), None, date(2026, 12, 28)),
    ],
)
def test_strafantrag_deadline_moves_to_the_next_working_day(start: date, region: str | None, expected: date) -> None:
    assert strafantrag_deadline(start, region) == expected


def test_next_working_day_keeps_a_working_day() -> None:
    assert next_working_day(date(2026, 12, 11)) == date(2026, 12, 11)  # a Friday
    assert next_working_day(date(2026, 12, 12)) == date(2026, 12, 14)  # Saturday -> Monday


def test_deadline_status_says_when_it_shifted() -> None:
    status = deadline_status(date(2026, 9, 12), TODAY)
    assert (status.computed, status.last_day, status.days_left, status.state) == (
        date(2026, 12, 12),
        date(2026, 12, 14),
        19,
        "open",
    )
    assert status.shifted and status.region is None
    friday = deadline_status(date(2026, 9, 11), TODAY)
    assert not friday.shifted and friday.last_day == friday.computed == date(2026, 12, 11)


def test_deadline_status_uses_the_lands_holidays() -> None:
    saxony = deadline_status(date(2025, 7, 31), date(2025, 10, 20), region="SN")
    assert (saxony.last_day, saxony.days_left, saxony.shifted, saxony.region) == (date(2025, 11, 3), 14, True, "SN")
    nationwide = deadline_status(date(2025, 7, 31), date(2025, 10, 20))
    assert (nationwide.last_day, nationwide.shifted) == (date(2025, 10, 31), False)


@pytest.mark.parametrize(
    ("land", "code"),
    [("Sachsen", "SN"), ("Bayern", "BY"), ("Thüringen", "TH"), ("Baden-Württemberg", "BW"), ("SN", "SN")],
)
def test_holiday_region_from_the_bundesland_slot(land: str, code: str) -> None:
    assert holiday_region(land) == code


@pytest.mark.parametrize("land", [None, "", "Atlantis", "national"])
def test_unknown_land_means_nationwide_holidays_only(land: str | None) -> None:
    assert holiday_region(land) is None


def test_every_land_has_a_holiday_region() -> None:
    assert {holiday_region(land) for land in LANDS} == HOLIDAY_REGIONS


@pytest.mark.parametrize(
    ("start", "last_day", "days_left", "state"),
    [
        (date(2026, 11, 24), date(2027, 2, 24), 91, "open"),
        (date(2026, 9, 9), date(2026, 12, 9), 14, "open"),
        (date(2026, 9, 8), date(2026, 12, 8), 13, "soon"),
        (date(2026, 8, 26), date(2026, 11, 26), 1, "soon"),
        (date(2026, 8, 25), date(2026, 11, 25), 0, "last_day"),
        (date(2026, 8, 24), date(2026, 11, 24), -1, "passed"),
        (date(2025, 11, 25), date(2026, 2, 25), -273, "passed"),
    ],
)
def test_deadline_status(start: date, last_day: date, days_left: int, state: str) -> None:
    status = deadline_status(start, TODAY)
    assert (status.start, status.last_day, status.days_left, status.state) == (start, last_day, days_left, state)


def test_deadline_status_respects_warn_days() -> None:
    assert deadline_status(date(2026, 9, 9), TODAY, warn_days=15).state == "soon"
    assert deadline_status(date(2026, 9, 9), TODAY, warn_days=14).state == "open"
    assert deadline_status(date(2026, 8, 26), TODAY, warn_days=1).state == "open"


def test_deadline_status_month_end_into_leap_february() -> None:
    status = deadline_status(date(2027, 11, 30), date(2028, 2, 15))
    assert (status.last_day, status.days_left, status.state) == (date(2028, 2, 29), 14, "open")


@pytest.mark.parametrize(
    ("day", "weekday", "expected"),
    [
        (date(2026, 12, 2), True, "Mittwoch, 2. Dezember 2026"),
        (date(2026, 12, 2), False, "2. Dezember 2026"),
        (date(2026, 3, 3), True, "Dienstag, 3. März 2026"),
        (date(2028, 2, 29), True, "Dienstag, 29. Februar 2028"),
        (date(2026, 11, 29), True, "Sonntag, 29. November 2026"),
    ],
)
def test_format_date_de(day: date, weekday: bool, expected: str) -> None:
    assert format_date_de(day, weekday=weekday) == expected


def test_format_date_de_weekday_is_the_default() -> None:
    assert format_date_de(date(2026, 1, 5)) == "Montag, 5. Januar 2026"


def test_end_to_end_answer_to_deadline() -> None:
    reading = read_date("am 2. September", TODAY)
    assert reading.day is not None
    status = deadline_status(reading.day, TODAY)
    assert format_date_de(status.last_day) == "Mittwoch, 2. Dezember 2026"
    assert (status.days_left, status.state) == (7, "soon")


# --------------------------------------------------------------------------------------------
# Does the incident need a Strafantrag? knowledge/offences.yml
# --------------------------------------------------------------------------------------------

# The legal classification, checked against the law texts (see the header of offences.yml):
# a change here must be a deliberate change of the bot's legal statements.
EXPECTED_STRAFANTRAG = {
    "report_insult": ("required", "§§ 185, 194"),
    "report_online_hate": ("required", "§§ 185, 194"),
    "report_defamation": ("required", "§§ 186, 187, 194"),
    "report_threat": ("none", "§ 241 Abs. 2"),
    "report_doxxing": ("none", "§ 126a"),
    "report_council_intimidation": ("none", "§ 240"),
    "report_stalking": ("relative", "§ 238"),
    "report_physical_attack": ("relative", "§§ 223, 230"),
    "report_property_damage": ("relative", "§§ 303, 303c"),
    "report_sexual_harassment": ("relative", "§ 184i"),
}

OFFENCE = """version: 1
offences:
  report_threat:
    strafantrag: {kind}
    offence: Eine Bedrohung
    paragraphs: {paragraphs}
    sources:
      - title: § 241 StGB
        url: {url}
    checked: {checked}
"""


def offence_text(**change: str) -> str:
    values = {
        "kind": "none",
        "paragraphs": "§ 241 StGB",
        "url": "https://www.gesetze-im-internet.de/stgb/__241.html",
        "checked": "2026-12-01",
    }
    values.update(change)
    return OFFENCE.format(**values)


def offence_problems(tmp_path: Path, text: str, intents: tuple[str, ...] = ("report_threat", "greet")) -> list[str]:
    (tmp_path / "offences.yml").write_text(text, encoding="utf-8")
    issues, offences = check_offences(tmp_path, known_intents=intents, today=date(2026, 12, 1))
    assert (offences is None) == any(i.severity == "error" for i in issues)
    return [str(i) for i in issues]


def test_every_incident_intent_has_its_legal_classification() -> None:
    issues, offences = check_offences(KNOWLEDGE_DIR, today=date(2026, 12, 1))
    assert offences is not None, "\n".join(str(i) for i in issues)
    incidents = {i for i in domain_intents() if i.startswith("report_")}
    assert set(offences) == incidents == set(EXPECTED_STRAFANTRAG)
    for intent, (kind, paragraphs) in EXPECTED_STRAFANTRAG.items():
        offence = offences[intent]
        assert (offence.strafantrag, offence.paragraphs) == (kind, f"{paragraphs} StGB"), intent
        assert any(s.url.startswith("https://www.gesetze-im-internet.de/stgb/__") for s in offence.sources), intent


def test_mixed_offences_say_what_is_prosecuted_ex_officio() -> None:
    offences = knowledge_base().offences
    note = offences["report_online_hate"].note or ""
    assert "§ 241" in note and "§ 130" in note and "ohne Strafantrag" in note
    assert "§ 224" in (offences["report_physical_attack"].note or "")
    assert "Strafantrag" in (offences["report_council_intimidation"].note or "")


def test_uncertain_section_188_is_never_claimed() -> None:
    """facts.md: whether § 188 needs a Strafantrag is unverified – offences.yml must not say."""
    for offence in knowledge_base().offences.values():
        said = " ".join([offence.offence, offence.paragraphs, offence.note or ""])
        assert "188" not in said, offence.intent


def test_a_valid_offences_file_loads(tmp_path: Path) -> None:
    assert offence_problems(tmp_path, offence_text()) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"kind": "maybe"}, "FEHLER offences.yml [offences.report_threat.strafantrag]: erlaubt: required, relative"),
        ({"kind": "null"}, "[offences.report_threat.strafantrag]: erlaubt"),
        ({"paragraphs": "''"}, "[offences.report_threat.paragraphs]: Pflichtfeld fehlt"),
        ({"paragraphs": "Bedrohung"}, "[offences.report_threat.paragraphs]: keine Norm genannt"),
        ({"url": "http://www.gesetze-im-internet.de/stgb/__241.html"}, "[offences.report_threat.sources[0].url]"),
        ({"url": "https://dejure.org/gesetze/StGB/241.html"}, "mindestens eine Quelle auf https://www.gesetze-im"),
        ({"checked": "2027-01-01"}, "[offences.report_threat.checked]: Datum liegt in der Zukunft"),
        ({"checked": "bald"}, "[offences.report_threat.checked]: Prüfdatum im Format JJJJ-MM-TT"),
        ({"checked": "2024-01-01"}, "WARNUNG offences.yml [offences.report_threat.checked]: zuletzt geprüft vor"),
    ],
)
def test_offence_schema_problems_name_file_and_key(tmp_path: Path, change: dict[str, str], expected: str) -> None:
    found = offence_problems(tmp_path, offence_text(**change))
    assert any(expected in p for p in found), found


def test_every_incident_needs_an_entry(tmp_path: Path) -> None:
    found = offence_problems(tmp_path, offence_text(), intents=("report_threat", "report_insult"))
    assert found == ["FEHLER offences.yml [offences]: kein Eintrag für 'report_insult'"]


def test_unknown_intents_and_fields_are_errors(tmp_path: Path) -> None:
    unknown = offence_text().replace("report_threat:", "report_unknown:")
    assert "FEHLER offences.yml [offences.report_unknown]: unbekannter Vorfall-Intent" in offence_problems(
        tmp_path, unknown
    )
    extra = offence_text() + "    frist: 3 Monate\n"
    assert "FEHLER offences.yml [offences.report_threat.frist]: unbekanntes Feld" in offence_problems(tmp_path, extra)


def test_missing_offences_file_is_an_error(tmp_path: Path) -> None:
    issues, offences = check_offences(tmp_path, known_intents=["report_threat"], today=date(2026, 12, 1))
    assert offences is None and [str(i) for i in issues] == ["FEHLER offences.yml [-]: Datei fehlt"]


def test_python_m_bot_validate_reports_offence_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, root)
    text = (root / "offences.yml").read_text(encoding="utf-8")
    (root / "offences.yml").write_text(text.replace("strafantrag: none", "strafantrag: keiner", 1), encoding="utf-8")
    monkeypatch.setattr(validate, "KNOWLEDGE_DIR", root)
    assert validate.main([]) == 1
    err = capsys.readouterr().err
    assert (
        "FEHLER knowledge/offences.yml [offences.report_threat.strafantrag]: erlaubt: required, relative, none" in err
    )


def test_one_day_left_is_grammatical() -> None:
    """'es bleiben nur noch 1 Tag' was wrong: no deadline text may put a plural verb before {days}."""
    from actions.deadline import days_text

    responses = load_domain()["responses"]
    values = {"start": "2. September 2026", "last_day": "Donnerstag, 3. Dezember 2026", "days": days_text(1)}
    assert days_text(1) == "1 Tag" and days_text(2) == "2 Tage"
    for name in ("utter_deadline_open", "utter_deadline_soon"):
        text = " ".join(str(responses[name][0]["text"]).split()).format(**values)
        assert "noch 1 Tag" in text, name
        assert not re.search(r"\b(bleiben|verbleiben|sind)\b[^.]*\b1 Tag\b", text), text
