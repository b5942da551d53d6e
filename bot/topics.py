"""Plain-German topic labels for intents (``knowledge/topics.yml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from bot.paths import KNOWLEDGE_DIR

TOPICS_FILE = KNOWLEDGE_DIR / "topics.yml"


@dataclass(frozen=True)
class TopicLabels:
    """Labels per intent and the label of the "none of these" button."""

    by_intent: dict[str, str]
    none_of_these: str


@cache
def load_topics(path: Path = TOPICS_FILE) -> TopicLabels:
    """Load and validate the topic labels once."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    topics = data.get("topics")
    none_label = data.get("none_of_these")
    if not isinstance(topics, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in topics.items()
    ):
        raise ValueError(f"{path}: 'topics' must map intent names to non-empty labels")
    if not isinstance(none_label, str) or not none_label.strip():
        raise ValueError(f"{path}: 'none_of_these' must be a non-empty label")
    return TopicLabels(by_intent=dict(topics), none_of_these=none_label)


def likely_topics(
    ranking: list[dict[str, object]], labels: TopicLabels, limit: int = 3, floor: float = 0.05
) -> list[tuple[str, str]]:
    """Return up to ``limit`` (intent, label) pairs from an NLU intent ranking.

    Only intents with a label and a confidence of at least ``floor`` are offered, best first.
    """
    chosen: list[tuple[str, str]] = []
    for entry in ranking:
        name = entry.get("name")
        confidence = entry.get("confidence")
        if not isinstance(name, str) or name not in labels.by_intent:
            continue
        if not isinstance(confidence, (int, float)) or confidence < floor:
            continue
        chosen.append((name, labels.by_intent[name]))
        if len(chosen) == limit:
            break
    return chosen
