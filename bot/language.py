"""Is a message clearly not German? Then it gets a short reply in its language.

Detection uses the maintained library *lingua* (``lingua-language-detector``), limited to the
languages in ``knowledge/languages.yml``; the detector is built on first use (its language
models take a few hundred MB and two seconds). Short messages ("ok", "Hi", "Stalking") are
never treated as foreign: a message needs ``min_words`` words, the top language at least
``min_confidence`` and German at most ``max_german``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.paths import KNOWLEDGE_DIR

LANGUAGES_FILE = KNOWLEDGE_DIR / "languages.yml"
GERMAN = "GERMAN"


@dataclass(frozen=True)
class LanguageConfig:
    """Which languages to detect, the thresholds and the reply per ISO 639-1 code."""

    detect: tuple[str, ...]
    min_words: int
    min_confidence: float
    max_german: float
    fallback: str
    replies: dict[str, str]
    again: dict[str, str]

    def reply(self, code: str, again: bool = False) -> str:
        """The reply in ``code``, else in the fallback language; ``again``: the shorter one for
        a second message in a row, where there is one."""
        if again and code in self.again:
            return self.again[code]
        return self.replies.get(code) or self.replies[self.fallback]


@cache
def load_languages(path: Path = LANGUAGES_FILE) -> LanguageConfig:
    """Load and check ``knowledge/languages.yml`` once."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    replies = {str(k): " ".join(str(v).split()) for k, v in (data.get("replies") or {}).items()}
    detect = tuple(str(x) for x in data.get("detect") or ())
    fallback = str(data.get("fallback") or "")
    if GERMAN not in detect or fallback not in replies:
        raise ValueError(f"{path}: 'detect' must include GERMAN and 'fallback' must have a reply")
    return LanguageConfig(
        detect=detect,
        min_words=int(data.get("min_words", 3)),
        min_confidence=float(data.get("min_confidence", 0.5)),
        max_german=float(data.get("max_german", 0.15)),
        fallback=fallback,
        replies=replies,
        again={str(k): " ".join(str(v).split()) for k, v in (data.get("again") or {}).items()},
    )


@cache
def _detector(names: tuple[str, ...]) -> Any:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in names)).build()


def foreign_language(text: str, config: LanguageConfig | None = None) -> str | None:
    """The ISO 639-1 code of a message clearly written in another language, else None."""
    config = config or load_languages()
    if len(text.split()) < config.min_words:
        return None
    values = _detector(config.detect).compute_language_confidence_values(text)
    if not values:
        return None
    top = values[0]
    german = next((v.value for v in values if v.language.name == GERMAN), 0.0)
    if top.language.name == GERMAN or top.value < config.min_confidence or german > config.max_german:
        return None
    return str(top.language.iso_code_639_1.name).lower()
