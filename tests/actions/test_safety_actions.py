"""The emergency and crisis actions and the mode follow-up, with a real CollectingDispatcher."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionCrisis, ActionEmergency, ActionSafetyFollowup
from bot.safety import assess


def latest(text: str, intent: str) -> dict[str, Any]:
    a = assess(text)
    safety = {"level": a.level, "kind": a.kind, "topics": list(a.topics), "triggers": list(a.reasons)}
    return {"text": text, "intent": {"name": intent, "confidence": 1.0}, "safety": safety}


def run(action: Any, text: str, intent: str, slots: dict[str, Any] | None = None, events: list | None = None):
    dispatcher = CollectingDispatcher()
    tracker = Tracker("u1", slots or {}, latest(text, intent), events or [], False, None, None, "action_listen")
    result = asyncio.run(action.run(dispatcher, tracker, {}))
    return [m["response"] for m in dispatcher.messages], result


def mode_of(events: list[dict[str, Any]]) -> Any:
    return next(e["value"] for e in events if e.get("event") == "slot" and e.get("name") == "safety_mode")


@pytest.mark.parametrize(
    ("text", "first", "mode"),
    [
        ("da steht einer mit messer vor der tür", "utter_emergency", "danger"),
        ("mein mann ist bewusstlos und atmet kaum", "utter_medical_emergency", "medical"),
    ],
)
def test_emergency_starts_the_right_mode(text: str, first: str, mode: str) -> None:
    said, events = run(ActionEmergency(), text, "emergency")
    assert said[0] == first
    assert mode_of(events) == mode


def test_yes_to_the_danger_question_is_danger_from_others() -> None:
    said, events = run(ActionEmergency(), "ja", "affirm")
    assert said[0] == "utter_emergency"
    assert mode_of(events) == "danger"


@pytest.mark.parametrize(
    ("text", "intent", "first", "mode"),
    [
        ("Ich will mich umbringen.", "mental_distress", "utter_self_harm", "crisis"),
        ("ich habe alle tabletten geschluckt", "mental_distress", "utter_self_harm_now", "crisis"),
        ("Ich bin depressiv.", "mental_distress", "utter_mental_distress", "crisis"),
        ("Ich wurde vergewaltigt.", "disclose_violence", "utter_violence_support", "violence"),
        ("Nein, ich will mir nichts antun, ich bin nur müde.", "mental_distress", "utter_crisis_relief", None),
    ],
)
def test_crisis_reply_comes_first_and_starts_its_mode(text: str, intent: str, first: str, mode: str | None) -> None:
    said, events = run(ActionCrisis(), text, intent)
    assert said[0] == first
    assert mode_of(events) == mode


def test_followup_answers_for_the_mode_and_ends_it() -> None:
    said, events = run(
        ActionSafetyFollowup(), "soll ich die polizei rufen?", "ask_file_complaint", {"safety_mode": "danger"}
    )
    assert said == ["utter_danger_call_police"]
    assert mode_of(events) == "danger"
    said, events = run(ActionSafetyFollowup(), "die polizei ist jetzt da", "inform_state", {"safety_mode": "danger"})
    assert said == ["utter_danger_over"]
    assert mode_of(events) is None


def test_followup_reads_the_bots_last_question() -> None:
    asked = [
        {"event": "user", "text": "ich will nicht mehr leben"},
        {"event": "bot", "metadata": {"utter_action": "utter_self_harm"}},
        {"event": "bot", "metadata": {"utter_action": "utter_self_harm_not_alone"}},
        {"event": "user", "text": "nein"},
    ]
    said, _ = run(ActionSafetyFollowup(), "nein", "deny", {"safety_mode": "crisis"}, asked)
    assert said[0] == "utter_self_harm_now"  # "Sind Sie gerade in Sicherheit?" - "nein": 112


def test_distress_with_a_danger_signal_starts_with_110_but_self_harm_never_does() -> None:
    fear = latest("Bitte bleib bei mir. Er geht unten auf und ab und ich hab solche Angst", "mental_distress")
    fear["intent_ranking"] = [{"name": "mental_distress", "confidence": 0.6}, {"name": "emergency", "confidence": 0.3}]
    dispatcher = CollectingDispatcher()
    tracker = Tracker("u1", {}, fear, [], False, None, None, "action_listen")
    asyncio.run(ActionCrisis().run(dispatcher, tracker, {}))
    said = [m["response"] for m in dispatcher.messages]
    assert said[:2] == ["utter_danger_hint", "utter_mental_distress"]
    self_harm = latest("Ich will mich umbringen.", "mental_distress")
    self_harm["intent_ranking"] = [
        {"name": "mental_distress", "confidence": 0.6},
        {"name": "emergency", "confidence": 0.3},
    ]
    dispatcher = CollectingDispatcher()
    tracker = Tracker("u1", {}, self_harm, [], False, None, None, "action_listen")
    asyncio.run(ActionCrisis().run(dispatcher, tracker, {}))
    assert dispatcher.messages[0]["response"] == "utter_self_harm"
