"""The SafetyNet NLU component on Rasa messages (without a trained model)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from components.safety_net import SafetyNet


def parsed(text: str, intent: str, confidence: float, ranking: list[tuple[str, float]]) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": confidence})
    message.set("intent_ranking", [{"name": n, "confidence": c} for n, c in ranking])
    return message


def component() -> SafetyNet:
    return SafetyNet(SafetyNet.get_default_config())


def test_acute_message_is_forced_to_emergency_whatever_the_classifier_said() -> None:
    message = parsed(
        "er steht mit einem messer vor der tür",
        "report_threat",
        0.9,
        [("report_threat", 0.9), ("emergency", 0.05)],
    )
    component().process([message])
    assert message.get("intent") == {"name": "emergency", "confidence": 1.0}
    assert message.get("intent_ranking")[0]["name"] == "emergency"
    assert [r["name"] for r in message.get("intent_ranking")].count("emergency") == 1
    assert message.get("safety")["action"] == "forced_emergency"
    assert "weapon" in message.get("safety")["triggers"]


def test_low_confidence_fallback_is_overridden_too() -> None:
    message = parsed("hilfe er bricht gerade ein", "nlu_fallback", 0.45, [("emergency", 0.4)])
    component().process([message])
    assert message.get("intent")["name"] == "emergency"


def test_suppressed_emergency_prediction_is_demoted() -> None:
    message = parsed(
        "letztes jahr wurde ich verfolgt",
        "emergency",
        0.6,
        [("emergency", 0.6), ("report_stalking", 0.3)],
    )
    component().process([message])
    assert message.get("intent")["name"] == "report_stalking"
    assert message.get("safety")["action"] == "demoted_emergency"


def test_emergency_without_any_danger_words_is_trusted() -> None:
    message = parsed("bitte kommen sie sofort", "emergency", 0.8, [("emergency", 0.8), ("greet", 0.1)])
    component().process([message])
    assert message.get("intent")["name"] == "emergency"


def test_self_harm_is_forced_to_distress() -> None:
    message = parsed("ich will nicht mehr leben", "report_insult", 0.5, [("report_insult", 0.5)])
    component().process([message])
    assert message.get("intent")["name"] == "mental_distress"


def test_ordinary_question_is_untouched() -> None:
    message = parsed(
        "wie beantrage ich eine auskunftssperre",
        "ask_address_protection",
        0.97,
        [("ask_address_protection", 0.97)],
    )
    component().process([message])
    assert message.get("intent") == {"name": "ask_address_protection", "confidence": 0.97}
    assert message.get("safety")["action"] == "none"


def test_calm_question_without_danger_words_is_demoted() -> None:
    message = parsed(
        "Gibt es eine Notfall-App für Bürgermeister?",
        "emergency",
        0.5,
        [("emergency", 0.5), ("ask_security_consultation", 0.3)],
    )
    component().process([message])
    assert message.get("intent")["name"] == "ask_security_consultation"
    assert message.get("safety")["action"] == "demoted_emergency"


def test_emergency_with_a_present_marker_is_not_demoted_as_calm() -> None:
    message = parsed("er ist jetzt hier, was soll ich tun?", "emergency", 0.7, [("emergency", 0.7), ("greet", 0.1)])
    component().process([message])
    assert message.get("intent")["name"] == "emergency"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("am 31. Februar", True), ("letzte Woche", True), ("3.10.", True), ("110", False), ("hilfe er ist da", False)],
)
def test_short_date_answers_are_recognised_and_110_is_not_one(text: str, expected: bool) -> None:
    from components.safety_net import _is_date_answer

    assert _is_date_answer(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Der Brief kam eigentlich schon vor fünf Monaten, ist es jetzt zu spät?",
        "Vor zwei Jahren hatte ich einen Stalker. Jetzt kandidiere ich wieder, was raten Sie?",
    ],
)
def test_a_classifier_alarm_on_a_look_back_without_any_danger_or_crisis_word_is_demoted(text: str) -> None:
    for alarm in ("emergency", "mental_distress"):
        message = parsed(text, alarm, 0.7, [(alarm, 0.7), ("ask_file_complaint", 0.2)])
        component().process([message])
        assert message.get("intent")["name"] == "ask_file_complaint", alarm


def test_a_crisis_word_keeps_the_crisis_reply_even_in_a_question() -> None:
    message = parsed("Ist es normal, dass ich nicht mehr leben will?", "ask_psychological_support", 0.6, [])
    component().process([message])
    assert message.get("intent")["name"] == "mental_distress"


@pytest.mark.parametrize(
    "text", ["papa sagt wir sollen nicht übertreiben und erstmal löschen", "Soll ich die Kommentare löschen?"]
)
def test_loeschen_without_the_conversation_or_data_is_no_deletion_request(text: str) -> None:
    message = parsed(text, "request_deletion", 0.8, [("request_deletion", 0.8), ("ask_hate_comments", 0.1)])
    component().process([message])
    assert message.get("intent")["name"] != "request_deletion"
    assert message.get("safety")["action"] == "demoted_deletion"


@pytest.mark.parametrize("text", ["löschen", "/loeschen", "Bitte löschen Sie alles", "lösch bitte den Chatverlauf"])
def test_a_real_deletion_request_stays_one(text: str) -> None:
    message = parsed(text, "request_deletion", 0.8, [("request_deletion", 0.8), ("greet", 0.1)])
    component().process([message])
    assert message.get("intent")["name"] == "request_deletion"


def test_loeschen_is_no_deletion_request_after_a_demoted_emergency_either() -> None:
    message = parsed(
        "gestern hat papa gesagt, wir sollen bei so was erstmal selbst löschen",
        "emergency",
        0.5,
        [("emergency", 0.5), ("request_deletion", 0.3), ("ask_contacts", 0.1)],
    )
    component().process([message])
    assert message.get("intent")["name"] == "ask_contacts"


@pytest.mark.parametrize(
    "text",
    [
        "Keine Gefahr gerade, ist schon vorbei.",
        "Nee, is ni akut. Der Typ is längst weg.",
        "nee alles gut, bin nich in gefar",
    ],
)
def test_a_statement_of_safety_without_a_topic_is_a_no(text: str) -> None:
    message = parsed(text, "nlu_fallback", 0.3, [("nlu_fallback", 0.3), ("report_stalking", 0.2)])
    component().process([message])
    assert message.get("intent")["name"] == "deny"


def test_a_statement_of_safety_with_a_question_keeps_the_question() -> None:
    text = "Keine Gefahr, ich hab nur eine Frage zum Strafantrag"
    message = parsed(text, "ask_deadline", 0.9, [("ask_deadline", 0.9), ("deny", 0.05)])
    component().process([message])
    assert message.get("intent")["name"] == "ask_deadline"


def test_hedging_is_no_statement_of_safety() -> None:
    from bot.safety import assess

    assert assess("Ich bin mir nicht sicher, ob ich übertreibe").kind != "safe"


def test_hedging_keeps_the_110_hint() -> None:
    from bot.safety.hint import has_danger_signal

    parse = {"text": "Ich bin mir nicht sicher, ob ich übertreibe", "safety": {"triggers": [], "suppressed": []}}
    parse["intent_ranking"] = [{"name": "emergency", "confidence": 0.3}]
    assert has_danger_signal(parse)


def test_emergency_the_learned_safety_reading_saw_as_calm_is_demoted() -> None:
    # no danger word, and the safety classifier read it as calm: the classifier's emergency
    # stands alone and gives way to the next intent (whose answer begins with the 110 hint)
    text = "i bin ja fia de im Gmoarat, zahlt des vielleicht d'Gmoa"
    message = parsed(text, "emergency", 1.0, [("emergency", 1.0), ("ask_cost", 0.0)])
    scores = {"acute": 0.24, "calm": 0.63, "distress": 0.04, "medical": 0.07, "self_harm": 0.02}
    message.set("safety_reading", {"label": "calm", "scores": scores})
    component().process([message])
    assert message.get("intent")["name"] == "ask_cost"
    assert message.get("safety")["action"] == "demoted_emergency"
    # ... while without a learned reading it is trusted (test above)
    trusted = parsed(text, "emergency", 1.0, [("emergency", 1.0), ("ask_cost", 0.0)])
    component().process([trusted])
    assert trusted.get("intent")["name"] == "emergency"
