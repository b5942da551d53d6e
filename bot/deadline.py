"""Read incident dates from German messages and compute the Strafantrag deadline.

Officials tell the bot when an incident happened; the bot states the last day to file a
Strafantrag (§ 77b StGB: three months from knowledge of the act and the offender) and how many
days remain. A wrong date is worse than none, so every reading is cautious:

* ``ok``          – one specific day in the past (or today),
* ``future``      – a day after today ("morgen", "nächsten Montag", "3.12.2027"),
* ``vague``       – a time that is not one day ("letzte Woche", "Anfang Oktober", "um den 3. Oktober"),
  or several expressions that contradict each other ("Montag, den 3.10." when the 3rd is no Monday),
* ``unparseable`` – nothing date-like, or an impossible date ("31. Februar", "32.1.").

How a message is read:

1. The text is folded by :func:`bot.text.fold_with_origin` (lower case, ä→ae, ß→ss, quotes and
   dashes as ASCII); every character keeps its position in the original text, so the recognised
   substring can be reported.
2. Curated patterns find date expressions ("hits"); at each position the longest hit wins,
   so "Dienstag letzter Woche" beats "Dienstag".
3. Hedges around a hit ("ungefähr", "um den", "oder so", "3.-4.") make it vague.
4. Hits close to each other (at most three words apart, same sentence) are read together:
   "letztes Jahr am 3. Oktober" takes the year from "letztes Jahr", "Montag, 23.11." checks the
   weekday, "Montag oder Dienstag" contradicts itself and is vague.
5. A bare weekday or a date without a year depends on context: a vague time word anywhere in
   the same sentence must agree with it ("Letzte Woche …, am Dienstag" is vague on a Wednesday,
   because the most recent Tuesday is in this week).

The deadline is the day with the same number three months later, or the last day of that month
when it is shorter (§§ 187, 188 BGB). If that day is a Saturday, Sunday or public holiday, the
period ends at the end of the next working day (§ 77b Abs. 1 S. 2 StGB). Holidays are the Land's
when the Land is known, otherwise only the nationwide ones: an unknown Land can only make the
stated last day earlier than the legal one, never later.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Literal

from bot.hours import HOLIDAY_REGIONS, is_holiday
from bot.text import fold_with_origin

ReadingStatus = Literal["ok", "future", "vague", "unparseable"]
DeadlineState = Literal["open", "soon", "last_day", "passed"]

STRAFANTRAG_MONTHS = 3


@dataclass(frozen=True)
class DateReading:
    """What a message says about the day of an incident.

    Attributes:
        status: ``ok`` (one past day or today), ``future``, ``vague`` or ``unparseable``.
        day: The date for ``ok``; the future date for ``future`` when it can be computed;
            None otherwise.
        year_assumed: True when the user gave day and month without a year.
        matched: The recognised substring of the message (for tests; never log it).
    """

    status: ReadingStatus
    day: date | None = None
    year_assumed: bool = False
    matched: str = ""


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


# --------------------------------------------------------------------------------------------
# Deadline arithmetic
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Vocabulary (text folding: bot.text)
# --------------------------------------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation, longest first so "einem" is not read as "ein"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_NUMBER_WORDS: dict[str, int] = {
    "ein": 1,
    "eine": 1,
    "einem": 1,
    "einen": 1,
    "einer": 1,
    "eins": 1,
    "zwei": 2,
    "zwo": 2,
    "drei": 3,
    "vier": 4,
    "fuenf": 5,
    "funf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwoelf": 12,
    "zwolf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fuenfzehn": 15,
    "funfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
    "zwanzig": 20,
    "dreissig": 30,
    "dreisig": 30,
}
_NUM = rf"(?:\d{{1,3}}(?!\d)|(?:{_alternation(_NUMBER_WORDS)})(?![a-z]))"


def _ordinal_stems() -> dict[str, int]:
    """Stems of the German ordinals 1–31 ("dritt" + e/en/er/em/es), umlaut-less spellings too."""
    stems: dict[str, int] = {}
    simple = {
        1: ("erst",),
        2: ("zweit",),
        3: ("dritt",),
        4: ("viert",),
        5: ("fuenft", "funft"),
        6: ("sechst",),
        7: ("siebt", "siebent"),
        8: ("acht",),
        9: ("neunt",),
        10: ("zehnt",),
        11: ("elft",),
        12: ("zwoelft", "zwolft"),
        13: ("dreizehnt",),
        14: ("vierzehnt",),
        15: ("fuenfzehnt", "funfzehnt"),
        16: ("sechzehnt",),
        17: ("siebzehnt",),
        18: ("achtzehnt",),
        19: ("neunzehnt",),
        20: ("zwanzigst",),
        30: ("dreissigst", "dreisigst"),
    }
    for number, words in simple.items():
        for word in words:
            stems[word] = number
    units = {1: ("ein",), 2: ("zwei",), 3: ("drei",), 4: ("vier",), 5: ("fuenf", "funf")}
    units |= {6: ("sechs",), 7: ("sieben",), 8: ("acht",), 9: ("neun",)}
    for unit, words in units.items():
        for word in words:
            stems[f"{word}undzwanzigst"] = 20 + unit
    for tens in ("dreissigst", "dreisigst"):
        stems[f"einund{tens}"] = 31
    return stems


_ORDINALS = _ordinal_stems()
_ORD = rf"(?:{_alternation(_ORDINALS)})(?:e|en|er|em|es)(?![a-z])"

_MONTH_WORDS: dict[str, int] = {
    "januar": 1,
    "jaenner": 1,
    "janner": 1,
    "jan": 1,
    "februar": 2,
    "febuar": 2,
    "feber": 2,
    "feb": 2,
    "maerz": 3,
    "marz": 3,
    "maer": 3,
    "mar": 3,
    "mrz": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "dez": 12,
}
_MONTH_ABBREVIATIONS = frozenset(
    {"jan", "feb", "maer", "mar", "mrz", "apr", "jun", "jul", "aug", "sept", "sep", "okt", "nov", "dez"}
)
_FULL_MON = rf"(?:{_alternation(w for w in _MONTH_WORDS if w not in _MONTH_ABBREVIATIONS)})(?![a-z])"
# Only an abbreviation takes a dot: in "am 2. September." the dot ends the sentence.
_MON = rf"(?:{_FULL_MON}|(?:{_alternation(_MONTH_ABBREVIATIONS)})(?![a-z])\.?)"

_WEEKDAY_WORDS: dict[str, int] = {
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "mitwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonnabend": 5,
    "sonntag": 6,
}
# "Dienstagabend" is Tuesday; "dienstags" (habitual) is no single day.
_WD = (
    rf"(?P<wd>{_alternation(_WEEKDAY_WORDS)})"
    r"(?:abend|nacht|morgen|mittag|vormittag|nachmittag|frueh|fruh)?(?P<habit>s)?(?![a-z])"
)
_LAST = r"(?:letzte[nrsm]?|vergangene[nrsm]?|vorige[nrsm]?)"
_NEXT = r"(?:naechste[nrsm]?|nachste[nrsm]?|kommende[nrsm]?)"
_UNIT = (
    r"(?P<unit>tagen|tage|tag|wochen|woche|monaten|monate|monat|jahren|jahre|jahr|"
    r"stunden|stunde|std|minuten|minute|min)(?![a-z])\.?"
)
_APPROX = (
    r"(?:etwa|ungefaehr|ungefahr|circa|ca\.?|zirka|rund|gut|knapp|fast|beinahe|ueber|uber|"
    r"mehr\s+als|weniger\s+als|so|schon|bestimmt|mindestens|hoechstens|hochstens|maximal|max\.?)"
)
_YEAR_WORD = r"jahr(?:e?s)?"

# Minutes and hours ago count as today only when few: the time of day is unknown.
_MAX_HOURS_AGO = 3
_MAX_MINUTES_AGO = 180


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


# --------------------------------------------------------------------------------------------
# Hits: one recognised expression each
# --------------------------------------------------------------------------------------------

HitStatus = Literal["ok", "future", "vague", "invalid"]


@dataclass(frozen=True)
class _Constraint:
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
class _Hit:
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
    constraint: _Constraint | None = None
    soft: bool = False
    dated: bool = False


Builder = Callable[[re.Match[str], date, str], _Hit | None]


def _at(
    match: re.Match[str],
    day: date,
    today: date,
    *,
    year_assumed: bool = False,
    month_day: tuple[int, int] | None = None,
    weekday: int | None = None,
) -> _Hit:
    status: HitStatus = "future" if day > today else "ok"
    return _Hit(match.start(), match.end(), status, day, year_assumed, month_day, weekday)


def _vague(match: re.Match[str], constraint: _Constraint | None = None, *, dated: bool = False) -> _Hit:
    return _Hit(match.start(), match.end(), "vague", constraint=constraint, dated=dated)


def _invalid(match: re.Match[str]) -> _Hit:
    return _Hit(match.start(), match.end(), "invalid")


def _future(match: re.Match[str], day: date | None = None) -> _Hit:
    return _Hit(match.start(), match.end(), "future", day)


def _calendar_date(match: re.Match[str], today: date, day: int, month: int, year: int | None) -> _Hit | None:
    """A day/month(/year) date; without a year the most recent such day (≤ today)."""
    if not 1 <= month <= 12:
        return None
    if year is None:
        year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
        assumed = True
    else:
        assumed = False
    try:
        resolved = date(year, month, day)
    except ValueError:
        return _invalid(match)
    month_day = (month, day) if assumed else None
    return _at(match, resolved, today, year_assumed=assumed, month_day=month_day)


# --- heute, gestern, morgen -------------------------------------------------------------------

_RE_TODAY = re.compile(
    r"(?<![a-z])(?:(?P<heute>heute)(?:\s+(?:(?:am|gegen)\s+)?(?:morgen|frueh|fruh|vormittag|mittag|nachmittag|abend))?"
    r"|vorhin|soeben|gerade\s+eben|eben\s+gerade)(?![a-z])"
)
_NOT_TODAY_BEFORE = re.compile(r"(?<![a-z])(?:bis|ab|von)\s+$")


def _build_today(match: re.Match[str], today: date, norm: str) -> _Hit | None:
    # "bis heute keine Antwort", "ab heute", "von heute auf morgen": not the incident day.
    if match["heute"] and _NOT_TODAY_BEFORE.search(norm, 0, match.start()):
        return None
    return _at(match, today, today)


_RE_PAST_DAY = re.compile(
    r"(?<![a-z])(?P<w>vorvorgestern|vorgestern|vor\s+gestern|gestern)"
    r"(?:\s+(?:(?:am|gegen|in\s+der)\s+)?(?:morgen|frueh|fruh|vormittag|mittag|nachmittag|abend|nacht))?(?![a-z])"
)
_PAST_DAY_OFFSET = {"vorvorgestern": 3, "vorgestern": 2, "gestern": 1}


def _build_past_day(match: re.Match[str], today: date, norm: str) -> _Hit:
    word = re.sub(r"\s+", "", match["w"])
    return _at(match, today - timedelta(days=_PAST_DAY_OFFSET[word]), today)


_RE_TOMORROW = re.compile(r"(?<![a-z])(?P<w>(?:ue|u)bermorgen|morgen)(?![a-z])")
# "guten Morgen", "am Morgen", "jeden Morgen", "heute Morgen": the noun, not "tomorrow".
_MORNING_BEFORE = re.compile(
    r"(?<![a-z])(?:guten|am|jeden|den|dem|diesen|eines|einem|naechsten|nachsten|folgenden|selben|gleichen|"
    r"heute|gestern|vorgestern|frueh|fruh|fruehen|fruhen|spaeten|spaten|ganzen|schoenen|schonen)\s+$"
)


def _build_tomorrow(match: re.Match[str], today: date, norm: str) -> _Hit | None:
    if match["w"] == "morgen":
        if _MORNING_BEFORE.search(norm, 0, match.start()):
            return None
        return _future(match, today + timedelta(days=1))
    return _future(match, today + timedelta(days=2))


# --- vor N Tagen, in N Tagen --------------------------------------------------------------------

_RE_AGO = re.compile(
    rf"(?<![a-z])(?:(?P<base>heute|gestern|vorgestern)\s+)?vor\s+(?P<approx>{_APPROX}\s+)?(?P<n>{_NUM})"
    rf"(?P<range>\s*(?:-|bis|oder|,|/)\s*(?P<n2>{_NUM}))?\s*{_UNIT}"
    rf"(?P<more>\s*(?:,|und)\s*(?:{_NUM}|ein(?:em|er|en)?\s+halbe[nm]?)\s+(?:tag|woche|monat|jahr|stunde|minute)\w*)?"
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


def _build_ago(match: re.Match[str], today: date, norm: str) -> _Hit | None:
    kind = _unit_kind(match["unit"])
    base = today - timedelta(days=_BASE_OFFSET.get(match["base"] or "heute", 0))
    amounts = [_number(match["n"])] + ([_number(match["n2"])] if match["n2"] else [])
    if kind in ("stunde", "minute"):
        return _at(match, base, today) if _few_hours(max(amounts), kind) else _vague(match, dated=True)
    if match["approx"] or match["range"] or match["more"]:
        return _vague(match)
    try:
        return _at(match, _shift(base, -amounts[0], kind), today)
    except (ValueError, OverflowError):
        return _invalid(match)


_RE_AGO_FRACTION = re.compile(
    r"(?<![a-z])vor\s+(?:(?:ein|einem|einer)\s+)?"
    rf"(?P<amount>halben?|anderthalb|[a-z]*einhalb|dreiviertel|\d+[.,]\d+)\s*{_UNIT}"
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
    whole = _NUMBER_WORDS.get(word.removesuffix("einhalb"))
    return None if whole is None else whole + 0.5


def _build_ago_fraction(match: re.Match[str], today: date, norm: str) -> _Hit:
    kind = _unit_kind(match["unit"])
    if kind not in ("stunde", "minute"):
        return _vague(match)
    amount = _fraction(match["amount"])
    if amount is not None and amount <= (_MAX_HOURS_AGO if kind == "stunde" else _MAX_MINUTES_AGO):
        return _at(match, today, today)
    return _vague(match, dated=True)


_RE_AGO_FEW = re.compile(
    r"(?<![a-z])vor\s+(?:(?:ein\s+paar|paar|einigen|mehreren|wenigen|vielen|etlichen)\s+)?"
    r"(?P<unit>tagen|wochen|monaten|jahren|stunden|minuten)(?![a-z])"
)


def _build_ago_few(match: re.Match[str], today: date, norm: str) -> _Hit:
    return _at(match, today, today) if match["unit"] == "minuten" else _vague(match)


_RE_IN = re.compile(
    rf"(?<![a-z])in\s+(?P<approx>{_APPROX}\s+)?(?P<n>{_NUM})(?P<range>\s*(?:-|bis|oder|,|/)\s*{_NUM})?\s*{_UNIT}"
)


def _build_in(match: re.Match[str], today: date, norm: str) -> _Hit:
    kind = _unit_kind(match["unit"])
    if match["approx"] or match["range"] or kind in ("stunde", "minute"):
        return _future(match)
    try:
        return _future(match, _shift(today, _number(match["n"]), kind))
    except (ValueError, OverflowError):
        return _future(match)


_RE_IN_FEW = re.compile(
    r"(?<![a-z])in\s+(?:ein\s+paar|paar|einigen|mehreren|wenigen)\s+(?:tagen|wochen|monaten|jahren)(?![a-z])"
    rf"|(?<![a-z])(?:(?:in\s+der|im|am)\s+)?(?:(?:ue|u)ber)?{_NEXT}\s+(?:woche|monat|{_YEAR_WORD}|wochenende)(?![a-z])"
)


def _build_in_few(match: re.Match[str], today: date, norm: str) -> _Hit:
    return _future(match)


# --- weekdays ---------------------------------------------------------------------------------


def _weekday_number(match: re.Match[str]) -> int:
    return _WEEKDAY_WORDS[match["wd"]]


def _in_week(weeks: int) -> Builder:
    """Weekday in the ISO week ``weeks`` away from today's ("Dienstag letzter Woche": -1)."""

    def build(match: re.Match[str], today: date, norm: str) -> _Hit:
        if match["habit"]:
            return _vague(match)
        day = _monday(today) + timedelta(weeks=weeks, days=_weekday_number(match))
        return _at(match, day, today)

    return build


