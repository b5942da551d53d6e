"""Days relative to today: "heute", "gestern", "morgen", "vor 3 Tagen", "in zwei Wochen", weekdays.

A bare or "letzten" weekday is the most recent such day before today; "Dienstag letzter Woche"
is the Tuesday of last week's ISO week; "diesen Montag" is ambiguous (vague).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.dates.calendar import add_months
from bot.dates.hits import Builder, Hit, future_hit, hit_at, invalid_hit, vague_hit
from bot.dates.vocabulary import (
    APPROX,
    LAST,
    NEXT,
    NUM,
    NUMBER_WORDS,
    UNIT,
    WD,
    WEEKDAY_WORDS,
    YEAR_WORD,
    monday,
    number,
    week_phrase,
)

# Minutes and hours ago count as today only when few: the time of day is unknown.
_MAX_HOURS_AGO = 3
_MAX_MINUTES_AGO = 180


# --- heute, gestern, morgen -------------------------------------------------------------------

_RE_TODAY = re.compile(
    r"(?<![a-z])(?:(?P<heute>heute)(?:\s+(?:(?:am|gegen)\s+)?(?:morgen|frueh|fruh|vormittag|mittag|nachmittag|abend))?"
    r"|vorhin|soeben|gerade\s+eben|eben\s+gerade)(?![a-z])"
)
_NOT_TODAY_BEFORE = re.compile(r"(?<![a-z])(?:bis|ab|von)\s+$")


def _build_today(match: re.Match[str], today: date, norm: str) -> Hit | None:
    # "bis heute keine Antwort", "ab heute", "von heute auf morgen": not the incident day.
    if match["heute"] and _NOT_TODAY_BEFORE.search(norm, 0, match.start()):
        return None
    return hit_at(match, today, today)


_RE_PAST_DAY = re.compile(
    r"(?<![a-z])(?P<w>vorvorgestern|vorgestern|vor\s+gestern|gestern)"
    r"(?:\s+(?:(?:am|gegen|in\s+der)\s+)?(?:morgen|frueh|fruh|vormittag|mittag|nachmittag|abend|nacht))?(?![a-z])"
)
_PAST_DAY_OFFSET = {"vorvorgestern": 3, "vorgestern": 2, "gestern": 1}


def _build_past_day(match: re.Match[str], today: date, norm: str) -> Hit:
    word = re.sub(r"\s+", "", match["w"])
    return hit_at(match, today - timedelta(days=_PAST_DAY_OFFSET[word]), today)


_RE_TOMORROW = re.compile(r"(?<![a-z])(?P<w>(?:ue|u)bermorgen|morgen)(?![a-z])")
# "guten Morgen", "am Morgen", "jeden Morgen", "heute Morgen": the noun, not "tomorrow".
_MORNING_BEFORE = re.compile(
    r"(?<![a-z])(?:guten|am|jeden|den|dem|diesen|eines|einem|naechsten|nachsten|folgenden|selben|gleichen|"
    r"heute|gestern|vorgestern|frueh|fruh|fruehen|fruhen|spaeten|spaten|ganzen|schoenen|schonen)\s+$"
)


def _build_tomorrow(match: re.Match[str], today: date, norm: str) -> Hit | None:
    if match["w"] == "morgen":
        if _MORNING_BEFORE.search(norm, 0, match.start()):
            return None
        return future_hit(match, today + timedelta(days=1))
    return future_hit(match, today + timedelta(days=2))


# --- vor N Tagen, in N Tagen --------------------------------------------------------------------

_RE_AGO = re.compile(
    rf"(?<![a-z])(?:(?P<base>heute|gestern|vorgestern)\s+)?vor\s+(?P<approx>{APPROX}\s+)?(?P<n>{NUM})"
    rf"(?P<range>\s*(?:-|bis|oder|,|/)\s*(?P<n2>{NUM}))?\s*{UNIT}"
    rf"(?P<more>\s*(?:,|und)\s*(?:{NUM}|ein(?:em|er|en)?\s+halbe[nm]?)\s+(?:tag|woche|monat|jahr|stunde|minute)\w*)?"
)
_BASE_OFFSET = {"heute": 0, "gestern": 1, "vorgestern": 2}


_UNIT_KINDS: tuple[tuple[str, str], ...] = (
    ("tag", "tag"),
    ("woche", "woche"),
    ("monat", "monat"),
    ("jahr", "jahr"),
    ("std", "stunde"),
    ("stunde", "stunde"),
    ("min", "minute"),
)


def _unit_kind(unit: str) -> str:
    """Map a unit word to its kind: Tagen → tag, Std. → stunde, Min → minute."""
    return next(kind for prefix, kind in _UNIT_KINDS if unit.startswith(prefix))


def _shift(day: date, amount: int, kind: str) -> date:
    """``day`` moved by ``amount`` days, weeks, months or years (negative: back)."""
    if kind == "tag":
        return day + timedelta(days=amount)
    if kind == "woche":
        return day + timedelta(weeks=amount)
    if kind == "monat":
        return add_months(day, amount)
    return add_months(day, 12 * amount)


def _few_hours(amount: int, kind: str) -> bool:
    return amount <= (_MAX_HOURS_AGO if kind == "stunde" else _MAX_MINUTES_AGO)


def _build_ago(match: re.Match[str], today: date, norm: str) -> Hit | None:
    kind = _unit_kind(match["unit"])
    base = today - timedelta(days=_BASE_OFFSET.get(match["base"] or "heute", 0))
    amounts = [number(match["n"])] + ([number(match["n2"])] if match["n2"] else [])
    if kind in ("stunde", "minute"):
        return hit_at(match, base, today) if _few_hours(max(amounts), kind) else vague_hit(match, dated=True)
    if match["approx"] or match["range"] or match["more"]:
        return vague_hit(match)
    try:
        return hit_at(match, _shift(base, -amounts[0], kind), today)
    except (ValueError, OverflowError):
        return invalid_hit(match)


_RE_AGO_FRACTION = re.compile(
    r"(?<![a-z])vor\s+(?:(?:ein|einem|einer)\s+)?"
    rf"(?P<amount>halben?|anderthalb|[a-z]*einhalb|dreiviertel|\d+[.,]\d+)\s*{UNIT}"
)


def _fraction(word: str) -> float | None:
    """Read a fractional amount: halben → 0.5, anderthalb → 1.5, zweieinhalb → 2.5, 1,5 → 1.5."""
    if word[0].isdigit():
        return float(word.replace(",", "."))
    if word.startswith("halb"):
        return 0.5
    if word == "dreiviertel":
        return 0.75
    if word in ("anderthalb", "eineinhalb", "einhalb"):
        return 1.5
    whole = NUMBER_WORDS.get(word.removesuffix("einhalb"))
    return None if whole is None else whole + 0.5


def _build_ago_fraction(match: re.Match[str], today: date, norm: str) -> Hit:
    kind = _unit_kind(match["unit"])
    if kind not in ("stunde", "minute"):
        return vague_hit(match)
    amount = _fraction(match["amount"])
    if amount is not None and amount <= (_MAX_HOURS_AGO if kind == "stunde" else _MAX_MINUTES_AGO):
        return hit_at(match, today, today)
    return vague_hit(match, dated=True)


_RE_AGO_FEW = re.compile(
    r"(?<![a-z])vor\s+(?:(?:ein\s+paar|paar|einigen|mehreren|wenigen|vielen|etlichen)\s+)?"
    r"(?P<unit>tagen|wochen|monaten|jahren|stunden|minuten)(?![a-z])"
)


def _build_ago_few(match: re.Match[str], today: date, norm: str) -> Hit:
    return hit_at(match, today, today) if match["unit"] == "minuten" else vague_hit(match)


_RE_IN = re.compile(
    rf"(?<![a-z])in\s+(?P<approx>{APPROX}\s+)?(?P<n>{NUM})(?P<range>\s*(?:-|bis|oder|,|/)\s*{NUM})?\s*{UNIT}"
)


def _build_in(match: re.Match[str], today: date, norm: str) -> Hit:
    kind = _unit_kind(match["unit"])
    if match["approx"] or match["range"] or kind in ("stunde", "minute"):
        return future_hit(match)
    try:
        return future_hit(match, _shift(today, number(match["n"]), kind))
    except (ValueError, OverflowError):
        return future_hit(match)


_RE_IN_FEW = re.compile(
    r"(?<![a-z])in\s+(?:ein\s+paar|paar|einigen|mehreren|wenigen)\s+(?:tagen|wochen|monaten|jahren)(?![a-z])"
    rf"|(?<![a-z])(?:(?:in\s+der|im|am)\s+)?(?:(?:ue|u)ber)?{NEXT}\s+(?:woche|monat|{YEAR_WORD}|wochenende)(?![a-z])"
)


def _build_in_few(match: re.Match[str], today: date, norm: str) -> Hit:
    return future_hit(match)


# --- weekdays ---------------------------------------------------------------------------------


def _weekday_number(match: re.Match[str]) -> int:
    return WEEKDAY_WORDS[match["wd"]]


def _in_week(weeks: int) -> Builder:
    """Weekday in the ISO week ``weeks`` away from today's ("Dienstag letzter Woche": -1)."""

    def build(match: re.Match[str], today: date, norm: str) -> Hit:
        if match["habit"]:
            return vague_hit(match)
        day = monday(today) + timedelta(weeks=weeks, days=_weekday_number(match))
        return hit_at(match, day, today)

    return build


