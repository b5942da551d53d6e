"""Training and test data: coverage per intent, held-out set never trained on."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bot.domain import domain_intents
from tools.evaluate import overlap, read_nlu_examples, read_safety_phrasings

ROOT = Path(__file__).parents[2]
INCIDENTS = [
    "report_insult",
    "report_online_hate",
    "report_threat",
    "report_defamation",
    "report_doxxing",
    "report_stalking",
    "report_physical_attack",
    "report_property_damage",
    "report_sexual_harassment",
    "report_council_intimidation",
]
TRAIN = read_nlu_examples(sorted((ROOT / "data" / "nlu").glob("*.yml")))
TEST = read_nlu_examples(sorted((ROOT / "tests" / "nlu").glob("*.yml")))
# Set by a component or a button payload, never predicted by the classifier: no examples.
NOT_LEARNED = frozenset({"other_language", "ask_question"})
DOMAIN_INTENTS = [i for i in domain_intents() if i not in NOT_LEARNED]


def test_every_domain_intent_has_enough_training_examples() -> None:
    counts = Counter(e.intent for e in TRAIN)
    for intent in DOMAIN_INTENTS:
        minimum = 60 if intent in [*INCIDENTS, "emergency"] else 25
        assert counts[intent] >= minimum, f"{intent}: {counts[intent]} < {minimum}"


def test_every_intent_has_eight_held_out_examples() -> None:
    counts = Counter(e.intent for e in TEST)
    assert {i for i in DOMAIN_INTENTS if counts[i] < 8} == set()


def test_held_out_examples_are_never_trained_on() -> None:
    assert overlap(TRAIN, [e.text for e in TEST]) == []


def test_safety_test_phrasings_are_unseen_and_plentiful() -> None:
    acute, non_acute = read_safety_phrasings(ROOT / "tests" / "safety" / "phrasings_test.yml")
    assert len(acute) >= 50 and len(non_acute) >= 50
    assert overlap(TRAIN, acute + non_acute) == []
    dev_acute, dev_non_acute = read_safety_phrasings(ROOT / "tests" / "safety" / "phrasings_dev.yml")
    assert not set(acute + non_acute) & set(dev_acute + dev_non_acute)


def test_no_example_is_trained_under_two_intents() -> None:
    by_text: dict[str, set[str]] = {}
    for example in TRAIN:
        by_text.setdefault(example.text.lower(), set()).add(example.intent)
    assert {t: i for t, i in by_text.items() if len(i) > 1} == {}