def _weeks_ago(match: re.Match[str], today: date, norm: str) -> _Hit:
    if match["habit"]:
        return _vague(match)
    day = _monday(today - timedelta(weeks=_number(match["n"]))) + timedelta(days=_weekday_number(match))
    return _at(match, day, today)


def _next_weekday(match: re.Match[str], today: date, norm: str) -> _Hit:
    if match["habit"]:
        return _vague(match)
    ahead = (_weekday_number(match) - today.weekday()) % 7 or 7
    return _future(match, today + timedelta(days=ahead))


def _plain_weekday(match: re.Match[str], today: date, norm: str) -> _Hit:
    """Bare, "letzten" or "vergangenen" weekday: the most recent such day strictly before today."""
    if match["habit"]:
        return _vague(match)
    weekday = _weekday_number(match)
    back = (today.weekday() - weekday) % 7 or 7
    return _at(match, today - timedelta(days=back), today, weekday=weekday)


def _ambiguous_weekday(match: re.Match[str], today: date, norm: str) -> _Hit:
    # "diesen Montag" (this week's or the coming one?), "vorletzten Dienstag", "jeden Freitag".
    return _vague(match, dated=not match[0].startswith(("jede", "immer")) and not match["habit"])


def _week_phrase(adjective: str) -> str:
    return rf"(?:in\s+der\s+|in\s+)?{adjective}\s+woche(?![a-z])"


