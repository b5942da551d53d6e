"""The deterministic safety layer (bot.safety), without Rasa."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.safety import assess, normalise

DEV = yaml.safe_load((Path(__file__).parents[1] / "safety" / "phrasings_dev.yml").read_text())


@pytest.mark.parametrize("text", DEV["acute"])
def test_acute_dev_phrasings_are_acute(text: str) -> None:
    assert assess(text).is_acute, text


@pytest.mark.parametrize("text", DEV["non_acute"])
def test_non_acute_dev_phrasings_are_not_acute(text: str) -> None:
    assert not assess(text).is_acute, text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Einer steht mit einem Messer vor meiner Tür!", "weapon"),
        ("ich werde gerade verfolgt", "pursuit"),
        ("unser haus brennt", "fire"),
        ("da bricht gerade jemand ein", "break_in"),
        ("er schlägt auf mich ein", "attack"),
        ("ich blute", "injury"),
        ("hier liegt ein verdächtiges Paket vor dem Rathaus", "device"),
        ("HILFE", "explicit"),
    ],
)
def test_each_trigger_group_fires(text: str, reason: str) -> None:
    result = assess(text)
    assert result.is_acute
    assert reason in result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "Ich werde nicht verfolgt, aber ich habe Angst",  # negation before the trigger
        "es brennt nicht, aber es riecht komisch im Flur",  # negation after the trigger
        "Letztes Jahr wurde ich verfolgt.",  # past
        "Wie schütze ich mich vor einem Brandanschlag?",  # prevention question
        "Was mache ich, falls jemand mit einer Waffe kommt?",  # hypothetical
        "Er schrieb: 'ich stehe bald mit dem Messer vor deiner Tür'",  # quoted speech
        "Mir brennt die Zeit unter den Nägeln",  # figurative
        "Seit Wochen steht er abends immer wieder vor meinem Haus",  # habitual
    ],
)
def test_shared_words_without_acute_danger_are_suppressed(text: str) -> None:
    result = assess(text)
    assert not result.is_acute
    assert result.suppressed, "the matching trigger must be recorded as suppressed"


def test_present_marker_overrides_past_context() -> None:
    result = assess("Vor zwei Wochen kam ein Drohbrief und jetzt steht er vor der Tür")
    assert result.is_acute


@pytest.mark.parametrize(
    "text",
    [
        "Manchmal denke ich, es wäre besser, nicht mehr da zu sein",
        "ich will nicht mehr leben",
        "ich habe suizidgedanken seit dem shitstorm",
    ],
)
def test_self_harm_is_distress(text: str) -> None:
    assert assess(text).level == "distress"


def test_acute_wins_over_distress() -> None:
    assert assess("ich will nicht mehr leben, er steht gerade mit einem Messer im Flur").is_acute


def test_plain_questions_are_none() -> None:
    result = assess("Wie beantrage ich eine Auskunftssperre?")
    assert result.level == "none"
    assert result.reasons == ()


def test_normalise_folds_umlauts_and_drops_quotes() -> None:
    assert normalise("Tür „Ich bringe dich um“ Straße") == "tuer strasse"


@pytest.mark.parametrize(
    ("text", "calm"),
    [
        ("Wie schütze ich mich vor Messerangriffen?", True),
        ("Ich wurde vor einem Jahr verfolgt. Seitdem habe ich Angst.", True),
        ("Die Polizei sagt, es besteht keine Gefahr", True),
        ("ich bin gerade sicher zu hause", True),
        ("da ist einer im garten, was soll ich tun?", False),
        ("er steht jetzt da", False),
    ],
)
def test_calm_context(text: str, calm: bool) -> None:
    assert assess(text).calm is calm
