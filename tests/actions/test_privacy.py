"""Privacy in the dialogue: deletion on request and the answer to "Was wird gespeichert?"."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.deletion import ActionDeleteConversation
from actions.questions import ActionAnswerQuestion
from bot.deletion import DELETE_ACTION, deletion_requested
from bot.domain import load_domain
from bot.knowledge import MESSAGE_LIMIT
from tools.conversation import ROOT
from tools.evaluate import read_nlu_examples

DOMAIN = load_domain()
RESPONSES = DOMAIN["responses"]


def make_tracker(intent: str, slots: dict[str, Any] | None = None) -> Tracker:
    latest = {"intent": {"name": intent, "confidence": 0.95}, "intent_ranking": []}
    events = [{"event": "user", "text": "x", "parse_data": latest}]
    return Tracker("u1", slots or {}, latest, events, False, None, None, "action_listen")


def text(response: str) -> str:
    return " ".join(str(RESPONSES[response][0]["text"]).split())


async def test_deletion_confirms_and_returns_the_marked_restart() -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionDeleteConversation().run(dispatcher, make_tracker("request_deletion"), DOMAIN)
    assert [m["response"] for m in dispatcher.messages] == ["utter_conversation_deleted"]
    assert [e["event"] for e in events] == ["restart", "followup"]
    assert events[1]["name"] == "action_listen"  # not the session start with its greeting
    # the tracker store deletes on the marker alone, even if it did not see the action's name
    assert deletion_requested(reversed(events))
    assert ActionDeleteConversation().name() == DELETE_ACTION


async def test_deletion_says_that_a_handed_over_case_is_not_deleted() -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("request_deletion", {"case_reference": "SIA-7K3F9Q"})
    await ActionDeleteConversation().run(dispatcher, tracker, DOMAIN)
    assert [(m["response"], m.get("reference")) for m in dispatcher.messages] == [
        ("utter_conversation_deleted_case_kept", "SIA-7K3F9Q")
    ]
    assert "{reference}" in text("utter_conversation_deleted_case_kept")


@pytest.mark.parametrize("response", ["utter_conversation_deleted", "utter_conversation_deleted_case_kept"])
def test_the_confirmation_is_one_sentence(response: str) -> None:
    confirmation = text(response)
    assert confirmation.endswith(".")
    assert re.findall(r"[.!?](?=\s|$)", confirmation) == ["."], confirmation
    assert "gelöscht" in confirmation and " Sie " in f" {confirmation} "


async def test_the_privacy_answer_comes_in_two_messages() -> None:
    dispatcher = CollectingDispatcher()
    await ActionAnswerQuestion().run(dispatcher, make_tracker("ask_privacy"), DOMAIN)
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_answer_ask_privacy",
        "utter_answer_ask_privacy_continued",
    ]


def test_the_privacy_answer_is_short_and_matches_the_configuration() -> None:
    first, second = text("utter_answer_ask_privacy"), text("utter_answer_ask_privacy_continued")
    assert len(first) <= MESSAGE_LIMIT and len(second) <= MESSAGE_LIMIT
    core = yaml.safe_load((ROOT / "domain" / "core.yml").read_text(encoding="utf-8"))
    assert f"{core['session_config']['session_expiration_time']} Minuten" in first
    # the deletion phrase it names is one the bot is trained to understand
    phrase = re.search(r"„([^“]+)“", first)
    assert phrase is not None
    training = read_nlu_examples(sorted((ROOT / "data" / "nlu").glob("*.yml")))
    assert (phrase.group(1), "request_deletion") in {(e.text, e.intent) for e in training}
    assert phrase.group(1) in second  # and that it does not delete a case already handed over
