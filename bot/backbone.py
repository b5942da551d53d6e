"""Which German NLP backbone sits in ``.nlp/de``: the real spaCy model or the fallback."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

BACKBONE_DIR = Path(".nlp") / "de"
FALLBACK_NAME = "blank_lookup_fallback"


@dataclass(frozen=True)
class Backbone:
    """Identity of a spaCy pipeline directory, read from its ``meta.json``."""

    lang: str
    name: str
    version: str

    @property
    def is_fallback(self) -> bool:
        """True for the blank German pipeline used when de_core_news_md is unavailable."""
        return self.name == FALLBACK_NAME

    @property
    def label(self) -> str:
        """Short identifier such as ``de_core_news_md-3.4.0``."""
        return f"{self.lang}_{self.name}-{self.version}"

    def to_dict(self) -> dict[str, str | bool]:
        """Serialisable form stored inside trained models."""
        return {
            "lang": self.lang,
            "name": self.name,
            "version": self.version,
            "label": self.label,
            "fallback": self.is_fallback,
        }


def read_backbone(directory: Path | str) -> Backbone | None:
    """Return the backbone stored in ``directory``, or None if there is none."""
    meta_file = Path(directory) / "meta.json"
    if not meta_file.is_file():
        return None
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    return Backbone(lang=meta.get("lang", "?"), name=meta.get("name", "?"), version=meta.get("version", "?"))