def _weeks_ago(match: re.Match[str], today: date, norm: str) -> Hit:
    if match["habit"]:
        return vague_hit(match)
    day = monday(today - timedelta(weeks=number(match["n"]))) + timedelta(days=_weekday_number(match))
    return hit_at(match, day, today)


def _next_weekday(match: re.Match[str], today: date, norm: str) -> Hit:
    if match["habit"]:
        return vague_hit(match)
    ahead = (_weekday_number(match) - today.weekday()) % 7 or 7
    return future_hit(match, today + timedelta(days=ahead))


def _plain_weekday(match: re.Match[str], today: date, norm: str) -> Hit:
    """Bare, "letzten" or "vergangenen" weekday: the most recent such day strictly before today."""
    if match["habit"]:
        return vague_hit(match)
    weekday = _weekday_number(match)
    back = (today.weekday() - weekday) % 7 or 7
    return hit_at(match, today - timedelta(days=back), today, weekday=weekday)


def _ambiguous_weekday(match: re.Match[str], today: date, norm: str) -> Hit:
    # "diesen Montag" (this week's or the coming one?), "vorletzten Dienstag", "jeden Freitag".
    return vague_hit(match, dated=not match[0].startswith(("jede", "immer")) and not match["habit"])


_WEEK_ADJECTIVES = {
    -1: LAST,
    -2: r"vorletzte[nrm]?",
    0: r"diese[rnm]?",
    1: NEXT,
    2: r"(?:ue|u)bern(?:ae|a)chste[nrm]?",
}

