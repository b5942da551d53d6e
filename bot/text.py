"""Text folding shared by every pattern matcher (safety layers, dates, yes/no forms).

German users write "Tür", "Tuer" or "Tur", "weiß" or "weiss", and phones insert typographic
quotes. Matchers therefore work on a *folded* text: lower case, umlauts and ß spelled out
(ä→ae, ß→ss), decomposed umlauts (a + U+0308) like composed ones, typographic quotes and dashes
as ASCII. Patterns are folded the same way before they are compiled (:func:`fold_pattern`), so
a pattern may be written in plain German ("flüchten") and still match.
"""

from __future__ import annotations

import re

_FOLD = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "ẞ": "ss",
        "\u0308": "e",
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "–": "-",
        "—": "-",
        "\u00a0": " ",
    }
)


def fold(text: str) -> str:
    """Lower-case ``text`` and fold umlauts, ß, quotes and dashes (see module doc)."""
    return text.lower().translate(_FOLD)


def fold_with_origin(text: str) -> tuple[str, list[int]]:
    """Fold ``text``; also return, per folded character, the index of its original character."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for folded in char.lower().translate(_FOLD):
            chars.append(folded)
            origin.append(index)
    return "".join(chars), origin


def fold_pattern(pattern: str) -> str:
    """Fold a regular expression written in plain German so it matches folded text.

    Only letters are folded; escapes such as ``\\b``, ``\\w`` or ``\\s`` stay as they are
    (``str.lower`` would turn ``\\W`` into ``\\w`` and ``\\S`` into ``\\s``).
    """
    return re.sub(r"\\.|[^\\]+", lambda m: m.group(0) if m.group(0).startswith("\\") else fold(m.group(0)), pattern)


def compile_folded(pattern: str) -> re.Pattern[str]:
    """Compile a plain-German pattern for folded text."""
    return re.compile(fold_pattern(pattern))