_WEEK_ADJECTIVES = {
    -1: _LAST,
    -2: r"vorletzte[nrm]?",
    0: r"diese[rnm]?",
    1: _NEXT,
    2: r"(?:ue|u)bern(?:ae|a)chste[nrm]?",
}

_WEEKDAY_RULES: list[tuple[re.Pattern[str], Builder]] = []
for _weeks, _adjective in _WEEK_ADJECTIVES.items():
    _phrase = _week_phrase(_adjective)
    _WEEKDAY_RULES.append((re.compile(rf"(?<![a-z]){_phrase}\s*,?\s*(?:(?:am|an)\s+)?{_WD}"), _in_week(_weeks)))
    _WEEKDAY_RULES.append((re.compile(rf"(?<![a-z]){_WD}\s*,?\s*{_phrase}"), _in_week(_weeks)))
_WEEKDAY_RULES += [
    (re.compile(rf"(?<![a-z]){_WD}\s*,?\s*vor\s+(?P<n>{_NUM})\s*wochen?(?![a-z])"), _weeks_ago),
    (re.compile(rf"(?<![a-z])vor\s+(?P<n>{_NUM})\s*wochen?\s*,?\s*(?:am\s+)?{_WD}"), _weeks_ago),
    (re.compile(rf"(?<![a-z])(?:am\s+)?{_NEXT}\s+{_WD}"), _next_weekday),
    (re.compile(rf"(?<![a-z])(?:am\s+)?(?:ue|u)bern(?:ae|a)chste[nrm]?\s+{_WD}"), _build_in_few),
    (re.compile(rf"(?<![a-z])(?:diese[nrm]?|vorletzte[nrm]?|jede[nrm]?|immer)\s+(?:am\s+)?{_WD}"), _ambiguous_weekday),
    (re.compile(rf"(?<![a-z])(?:{_LAST}\s+)?{_WD}"), _plain_weekday),
]


