"""Read the Rasa domain (``domain/*.yml``) without importing Rasa: intents and responses for
validation, tests and tools."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.paths import DOMAIN_DIR


@cache
def load_domain(directory: Path = DOMAIN_DIR) -> dict[str, Any]:
    """Merge every domain file of ``directory`` the way Rasa does for the keys we use."""
    merged: dict[str, Any] = {"intents": [], "entities": [], "slots": {}, "forms": {}, "responses": {}, "actions": []}
    for path in sorted(directory.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key in ("intents", "entities", "actions"):
            merged[key].extend(data.get(key) or [])
        for key in ("slots", "forms", "responses"):
            duplicates = set(merged[key]) & set(data.get(key) or {})
            if duplicates:
                raise ValueError(f"{path}: {key} doppelt definiert: {', '.join(sorted(duplicates))}")
            merged[key].update(data.get(key) or {})
    return merged


def domain_intents() -> list[str]:
    """Intent names in domain order."""
    return [i if isinstance(i, str) else next(iter(i)) for i in load_domain()["intents"]]
