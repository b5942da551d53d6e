"""Calendar dates: "3. Oktober 2026", "am dritten Oktober letzten Jahres", "3.10.", "2026-10-03", "am 3.".

A date without a year is the most recent such day (today or before) and marked ``year_assumed``;
an impossible date ("31. Februar") is an ``invalid`` hit. "am 3." without a month names a day
of some month: a vague hit that a close precise expression must agree with ("gestern, am 3.").
"""

from __future__ import annotations

import re
from datetime import date

from bot.dates.hits import Builder, Constraint, Hit, hit_at, invalid_hit, vague_hit
from bot.dates.vocabulary import MON, MONTH_WORDS, ORD, ORDINALS


def _calendar_date(match: re.Match[str], today: date, day: int, month: int, year: int | None) -> Hit | None:
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
        return invalid_hit(match)
    month_day = (month, day) if assumed else None
    return hit_at(match, resolved, today, year_assumed=assumed, month_day=month_day)


# --- calendar dates ---------------------------------------------------------------------------

_REL_YEAR = (
    r"(?P<rel>(?:des\s+)?(?:vorletzten|letzten|vergangenen|vorigen|diesen|dieses)\s+jahres"
    r"|(?:im\s+)?(?:vorletzten|letzten|vergangenen|vorigen)\s+jahr"
    r"|(?:vorletztes|letztes|vergangenes|voriges|dieses)\s+jahr)(?![a-z])"
)
_RE_DAY_MONTH = re.compile(
    rf"(?<![\w.,/:])(?:(?P<d>\d{{1,2}})(?:\.|ten|ter|te|sten|ster)?|(?P<o>{ORD}))\s*(?P<mon>{MON})"
    r"(?:\s*(?P<y>\d{4})(?!\d)(?![.,:]\d)(?!\s*(?:€|euro|eur(?![a-z])|uhr|%))"
    rf"|\s*'(?P<y2>\d{{2}})(?!\d)|\s+{_REL_YEAR})?"
)


def _relative_year(word: str, today: date) -> int:
    if word.startswith(("dies",)):
        return today.year
    return today.year - (2 if "vorletzt" in word else 1)


def _build_day_month(match: re.Match[str], today: date, norm: str) -> Hit | None:
    day = int(match["d"]) if match["d"] else ORDINALS[re.sub(r"(?:e|en|er|em|es)$", "", match["o"])]
    month = MONTH_WORDS[match["mon"].rstrip(".")]
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


def _build_numeric(match: re.Match[str], today: date, norm: str) -> Hit | None:
    if not match["dot"] and (
        match["space"]
        or not _BARE_NUMERIC_BEFORE.search(norm, 0, match.start())
        or _TIME_OR_MONEY_AFTER.match(norm, match.end())
    ):
        return None
    year = int(match["y"]) if match["y"] else (2000 + int(match["y2"]) if match["y2"] else None)
    return _calendar_date(match, today, int(match["d"]), int(match["m"]), year)


_RE_ISO = re.compile(r"(?<![\w.,/:-])(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d-])")


def _build_iso(match: re.Match[str], today: date, norm: str) -> Hit | None:
    return _calendar_date(match, today, int(match["d"]), int(match["m"]), int(match["y"]))


# "am 3." / "am dritten" without a month names a day of some month. Only when nothing follows
# but punctuation or a time: "den 2. Brief", "am ersten Abend" are no dates.
_DAY_ONLY_END = (
    r"(?=\s*(?:$|[,;!?)]|\.(?!\s*\d)|(?:des|dieses|letzten|vergangenen|vorigen)\s+monats(?![a-z])"
    r"|(?:gegen|um)\s+\d|(?:abends|morgens|nachts|mittags|vormittags|nachmittags)(?![a-z])))"
)
_RE_DAY_ONLY = re.compile(rf"(?<![a-z])(?:am|den|dem|vom)\s+(?:(?P<d>\d{{1,2}})\.|(?P<o>{ORD})){_DAY_ONLY_END}")


def _build_day_only(match: re.Match[str], today: date, norm: str) -> Hit | None:
    day = int(match["d"]) if match["d"] else ORDINALS[re.sub(r"(?:e|en|er|em|es)$", "", match["o"])]
    if not 1 <= day <= 31:
        return None
    return vague_hit(match, Constraint(days=(day, day)))


ABSOLUTE_RULES: list[tuple[re.Pattern[str], Builder]] = [
    (_RE_DAY_MONTH, _build_day_month),
    (_RE_NUMERIC, _build_numeric),
    (_RE_ISO, _build_iso),
    (_RE_DAY_ONLY, _build_day_only),
]