# --- calendar dates ---------------------------------------------------------------------------

_REL_YEAR = (
    r"(?P<rel>(?:des\s+)?(?:vorletzten|letzten|vergangenen|vorigen|diesen|dieses)\s+jahres"
    r"|(?:im\s+)?(?:vorletzten|letzten|vergangenen|vorigen)\s+jahr"
    r"|(?:vorletztes|letztes|vergangenes|voriges|dieses)\s+jahr)(?![a-z])"
)
_RE_DAY_MONTH = re.compile(
    rf"(?<![\w.,/:])(?:(?P<d>\d{{1,2}})(?:\.|ten|ter|te|sten|ster)?|(?P<o>{_ORD}))\s*(?P<mon>{_MON})"
    r"(?:\s*(?P<y>\d{4})(?!\d)(?![.,:]\d)(?!\s*(?:€|euro|eur(?![a-z])|uhr|%))"
    rf"|\s*'(?P<y2>\d{{2}})(?!\d)|\s+{_REL_YEAR})?"
)


def _relative_year(word: str, today: date) -> int:
    if word.startswith(("dies",)):
        return today.year
    return today.year - (2 if "vorletzt" in word else 1)


def _build_day_month(match: re.Match[str], today: date, norm: str) -> _Hit | None:
    day = int(match["d"]) if match["d"] else _ORDINALS[re.sub(r"(?:e|en|er|em|es)$", "", match["o"])]
    month = _MONTH_WORDS[match["mon"].rstrip(".")]
    year: int | None = None
    if match["y"]:
        year = int(match["y"])
    elif match["y2"]:
        year = 2000 + int(match["y2"])
    elif match["rel"]:
        words = match["rel"].split()
        year = _relative_year(words[-2], today)
    return _calendar_date(match, today, day, month, year)


