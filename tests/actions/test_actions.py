"""Custom actions with a real CollectingDispatcher and Tracker."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionClarify
from actions.questions import ActionAnswerQuestion
from actions.session import ActionSessionStart

DOMAIN: dict[str, Any] = {"responses": {"utter_answer_ask_evidence": [{"text": "x"}]}}


def make_tracker(
    intent: str = "nlu_fallback",
    ranking: list[dict[str, Any]] | None = None,
    events: list[dict[str, Any]] | None = None,
) -> Tracker:
    latest = {"intent": {"name": intent, "confidence": 0.3}, "intent_ranking": ranking or []}
    return Tracker("u1", {}, latest, events or [], False, None, None, "action_listen")


def user(intent: str) -> dict[str, Any]:
    return {"event": "user", "parse_data": {"intent": {"name": intent}}}


def action(name: str) -> dict[str, Any]:
    return {"event": "action", "name": name}


async def test_clarify_offers_likely_topics_as_buttons() -> None:
    dispatcher = CollectingDispatcher()
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.45},
        {"name": "report_threat", "confidence": 0.3},
        {"name": "greet", "confidence": 0.2},
        {"name": "ask_evidence", "confidence": 0.1},
    ]
    tracker = make_tracker(ranking=ranking, events=[action("action_listen"), user("nlu_fallback")])
    await ActionClarify().run(dispatcher, tracker, DOMAIN)
    message = dispatcher.messages[0]
    assert message["response"] == "utter_clarify"
    assert [b["payload"] for b in message["buttons"]] == [
        "/report_threat",
        "/ask_evidence",
        "/deny",
    ]
    assert [b["title"] for b in message["buttons"]] == [
        "Drohung",
        "Beweise sichern",
        "Nichts davon",
    ]


async def test_second_miss_in_a_row_offers_a_person() -> None:
    dispatcher = CollectingDispatcher()
    events = [
        user("nlu_fallback"),
        action("action_clarify"),
        action("action_listen"),
        user("nlu_fallback"),
    ]
    ranking = [{"name": "report_threat", "confidence": 0.3}]
    await ActionClarify().run(dispatcher, make_tracker(ranking=ranking, events=events), DOMAIN)
    assert dispatcher.messages[0]["response"] == "utter_offer_human"


async def test_clarify_without_any_topic_offers_a_person() -> None:
    dispatcher = CollectingDispatcher()
    await ActionClarify().run(dispatcher, make_tracker(ranking=[{"name": "greet", "confidence": 0.9}]), DOMAIN)
    assert dispatcher.messages[0]["response"] == "utter_offer_human"


@pytest.mark.parametrize(
    ("intent", "expected"),
    [("ask_evidence", "utter_answer_ask_evidence"), ("report_threat", "utter_default")],
)
async def test_answer_question_utters_the_answer_of_the_intent(intent: str, expected: str) -> None:
    dispatcher = CollectingDispatcher()
    await ActionAnswerQuestion().run(dispatcher, make_tracker(intent=intent), DOMAIN)
    assert dispatcher.messages[0]["response"] == expected


async def test_session_start_sends_the_notice_and_starts_the_session() -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionSessionStart().run(dispatcher, make_tracker(), DOMAIN)
    assert dispatcher.messages[0]["response"] == "utter_privacy_notice"
    assert [e["event"] for e in events] == ["session_started", "action"]
    assert events[1]["name"] == "action_listen"


async def test_incident_advice_follows_the_latest_reported_incident() -> None:
    from actions.incidents import ActionIncidentAdvice

    dispatcher = CollectingDispatcher()
    events = [
        user("report_insult"),
        action("utter_offer_help"),
        user("report_threat"),
        action("utter_ask_in_danger"),
        user("deny"),
    ]
    domain = {"responses": {"utter_advice_report_threat": [{"text": "x"}]}}
    await ActionIncidentAdvice().run(dispatcher, make_tracker(intent="deny", events=events), domain)
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_advice_report_threat",
        "utter_offer_help",
    ]


async def test_incident_advice_without_an_incident_only_offers_help() -> None:
    from actions.incidents import ActionIncidentAdvice

    dispatcher = CollectingDispatcher()
    await ActionIncidentAdvice().run(dispatcher, make_tracker(intent="deny", events=[user("greet")]), DOMAIN)
    assert [m["response"] for m in dispatcher.messages] == ["utter_offer_help"]
