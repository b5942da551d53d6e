"""Read the day of an incident from a German message: :func:`read_date` and :func:`find_date`.

A wrong date is worse than none, so every reading is cautious:

* ``ok``          – one specific day in the past (or today),
* ``future``      – a day after today ("morgen", "nächsten Montag", "3.12.2027"),
* ``vague``       – a time that is not one day ("letzte Woche", "Anfang Oktober", "um den 3. Oktober"),
  or several expressions that contradict each other ("Montag, den 3.10." when the 3rd is no Monday),
* ``unparseable`` – nothing date-like, or an impossible date ("31. Februar", "32.1.").

How a message is read:

1. The text is folded by :func:`bot.text.fold_with_origin` (lower case, ä→ae, ß→ss, quotes and
   dashes as ASCII); every character keeps its position in the original text, so the recognised
   substring can be reported.
2. Curated patterns (:mod:`bot.dates.relative`, :mod:`bot.dates.absolute`, :mod:`bot.dates.vague`)
   find date expressions ("hits"); at each position the longest hit wins, so "Dienstag letzter
   Woche" beats "Dienstag".
3. Hedges around a hit ("ungefähr", "um den", "oder so", "3.-4.") make it vague.
4. Hits close to each other (at most three words apart, same sentence) are read together:
   "letztes Jahr am 3. Oktober" takes the year from "letztes Jahr", "Montag, 23.11." checks the
   weekday, "Montag oder Dienstag" contradicts itself and is vague.
5. A bare weekday or a date without a year depends on context: a vague time word anywhere in
   the same sentence must agree with it ("Letzte Woche …, am Dienstag" is vague on a Wednesday,
   because the most recent Tuesday is in this week).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from bot.dates.absolute import ABSOLUTE_RULES
from bot.dates.hits import Builder, Constraint, Hit, HitStatus
from bot.dates.relative import RELATIVE_RULES
from bot.dates.vague import VAGUE_RULES
from bot.text import fold_with_origin

ReadingStatus = Literal["ok", "future", "vague", "unparseable"]


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


# --------------------------------------------------------------------------------------------
# Hits in a message
# --------------------------------------------------------------------------------------------

# The order matters: at one position the longest hit wins, among equally long ones the earlier rule's.
_RULES: list[tuple[re.Pattern[str], Builder]] = [*RELATIVE_RULES, *ABSOLUTE_RULES, *VAGUE_RULES]

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


def _hedged(hit: Hit, norm: str) -> Hit:
    if hit.status in ("ok", "future") and (
        _HEDGE_BEFORE.search(norm, 0, hit.start) or _HEDGE_AFTER.match(norm, hit.end)
    ):
        return Hit(hit.start, hit.end, "vague", dated=hit.status == "ok")
    return hit


def _hits(norm: str, today: date) -> list[Hit]:
    """All hits, the longest at each position, without overlaps, in text order."""
    found: list[Hit] = []
    for pattern, build in _RULES:
        for match in pattern.finditer(norm):
            hit = build(match, today, norm)
            if hit is not None:
                found.append(hit)
    found.sort(key=lambda h: (h.start, h.start - h.end))
    chosen: list[Hit] = []
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


def _groups(norm: str, hits: list[Hit]) -> list[list[Hit]]:
    groups: list[list[Hit]] = []
    for hit in hits:
        if groups and _close(norm, groups[-1][-1].end, hit.start):
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups


def _bind(hit: Hit, constraints: list[Constraint], today: date) -> Hit | None:
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
            return Hit(hit.start, hit.end, "invalid")
        return replace(
            hit, status="future" if resolved > today else "ok", day=resolved, year_assumed=False, month_day=None
        )
    if hit.weekday is not None and weeks:
        if len(weeks) > 1:
            return None
        resolved = weeks.pop() + timedelta(days=hit.weekday)
        return replace(hit, status="future" if resolved > today else "ok", day=resolved, weekday=None)
    return hit


def _evaluate(group: list[Hit], everything: list[Hit], norm: str, today: date) -> _Result:
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
    bound: list[Hit] = []
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