# "3.10.", "03.10.2026", "3.10.26"; "3.10" without the final dot only after "am"/"den"/"vom".
_RE_NUMERIC = re.compile(
    r"(?<![\w.,/:])(?P<d>\d{1,2})\.(?P<space>\s?)(?P<m>\d{1,2})"
    r"(?:(?P<dot>\.)(?:\s?(?P<y>\d{4})|(?P<y2>\d{2}))?)?(?!\d)(?![.,:]\d)"
)
_BARE_NUMERIC_BEFORE = re.compile(r"(?<![a-z])(?:am|den|dem|vom|zum)\s+$")
_TIME_OR_MONEY_AFTER = re.compile(r"\s*(?:uhr|h(?![a-z])|€|euro|eur(?![a-z])|%|prozent|mio|cent)")


def _build_numeric(match: re.Match[str], today: date, norm: str) -> _Hit | None:
    if not match["dot"] and (
        match["space"]
        or not _BARE_NUMERIC_BEFORE.search(norm, 0, match.start())
        or _TIME_OR_MONEY_AFTER.match(norm, match.end())
    ):
        return None
    year = int(match["y"]) if match["y"] else (2000 + int(match["y2"]) if match["y2"] else None)
    return _calendar_date(match, today, int(match["d"]), int(match["m"]), year)


_RE_ISO = re.compile(r"(?<![\w.,/:-])(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d-])")


def _build_iso(match: re.Match[str], today: date, norm: str) -> _Hit | None:
    return _calendar_date(match, today, int(match["d"]), int(match["m"]), int(match["y"]))


# "am 3." / "am dritten" without a month names a day of some month. Only when nothing follows
# but punctuation or a time: "den 2. Brief", "am ersten Abend" are no dates.
_DAY_ONLY_END = (
    r"(?=\s*(?:$|[,;!?)]|\.(?!\s*\d)|(?:des|dieses|letzten|vergangenen|vorigen)\s+monats(?![a-z])"
    r"|(?:gegen|um)\s+\d|(?:abends|morgens|nachts|mittags|vormittags|nachmittags)(?![a-z])))"
)
_RE_DAY_ONLY = re.compile(rf"(?<![a-z])(?:am|den|dem|vom)\s+(?:(?P<d>\d{{1,2}})\.|(?P<o>{_ORD})){_DAY_ONLY_END}")


def _build_day_only(match: re.Match[str], today: date, norm: str) -> _Hit | None:
    day = int(match["d"]) if match["d"] else _ORDINALS[re.sub(r"(?:e|en|er|em|es)$", "", match["o"])]
    if not 1 <= day <= 31:
        return None
    return _vague(match, _Constraint(days=(day, day)))


# --- vague time words -------------------------------------------------------------------------


def _fixed(constraint: Callable[[re.Match[str], date], _Constraint | None], *, dated: bool = False) -> Builder:
    def build(match: re.Match[str], today: date, norm: str) -> _Hit:
        return _vague(match, constraint(match, today), dated=dated)

    return build


def _nothing(match: re.Match[str], today: date) -> _Constraint | None:
    return None


def _week(weeks: int) -> Callable[[re.Match[str], date], _Constraint]:
    def constraint(match: re.Match[str], today: date) -> _Constraint:
        return _Constraint(week_monday=_monday(today) + timedelta(weeks=weeks))

    return constraint


def _month(months: int) -> Callable[[re.Match[str], date], _Constraint]:
    def constraint(match: re.Match[str], today: date) -> _Constraint:
        day = add_months(today.replace(day=1), months)
        return _Constraint(year=day.year, months=frozenset({day.month}))

    return constraint


def _year(years: int) -> Callable[[re.Match[str], date], _Constraint]:
    def constraint(match: re.Match[str], today: date) -> _Constraint:
        return _Constraint(year=today.year + years)

    return constraint


