"""Vague time words: "letzte Woche", "Anfang Oktober", "im Sommer", "2025", "neulich", "heute Nacht".

None of them names one day. Most carry a :class:`~bot.dates.hits.Constraint` that a close
precise expression must fit ("letztes Jahr am 3. Oktober"); ``soft`` words ("damals") never
contradict a date; ``dated`` ones ("heute Nacht") name one ambiguous day.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from bot.dates.calendar import add_months
from bot.dates.hits import Builder, Constraint, Hit, vague_hit
from bot.dates.vocabulary import (
    FULL_MON,
    LAST,
    MON,
    MONTH_WORDS,
    NUM,
    WEEKDAY_WORDS,
    YEAR_WORD,
    alternation,
    monday,
    week_phrase,
)


def _fixed(constraint: Callable[[re.Match[str], date], Constraint | None], *, dated: bool = False) -> Builder:
    def build(match: re.Match[str], today: date, norm: str) -> Hit:
        return vague_hit(match, constraint(match, today), dated=dated)

    return build


def _nothing(match: re.Match[str], today: date) -> Constraint | None:
    return None


def _week(weeks: int) -> Callable[[re.Match[str], date], Constraint]:
    def constraint(match: re.Match[str], today: date) -> Constraint:
        return Constraint(week_monday=monday(today) + timedelta(weeks=weeks))

    return constraint


def _month(months: int) -> Callable[[re.Match[str], date], Constraint]:
    def constraint(match: re.Match[str], today: date) -> Constraint:
        day = add_months(today.replace(day=1), months)
        return Constraint(year=day.year, months=frozenset({day.month}))

    return constraint


def _year(years: int) -> Callable[[re.Match[str], date], Constraint]:
    def constraint(match: re.Match[str], today: date) -> Constraint:
        return Constraint(year=today.year + years)

    return constraint


def _weekend(match: re.Match[str], today: date) -> Constraint:
    word = match["which"] or ""
    if word.startswith(("letzt", "vergangen", "vorig")):
        return Constraint(weekend=True, week_monday=monday(today) - timedelta(weeks=1))
    if word.startswith("dies"):
        return Constraint(weekend=True, week_monday=monday(today))
    return Constraint(weekend=True)


_PART_OF_MONTH = {"anfang": (1, 10), "mitte": (11, 20), "ende": (21, 31)}


def _part_of(match: re.Match[str], today: date) -> Constraint | None:
    year_text = match["y"] or match["y2"]
    year = int(year_text) if year_text else None
    if match["mon"]:
        month = MONTH_WORDS[match["mon"]]
        return Constraint(year=year, months=frozenset({month}), days=_PART_OF_MONTH[match["part"]])
    return Constraint(year=year) if year else None


_SEASONS = {
    "sommer": frozenset({6, 7, 8}),
    "herbst": frozenset({9, 10, 11}),
    "winter": frozenset({12, 1, 2}),
    "fruehling": frozenset({3, 4, 5}),
    "fruhling": frozenset({3, 4, 5}),
    "fruehjahr": frozenset({3, 4, 5}),
    "fruhjahr": frozenset({3, 4, 5}),
}


def _season(match: re.Match[str], today: date) -> Constraint:
    return Constraint(months=_SEASONS[match["season"]])


def _month_name(match: re.Match[str], today: date) -> Constraint:
    year = int(match["y"]) if match["y"] else None
    return Constraint(year=year, months=frozenset({MONTH_WORDS[match["mon"]]}))


def _bare_year(match: re.Match[str], today: date) -> Constraint:
    return Constraint(year=int(match["y"]))


def _build_soft(match: re.Match[str], today: date, norm: str) -> Hit:
    return Hit(match.start(), match.end(), "vague", soft=True)


VAGUE_RULES: list[tuple[re.Pattern[str], Builder]] = [
    (re.compile(rf"(?<![a-z]){week_phrase(LAST)}"), _fixed(_week(-1))),
    (re.compile(rf"(?<![a-z]){week_phrase(r'vorletzte[nrm]?')}"), _fixed(_week(-2))),
    (re.compile(rf"(?<![a-z]){week_phrase(r'diese[rnm]?')}"), _fixed(_week(0))),
    (re.compile(rf"(?<![a-z])(?:im\s+)?{LAST}\s+monats?(?![a-z])"), _fixed(_month(-1))),
    (re.compile(r"(?<![a-z])(?:im\s+)?vorletzte[nm]?\s+monats?(?![a-z])"), _fixed(_month(-2))),
    (re.compile(r"(?<![a-z])(?:in\s+|im\s+)?diese[nm]?\s+monats?(?![a-z])"), _fixed(_month(0))),
    (re.compile(rf"(?<![a-z])(?:im\s+)?{LAST}\s+{YEAR_WORD}(?![a-z])"), _fixed(_year(-1))),
    (re.compile(rf"(?<![a-z])(?:im\s+)?vorletzte[snm]?\s+{YEAR_WORD}(?![a-z])"), _fixed(_year(-2))),
    (re.compile(rf"(?<![a-z])(?:in\s+|im\s+)?diese[snm]?\s+{YEAR_WORD}(?![a-z])"), _fixed(_year(0))),
    (
        re.compile(
            r"(?<![a-z])(?:(?:am|an|(?:ue|u)bers|(?P<which>letzte[sn]?|vergangene[sn]?|vorige[sn]?|diese[sn]?))\s+)?"
            r"wochenende(?![a-z])"
        ),
        _fixed(_weekend),
    ),
    (
        re.compile(
            r"(?<![a-z])(?P<part>anfang|mitte|ende)\s+(?:(?:des|der|diese[snr]?|letzte[nrs]?|vergangene[nrs]?|"
            rf"vorige[nrs]?)\s+)?(?:(?P<mon>{FULL_MON})(?:\s+(?P<y>(?:19|20)\d{{2}})(?!\d))?|"
            rf"(?P<y2>(?:19|20)\d{{2}})(?!\d)|monats?(?![a-z])|woche(?![a-z])|{YEAR_WORD}(?![a-z]))"
        ),
        _fixed(_part_of),
    ),
    (
        re.compile(
            rf"(?<![a-z])(?:(?:im|in\s+den|{LAST}|diese[nm]?)\s+)?(?P<season>sommer|herbst|winter|"
            r"fruehling|fruhling|fruehjahr|fruhjahr)(?![a-z])"
        ),
        _fixed(_season),
    ),
    (
        re.compile(rf"(?<![a-z])(?:(?:im|seit)\s+)?(?P<mon>{FULL_MON})(?:\s+(?P<y>(?:19|20)\d{{2}})(?!\d))?"),
        _fixed(_month_name),
    ),
    (
        re.compile(
            r"(?<![\w.,/:€$-])(?:(?:im\s+jahre?|anno)\s+)?(?P<y>(?:19|20)\d{2})(?!\d)(?![.,:/-]\d)"
            r"(?!\s*(?:€|euro|eur(?![a-z])|\$|%|prozent|uhr|mal(?![a-z])))"
        ),
        _fixed(_bare_year),
    ),
    # Nights are ambiguous: "heute Nacht" may be before or after midnight, or still to come;
    # "in der Nacht zum Sonntag" starts on Saturday. "Gestern in der Nacht" is yesterday.
    (
        re.compile(
            r"(?<![a-z])(?:(?:heute|letzte|vergangene|diese)\s+nacht(?![a-z])|(?:in\s+der\s+)?nacht\s+"
            r"(?:vo[nm]\s+[a-z0-9.]+\s+(?:auf|zum|zu)|zum|auf)\s+(?:den\s+)?"
            rf"(?:{alternation(WEEKDAY_WORDS)}|\d{{1,2}}\.(?:\s*\d{{1,2}}\.|\s*{MON})?))"
        ),
        _fixed(_nothing, dated=True),
    ),
    (re.compile(r"(?<![a-z])in\s+der\s+nacht(?![a-z])"), _build_soft),
    (
        re.compile(
            r"(?<![a-z])(?:neulich|kuerzlich|kurzlich|unlaengst|unlangst|letztens|juengst|jungst|"
            r"vor\s+kurzem|vor\s+kurzer\s+zeit|vor\s+langer\s+zeit|vor\s+langem|vor\s+einiger\s+zeit|"
            r"vor\s+einer\s+(?:weile|ewigkeit)|vor\s+ewigkeiten|vor\s+jahr\s+und\s+tag|"
            r"seit\s+(?:langem|kurzem|einiger\s+zeit|einer\s+weile|ewigkeiten)|schon\s+(?:laenger|langer)|"
            r"in\s+letzter\s+zeit|die\s+letzte\s+zeit|zwischen\s+den\s+jahren|"
            r"(?:an\s+|zu\s+)?(?:weihnachten|heiligabend|heiligen\s+abend|silvester|neujahr|ostern|pfingsten|"
            r"fasching|karneval|fastnacht))(?![a-z])"
        ),
        _fixed(_nothing),
    ),
    (
        re.compile(
            rf"(?<![a-z])seit\s+(?:(?:ein\s+paar|paar|einigen|mehreren|wenigen|vielen|{NUM})\s+)?"
            r"(?:tagen|tag|wochen|woche|monaten|monat|jahren|jahr)(?![a-z])"
        ),
        _fixed(_nothing),
    ),
    (
        re.compile(
            rf"(?<![a-z])(?:(?:in\s+den|die|den)\s+)?(?:letzten|vergangenen)\s+(?:(?:{NUM}|paar|beiden)\s+)?"
            r"(?:tagen|tage|wochen|monaten|monate|jahren|jahre)(?![a-z])"
        ),
        _fixed(_nothing),
    ),
    (re.compile(r"(?<![a-z])(?:irgendwann|damals)(?![a-z])"), _build_soft),
]
