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
    [
        ("ask_evidence", ["utter_article_part", "utter_article_more"]),
        ("ask_privacy", ["utter_answer_ask_privacy"]),
        ("greet", ["utter_default"]),
    ],
)
async def test_answer_question_answers_from_the_article_or_the_response(intent: str, expected: list[str]) -> None:
    dispatcher = CollectingDispatcher()
    domain = {"responses": {"utter_answer_ask_privacy": [{"text": "x"}]}}
    await ActionAnswerQuestion().run(dispatcher, make_tracker(intent=intent), domain)
    assert [m["response"] for m in dispatcher.messages] == expected


async def test_session_start_sends_the_notice_and_starts_the_session() -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionSessionStart().run(dispatcher, make_tracker(), DOMAIN)
    assert dispatcher.messages[0]["response"] == "utter_privacy_notice"
    assert [e["event"] for e in events] == ["session_started", "slot", "slot", "action"]
    # The Starke Stelle's number and hours come from knowledge/contacts.yml into the texts.
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots == {"starke_stelle_phone": "0800 300 99 44", "starke_stelle_hours": "Mo–Fr 9–16 Uhr"}
    assert events[-1]["name"] == "action_listen"


async def test_incident_advice_follows_the_latest_reported_incident() -> None:
    from actions.incidents import ActionIncidentAdvice

    dispatcher = CollectingDispatcher()
    events = [
        user("report_insult"),
        action("action_incident_advice"),
        user("report_threat"),
        action("utter_ask_in_danger"),
        user("deny"),
    ]
    result = await ActionIncidentAdvice().run(dispatcher, make_tracker(intent="deny", events=events), DOMAIN)
    assert dispatcher.messages[0]["response"] == "utter_article_part"
    assert dispatcher.messages[0]["part"].startswith("In akuter Gefahr wählen Sie sofort 110")  # bedrohung.md
    assert {"name": "article", "value": "bedrohung"} in [
        {"name": e.get("name"), "value": e.get("value")} for e in result
    ]


async def test_incident_advice_keeps_a_clear_date_from_the_report() -> None:
    from actions.incidents import ActionIncidentAdvice

    dispatcher = CollectingDispatcher()
    report = {**user("report_insult"), "text": "Er hat mich gestern im Rat beleidigt"}
    result = await ActionIncidentAdvice().run(dispatcher, make_tracker(intent="report_insult", events=[report]), DOMAIN)
    dates = [e["value"] for e in result if e.get("name") == "incident_date"]
    assert len(dates) == 1 and len(dates[0]) == 10  # an ISO date


async def test_incident_advice_without_an_incident_asks_what_it_is_about() -> None:
    from actions.incidents import ActionIncidentAdvice

    dispatcher = CollectingDispatcher()
    await ActionIncidentAdvice().run(dispatcher, make_tracker(intent="deny", events=[user("greet")]), DOMAIN)
    assert [m["response"] for m in dispatcher.messages] == ["utter_no_article"]