def _weekend(match: re.Match[str], today: date) -> _Constraint:
    word = match["which"] or ""
    if word.startswith(("letzt", "vergangen", "vorig")):
        return _Constraint(weekend=True, week_monday=_monday(today) - timedelta(weeks=1))
    if word.startswith("dies"):
        return _Constraint(weekend=True, week_monday=_monday(today))
    return _Constraint(weekend=True)


_PART_OF_MONTH = {"anfang": (1, 10), "mitte": (11, 20), "ende": (21, 31)}


def _part_of(match: re.Match[str], today: date) -> _Constraint | None:
    year_text = match["y"] or match["y2"]
    year = int(year_text) if year_text else None
    if match["mon"]:
        month = _MONTH_WORDS[match["mon"]]
        return _Constraint(year=year, months=frozenset({month}), days=_PART_OF_MONTH[match["part"]])
    return _Constraint(year=year) if year else None


_SEASONS = {
    "sommer": frozenset({6, 7, 8}),
    "herbst": frozenset({9, 10, 11}),
    "winter": frozenset({12, 1, 2}),
    "fruehling": frozenset({3, 4, 5}),
    "fruhling": frozenset({3, 4, 5}),
    "fruehjahr": frozenset({3, 4, 5}),
    "fruhjahr": frozenset({3, 4, 5}),
}


def _season(match: re.Match[str], today: date) -> _Constraint:
    return _Constraint(months=_SEASONS[match["season"]])


def _month_name(match: re.Match[str], today: date) -> _Constraint:
    year = int(match["y"]) if match["y"] else None
    return _Constraint(year=year, months=frozenset({_MONTH_WORDS[match["mon"]]}))


def _bare_year(match: re.Match[str], today: date) -> _Constraint:
    return _Constraint(year=int(match["y"]))


def _build_soft(match: re.Match[str], today: date, norm: str) -> _Hit:
    return _Hit(match.start(), match.end(), "vague", soft=True)


_VAGUE_RULES: list[tuple[re.Pattern[str], Builder]] = [
    (re.compile(rf"(?<![a-z]){_week_phrase(_LAST)}"), _fixed(_week(-1))),
    (re.compile(rf"(?<![a-z]){_week_phrase(r'vorletzte[nrm]?')}"), _fixed(_week(-2))),
    (re.compile(rf"(?<![a-z]){_week_phrase(r'diese[rnm]?')}"), _fixed(_week(0))),
    (re.compile(rf"(?<![a-z])(?:im\s+)?{_LAST}\s+monats?(?![a-z])"), _fixed(_month(-1))),
    (re.compile(r"(?<![a-z])(?:im\s+)?vorletzte[nm]?\s+monats?(?![a-z])"), _fixed(_month(-2))),
    (re.compile(r"(?<![a-z])(?:in\s+|im\s+)?diese[nm]?\s+monats?(?![a-z])"), _fixed(_month(0))),
    (re.compile(rf"(?<![a-z])(?:im\s+)?{_LAST}\s+{_YEAR_WORD}(?![a-z])"), _fixed(_year(-1))),
    (re.compile(rf"(?<![a-z])(?:im\s+)?vorletzte[snm]?\s+{_YEAR_WORD}(?![a-z])"), _fixed(_year(-2))),
    (re.compile(rf"(?<![a-z])(?:in\s+|im\s+)?diese[snm]?\s+{_YEAR_WORD}(?![a-z])"), _fixed(_year(0))),
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
            rf"vorige[nrs]?)\s+)?(?:(?P<mon>{_FULL_MON})(?:\s+(?P<y>(?:19|20)\d{{2}})(?!\d))?|"
            rf"(?P<y2>(?:19|20)\d{{2}})(?!\d)|monats?(?![a-z])|woche(?![a-z])|{_YEAR_WORD}(?![a-z]))"
        ),
        _fixed(_part_of),
    ),
    (
        re.compile(
            rf"(?<![a-z])(?:(?:im|in\s+den|{_LAST}|diese[nm]?)\s+)?(?P<season>sommer|herbst|winter|"
            r"fruehling|fruhling|fruehjahr|fruhjahr)(?![a-z])"
        ),
        _fixed(_season),
    ),
    (
        re.compile(rf"(?<![a-z])(?:(?:im|seit)\s+)?(?P<mon>{_FULL_MON})(?:\s+(?P<y>(?:19|20)\d{{2}})(?!\d))?"),
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
            rf"(?:{_alternation(_WEEKDAY_WORDS)}|\d{{1,2}}\.(?:\s*\d{{1,2}}\.|\s*{_MON})?))"
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
            rf"(?<![a-z])seit\s+(?:(?:ein\s+paar|paar|einigen|mehreren|wenigen|vielen|{_NUM})\s+)?"
            r"(?:tagen|tag|wochen|woche|monaten|monat|jahren|jahr)(?![a-z])"
        ),
        _fixed(_nothing),
    ),
    (
        re.compile(
            rf"(?<![a-z])(?:(?:in\s+den|die|den)\s+)?(?:letzten|vergangenen)\s+(?:(?:{_NUM}|paar|beiden)\s+)?"
            r"(?:tagen|tage|wochen|monaten|monate|jahren|jahre)(?![a-z])"
        ),
        _fixed(_nothing),
    ),
    (re.compile(r"(?<![a-z])(?:irgendwann|damals)(?![a-z])"), _build_soft),
]

