"""The crisis, medical, violence and pain layers of bot.safety, and the shared text folding."""

from __future__ import annotations

import re

import pytest

from bot.safety import assess, is_plain_no
from bot.text import compile_folded, fold, fold_pattern


def test_a_pattern_written_with_umlauts_matches_folded_text() -> None:
    # The old bug: "flüchten" in a pattern could never match the folded "fluechten".
    pattern = compile_folded(r"\bflüchten\b")
    assert pattern.search(fold("Ich kann nicht flüchten"))
    assert pattern.search(fold("ich kann nicht fluechten"))


def test_fold_pattern_keeps_escapes() -> None:
    # str.lower would turn \W into \w and \S into \s.
    assert fold_pattern(r"\W\S\bTÜR") == r"\W\S\btuer"
    assert re.search(fold_pattern(r"Straße\s+\d"), fold("Hauptstraße 5"))


@pytest.mark.parametrize(
    "text",
    [
        "Ich will mich umbringen.",
        "ich will nicht mehr leben",
        "Manchmal denke ich, es wäre besser, nicht mehr da zu sein",
        "Ich denke daran, mit dem Auto gegen einen Baum zu fahren",
        "Meine Familie wäre ohne mich besser dran",
        "ich bin allen nur noch eine Last",
        "ich hab schon einen abschiedsbrief geschrieben",
        "Ich möchte einfach einschlafen und nicht mehr aufwachen",
        "Ich habe Gedanken, mir etwas anzutun",
        "i mog nimma leben",
    ],
)
def test_self_harm_is_recognised_and_is_not_danger_from_others(text: str) -> None:
    result = assess(text)
    assert result.level == "distress", text
    assert result.kind.startswith("self_harm"), text


@pytest.mark.parametrize(
    "text",
    [
        "ich hab heute schon alle tabletten geschluckt",
        "Ich will mich jetzt umbringen",
        "ich stehe auf der brücke und will springen",
    ],
)
def test_self_harm_with_a_plan_or_now_is_acute(text: str) -> None:
    assert assess(text).kind == "self_harm_now", text


@pytest.mark.parametrize(
    "text",
    [
        "Ich bin depressiv.",
        "ich kann seit wochen nicht mehr schlafen",
        "Ich habe ständig Panikattacken",
        "ich bin völlig am ende meiner kräfte",
        "ich hab keine kraft mehr",
        "Ich will alles hinschmeißen, das Amt, alles",
        "I konn nimmer",
        "ich fühle mich total leer und ausgebrannt",
    ],
)
def test_other_distress_is_recognised(text: str) -> None:
    result = assess(text)
    assert result.level == "distress", text
    assert result.kind == "distress", text


@pytest.mark.parametrize(
    "text",
    [
        "ich will mich nicht umbringen, ich bin nur müde",
        "Was hilft gegen Panikattacken?",
        "Wie viele Kommunalpolitiker haben ein Burnout? Gibt es eine Studie?",
        "bei uns im Rat brennt die Hütte",
        "Die Kreistagssitzung war anstrengend, ich bin müde",
    ],
)
def test_calm_or_negated_messages_are_not_a_crisis(text: str) -> None:
    assert assess(text).level == "none", text


@pytest.mark.parametrize(
    "text",
    [
        "Nein, ich will mir nichts antun. Ich bin nur so müde.",
        "Keine Sorge, ich tu mir nichts, bin nur durch",
        "Selbstmord ist kein Thema bei mir, ich bin nur überarbeitet",
    ],
)
def test_saying_no_to_self_harm_is_reassurance_not_alarm(text: str) -> None:
    result = assess(text)
    assert result.kind == "reassured", text
    assert not result.is_acute


def test_self_harm_with_a_weapon_of_ones_own_is_self_harm_but_an_attacker_is_danger() -> None:
    assert assess("ich sitz hier mit dem messer und will mich ritzen").kind == "self_harm_now"
    assert assess("ich will nicht mehr leben, er steht gerade mit einem Messer im Flur").kind == "danger"


def test_negated_self_harm_is_recorded_as_suppressed() -> None:
    assert "self_harm" in assess("ich will mich nicht umbringen").suppressed


@pytest.mark.parametrize(
    "text",
    ["Ich habe einen Herzinfarkt.", "mein mann ist bewusstlos", "er atmet nicht mehr", "ich krieg keine luft"],
)
def test_medical_emergencies_are_acute_and_medical(text: str) -> None:
    result = assess(text)
    assert result.is_acute, text
    assert result.kind == "medical", text


def test_a_past_heart_attack_is_no_emergency() -> None:
    assert not assess("Mein Vater hatte letztes Jahr einen Herzinfarkt").is_acute


@pytest.mark.parametrize("text", ["Mein Kopf tut weh.", "Mein Fuß tut weh", "ich habe zahnschmerzen"])
def test_pain_without_danger_is_no_alarm(text: str) -> None:
    result = assess(text)
    assert result.level == "pain", text
    assert not result.is_acute


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Ich wurde vergewaltigt.", "sexual_violence"),
        ("Ich werde missbraucht.", "domestic_violence"),
        ("Mein Mann hat mich gestern wieder geschlagen", "domestic_violence"),
    ],
)
def test_disclosed_violence_gets_its_own_level(text: str, topic: str) -> None:
    result = assess(text)
    assert result.level == "violence", text
    assert topic in result.topics


def test_violence_happening_now_is_acute_with_the_violence_topic() -> None:
    result = assess("mein mann schlägt mich gerade")
    assert result.is_acute
    assert result.kind == "danger"
    assert "domestic_violence" in result.topics


def test_a_legal_question_about_rape_is_no_disclosure() -> None:
    assert assess("Ist Vergewaltigung ein Offizialdelikt?").level == "none"


@pytest.mark.parametrize(
    "text", ["nee grad nich", "nein", "nicht mehr", "zum Glück nicht", "nö, alles gut", "ne passt scho", "Nein."]
)
def test_forms_of_no(text: str) -> None:
    assert is_plain_no(text), text


@pytest.mark.parametrize("text", ["ja", "danke", "", "nein, er steht vor der Tür", "ich weiß nicht, ob er noch da ist"])
def test_not_a_plain_no(text: str) -> None:
    assert not is_plain_no(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Ich habe heute einen Brief bekommen, da steht drin, dass man mich umbringen wird",
        "Er hat gedroht, mich umzubringen",
        "er schrieb, er will mich umbringen",
        "ich glaube er will mich umbringen",
    ],
)
def test_a_threat_to_kill_the_writer_is_never_read_as_self_harm(text: str) -> None:
    result = assess(text)
    assert not result.kind.startswith("self_harm"), text


def test_every_pattern_compiled_as_written() -> None:
    """An f-string pattern whose {m,n} lost its doubled braces becomes "(0, 2)" and never matches."""
    from bot.safety import patterns

    compiled = [p for _, _, group in patterns.ACUTE_TRIGGERS + patterns.DISTRESS_TRIGGERS for p in group]
    assert compiled
    for pattern in compiled:
        assert "(0, " not in pattern.pattern and "(1, " not in pattern.pattern, pattern.pattern[:80]
