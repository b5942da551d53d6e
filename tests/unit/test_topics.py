"""Topic labels for the clarification buttons."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain import domain_intents
from bot.topics import TOPICS_FILE, TopicLabels, likely_topics, load_topics

ROOT = Path(__file__).parents[2]


def test_every_label_names_a_domain_intent() -> None:
    domain_intents_ = set(domain_intents())
    assert set(load_topics().by_intent) <= domain_intents_


def test_likely_topics_skips_unlabelled_and_weak_intents() -> None:
    labels = TopicLabels({"report_threat": "Drohung", "ask_evidence": "Beweise sichern"}, "Nichts davon")
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.9},
        {"name": "report_threat", "confidence": 0.4},
        {"name": "greet", "confidence": 0.3},
        {"name": "ask_evidence", "confidence": 0.01},
    ]
    assert likely_topics(ranking, labels) == [("report_threat", "Drohung")]


def test_likely_topics_respects_limit_and_order() -> None:
    labels = load_topics()
    ranking = [
        {"name": n, "confidence": c}
        for n, c in [
            ("ask_evidence", 0.3),
            ("report_threat", 0.25),
            ("ask_contacts", 0.2),
            ("ask_privacy", 0.1),
        ]
    ]
    assert [i for i, _ in likely_topics(ranking, labels, limit=3)] == [
        "ask_evidence",
        "report_threat",
        "ask_contacts",
    ]


def test_broken_topics_file_names_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "topics.yml"
    broken.write_text("topics:\n  report_threat: ''\nnone_of_these: Nichts\n")
    with pytest.raises(ValueError, match=r"topics\.yml"):
        load_topics(broken)
    assert TOPICS_FILE.is_file()