_RULES: list[tuple[re.Pattern[str], Builder]] = [
    (_RE_TODAY, _build_today),
    (_RE_PAST_DAY, _build_past_day),
    (_RE_TOMORROW, _build_tomorrow),
    (_RE_AGO_FRACTION, _build_ago_fraction),
    (_RE_AGO, _build_ago),
    (_RE_AGO_FEW, _build_ago_few),
    (_RE_IN, _build_in),
    (_RE_IN_FEW, _build_in_few),
    *_WEEKDAY_RULES,
    (_RE_DAY_MONTH, _build_day_month),
    (_RE_NUMERIC, _build_numeric),
    (_RE_ISO, _build_iso),
    (_RE_DAY_ONLY, _build_day_only),
    *_VAGUE_RULES,
]

# Approximations around a date make it vague: "um den 3. Oktober", "3.-4. Oktober", "gestern oder so".
_HEDGE_BEFORE = re.compile(
    r"(?:(?<![a-z])(?:ungefaehr|ungefahr|etwa|circa|ca\.|ca|zirka|schaetzungsweise|schatzungsweise|rund|zwischen|"
    r"kurz\s+vor|kurz\s+nach|vor|nach|um|gegen|so\s+(?:um|gegen|am|an|ungefaehr|ungefahr|etwa))"
    r"\s*(?:(?:am|an|dem|den)\s+)?"
    r"|\d\.\s*(?:-|bis|oder|und|/|&)\s*(?:(?:am|dem|den)\s+)?|\d\s*(?:-|bis)\s*)$"
)
_HEDGE_AFTER = re.compile(
    r"\s*,?\s*\(?\s*(?:oder\s+so(?![a-z])|(?:so\s+)?(?:rum|herum)(?![a-z])|plus\s*minus|\+/?-|±"
    r"|(?:ungefaehr|ungefahr|etwa|circa|ca\.?)\s*(?:$|[,.!?;)])"
    r"|(?:oder|bzw\.?|beziehungsweise)\s+(?:so\s+)?(?:um|gegen|kurz|spaeter|spater|frueher|fruher|davor|danach)(?![a-z]))"
)


def _hedged(hit: _Hit, norm: str) -> _Hit:
    if hit.status in ("ok", "future") and (
        _HEDGE_BEFORE.search(norm, 0, hit.start) or _HEDGE_AFTER.match(norm, hit.end)
    ):
        return _Hit(hit.start, hit.end, "vague", dated=hit.status == "ok")
    return hit


def _hits(norm: str, today: date) -> list[_Hit]:
    """All hits, the longest at each position, without overlaps, in text order."""
    found: list[_Hit] = []
    for pattern, build in _RULES:
        for match in pattern.finditer(norm):
            hit = build(match, today, norm)
            if hit is not None:
                found.append(hit)
    found.sort(key=lambda h: (h.start, h.start - h.end))
    chosen: list[_Hit] = []
    for hit in found:
        if not chosen or hit.start >= chosen[-1].end:
            chosen.append(_hedged(hit, norm))
    return chosen


# --------------------------------------------------------------------------------------------
# Reading hits together
# --------------------------------------------------------------------------------------------

_SENTENCE_BREAK = re.compile(r"[.!?;\n]")
_WORD = re.compile(r"[a-z0-9]+")
_MAX_GAP_WORDS = 3


def _same_sentence(norm: str, end: int, start: int) -> bool:
    return not _SENTENCE_BREAK.search(norm, end, start)


def _close(norm: str, end: int, start: int) -> bool:
    return _same_sentence(norm, end, start) and len(_WORD.findall(norm, end, start)) <= _MAX_GAP_WORDS


@dataclass(frozen=True)
class _Result:
    status: HitStatus
    day: date | None
    year_assumed: bool
    start: int
    end: int
    dated: bool


def _groups(norm: str, hits: list[_Hit]) -> list[list[_Hit]]:
    groups: list[list[_Hit]] = []
    for hit in hits:
        if groups and _close(norm, groups[-1][-1].end, hit.start):
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups


def _bind(hit: _Hit, constraints: list[_Constraint], today: date) -> _Hit | None:
    """Give a context-dependent hit the year or week that a close vague word names.

    Returns None when the close words name different years or weeks.
    """
    years = {c.year for c in constraints if c.year is not None}
    weeks = {c.week_monday for c in constraints if c.week_monday is not None}
    if hit.month_day is not None and years:
        if len(years) > 1:
            return None
        month, day = hit.month_day
        try:
            resolved = date(years.pop(), month, day)
        except ValueError:
            return _Hit(hit.start, hit.end, "invalid")
        return replace(
            hit, status="future" if resolved > today else "ok", day=resolved, year_assumed=False, month_day=None
        )
    if hit.weekday is not None and weeks:
        if len(weeks) > 1:
            return None
        resolved = weeks.pop() + timedelta(days=hit.weekday)
        return replace(hit, status="future" if resolved > today else "ok", day=resolved, weekday=None)
    return hit