_WEEKDAY_RULES: list[tuple[re.Pattern[str], Builder]] = []
for _weeks, _adjective in _WEEK_ADJECTIVES.items():
    _phrase = week_phrase(_adjective)
    _WEEKDAY_RULES.append((re.compile(rf"(?<![a-z]){_phrase}\s*,?\s*(?:(?:am|an)\s+)?{WD}"), _in_week(_weeks)))
    _WEEKDAY_RULES.append((re.compile(rf"(?<![a-z]){WD}\s*,?\s*{_phrase}"), _in_week(_weeks)))
_WEEKDAY_RULES += [
    (re.compile(rf"(?<![a-z]){WD}\s*,?\s*vor\s+(?P<n>{NUM})\s*wochen?(?![a-z])"), _weeks_ago),
    (re.compile(rf"(?<![a-z])vor\s+(?P<n>{NUM})\s*wochen?\s*,?\s*(?:am\s+)?{WD}"), _weeks_ago),
    (re.compile(rf"(?<![a-z])(?:am\s+)?{NEXT}\s+{WD}"), _next_weekday),
    (re.compile(rf"(?<![a-z])(?:am\s+)?(?:ue|u)bern(?:ae|a)chste[nrm]?\s+{WD}"), _build_in_few),
    (re.compile(rf"(?<![a-z])(?:diese[nrm]?|vorletzte[nrm]?|jede[nrm]?|immer)\s+(?:am\s+)?{WD}"), _ambiguous_weekday),
    (re.compile(rf"(?<![a-z])(?:{LAST}\s+)?{WD}"), _plain_weekday),
]


RELATIVE_RULES: list[tuple[re.Pattern[str], Builder]] = [
    (_RE_TODAY, _build_today),
    (_RE_PAST_DAY, _build_past_day),
    (_RE_TOMORROW, _build_tomorrow),
    (_RE_AGO_FRACTION, _build_ago_fraction),
    (_RE_AGO, _build_ago),
    (_RE_AGO_FEW, _build_ago_few),
    (_RE_IN, _build_in),
    (_RE_IN_FEW, _build_in_few),
    *_WEEKDAY_RULES,
]
