"""German date vocabulary: number, ordinal, month and weekday words and the regex fragments built from them.

Everything is written in folded text (:func:`bot.text.fold_with_origin`: lower case, ä→ae, ß→ss),
with the umlaut-less spellings people type ("funf", "marz") as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta


def alternation(words: Iterable[str]) -> str:
    """Regex alternation, longest first so "einem" is not read as "ein"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


NUMBER_WORDS: dict[str, int] = {
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
NUM = rf"(?:\d{{1,3}}(?!\d)|(?:{alternation(NUMBER_WORDS)})(?![a-z]))"


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


ORDINALS = _ordinal_stems()
ORD = rf"(?:{alternation(ORDINALS)})(?:e|en|er|em|es)(?![a-z])"

MONTH_WORDS: dict[str, int] = {
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
FULL_MON = rf"(?:{alternation(w for w in MONTH_WORDS if w not in _MONTH_ABBREVIATIONS)})(?![a-z])"
# Only an abbreviation takes a dot: in "am 2. September." the dot ends the sentence.
MON = rf"(?:{FULL_MON}|(?:{alternation(_MONTH_ABBREVIATIONS)})(?![a-z])\.?)"

WEEKDAY_WORDS: dict[str, int] = {
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
WD = (
    rf"(?P<wd>{alternation(WEEKDAY_WORDS)})"
    r"(?:abend|nacht|morgen|mittag|vormittag|nachmittag|frueh|fruh)?(?P<habit>s)?(?![a-z])"
)
LAST = r"(?:letzte[nrsm]?|vergangene[nrsm]?|vorige[nrsm]?)"
NEXT = r"(?:naechste[nrsm]?|nachste[nrsm]?|kommende[nrsm]?)"
UNIT = (
    r"(?P<unit>tagen|tage|tag|wochen|woche|monaten|monate|monat|jahren|jahre|jahr|"
    r"stunden|stunde|std|minuten|minute|min)(?![a-z])\.?"
)
APPROX = (
    r"(?:etwa|ungefaehr|ungefahr|circa|ca\.?|zirka|rund|gut|knapp|fast|beinahe|ueber|uber|"
    r"mehr\s+als|weniger\s+als|so|schon|bestimmt|mindestens|hoechstens|hochstens|maximal|max\.?)"
)
YEAR_WORD = r"jahr(?:e?s)?"


def number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_phrase(adjective: str) -> str:
    return rf"(?:in\s+der\s+|in\s+)?{adjective}\s+woche(?![a-z])"