def _evaluate(group: list[_Hit], everything: list[_Hit], norm: str, today: date) -> _Result:
    """One reading for a group of close hits (see the module docstring)."""
    start, end = group[0].start, group[-1].end
    precise = [h for h in group if h.status in ("ok", "future")]
    vague = [h for h in group if h.status == "vague" and not h.soft]
    # Contradictions about a past day are ambiguous dates; about future days they are not.
    past = any(h.status == "ok" or h.dated for h in group)

    def result(status: HitStatus, day: date | None = None, assumed: bool = False, dated: bool = past) -> _Result:
        return _Result(status, day, assumed, start, end, dated)

    if any(h.status == "invalid" for h in group):
        return result("invalid")
    if not precise:
        return result("vague")
    if any(h.day is None for h in precise):
        return result("future", dated=True) if len(precise) == 1 and not vague else result("vague")
    constraints = [h.constraint for h in vague]
    if any(c is None for c in constraints):
        return result("vague")
    known = [c for c in constraints if c is not None]
    bound: list[_Hit] = []
    for hit in precise:
        resolved = _bind(hit, known, today)
        if resolved is None:
            return result("vague")
        if resolved.status == "invalid":
            return result("invalid")
        bound.append(resolved)
    anchor = next((h for h in bound if h.weekday is None), bound[0])
    day = anchor.day
    if day is None:
        return result("vague")
    for hit in bound:
        agrees = day.weekday() == hit.weekday if hit.weekday is not None else hit.day == day
        if not agrees:
            return result("vague")
    if not all(c.allows(day) for c in known):
        return result("vague")
    if anchor.month_day is not None or anchor.weekday is not None:
        # A bare weekday or a date without a year must fit every vague word in its sentence.
        for other in everything:
            if any(other is h for h in group) or other.status != "vague" or other.soft:
                continue
            between = (other.end, start) if other.end <= start else (end, other.start)
            if _same_sentence(norm, *between) and (other.constraint is None or not other.constraint.allows(day)):
                return result("vague")
    status: HitStatus = "future" if day > today else "ok"
    return result(status, day, anchor.year_assumed, dated=True)


def _results(text: str, today: date) -> tuple[list[_Result], str, list[int]]:
    norm, origin = fold_with_origin(text)
    hits = _hits(norm, today)
    return [_evaluate(group, hits, norm, today) for group in _groups(norm, hits)], norm, origin


def _reading(result: _Result, text: str, origin: list[int]) -> DateReading:
    matched = text[origin[result.start] : origin[result.end - 1] + 1].strip()
    if result.status == "invalid":
        return DateReading("unparseable", matched=matched)
    if result.status == "vague":
        return DateReading("vague", matched=matched)
    return DateReading(result.status, result.day, result.year_assumed, matched)


# --------------------------------------------------------------------------------------------
# Public readers
# --------------------------------------------------------------------------------------------


def read_date(text: str, today: date) -> DateReading:
    """Read an answer that should be a date (e.g. reply to 'Wann ist das passiert?').

    Trailing words are fine ("gestern abend", "am 3. Oktober gegen 20 Uhr"). Any impossible
    date makes the answer unparseable; several different days make it vague.

    Args:
        text: The user's answer.
        today: The current day.

    Returns:
        ``ok``/``future`` with the day, ``vague`` or ``unparseable``.
    """
    results, _, origin = _results(text, today)
    for result in results:
        if result.status == "invalid":
            return _reading(result, text, origin)
    precise = [r for r in results if r.status in ("ok", "future")]
    ambiguous = [r for r in results if r.status == "vague" and r.dated]
    if precise and not ambiguous:
        if len({r.day for r in precise}) == 1:
            return _reading(precise[0], text, origin)
        return DateReading("vague", matched=_reading(precise[0], text, origin).matched)
    if ambiguous:
        return _reading(ambiguous[0], text, origin)
    vague = [r for r in results if r.status == "vague"]
    return _reading(vague[0], text, origin) if vague else DateReading("unparseable")


def find_date(text: str, today: date) -> DateReading:
    """Find the first date expression inside a longer message.

    Example: 'Mir wurde … gedroht, das war am 2. September'. The first expression naming one
    day wins (an impossible or ambiguous one makes the result unparseable or vague). Days in
    the future count only when no past day is named: a threat often names one ("er kommt
    morgen wieder").

    Args:
        text: The whole message.
        today: The current day.

    Returns:
        ``unparseable`` if nothing date-like is found; ``vague`` if only vague time words are
        found; otherwise the reading of the first date expression.
    """
    results, _, origin = _results(text, today)
    for result in results:
        if result.status in ("ok", "invalid") or (result.status == "vague" and result.dated):
            return _reading(result, text, origin)
    for wanted in ("future", "vague"):
        for result in results:
            if result.status == wanted:
                return _reading(result, text, origin)
    return DateReading("unparseable")
