"""The 110 hint before answers to messages with a danger signal that is not an emergency."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import ActionAnswerKnowledge
from actions.questions import ActionAnswerQuestion
from actions.safety import needs_danger_hint


def parse(intent: str, safety: dict[str, Any] | None = None, emergency: float = 0.0) -> dict[str, Any]:
    ranking = [{"name": intent, "confidence": 0.8}, {"name": "emergency", "confidence": emergency}]
    return {"intent": {"name": intent, "confidence": 0.8}, "intent_ranking": ranking, "safety": safety or {}}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (parse("ask_privacy"), False),
        (parse("ask_privacy", emergency=0.09), False),
        (parse("ask_privacy", emergency=0.1), True),
        (parse("ask_evidence", {"triggers": ["weapon"], "suppressed": []}), True),
        (parse("ask_evidence", {"triggers": [], "suppressed": ["weapon:past"]}), True),
        (parse("report_threat", {"action": "demoted_emergency", "triggers": [], "suppressed": []}), True),
        # the learned reading sees acute danger the patterns missed: at least the 110 line
        (parse("report_threat", {"triggers": [], "suppressed": [], "reading": "acute"}), True),
        (parse("report_threat", {"triggers": [], "suppressed": [], "reading": "distress"}), False),
        (parse("emergency", {"triggers": ["weapon"]}, emergency=1.0), False),
        (parse("mental_distress", {"triggers": ["self_harm"]}), False),
    ],
)
def test_when_the_hint_is_needed(data: dict[str, Any], expected: bool) -> None:
    assert needs_danger_hint(data) is expected


def tracker(data: dict[str, Any]) -> Tracker:
    return Tracker("u1", {}, data, [], False, None, None, "action_listen")


async def test_answers_start_with_the_hint_when_needed() -> None:
    dispatcher = CollectingDispatcher()
    domain = {"responses": {"utter_answer_ask_privacy": [{"text": "x"}]}}
    await ActionAnswerQuestion().run(dispatcher, tracker(parse("ask_privacy", emergency=0.3)), domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_danger_hint", "utter_answer_ask_privacy"]

    dispatcher = CollectingDispatcher()
    await ActionAnswerKnowledge().run(dispatcher, tracker(parse("ask_evidence", {"suppressed": ["weapon"]})), domain)
    assert dispatcher.messages[0]["response"] == "utter_danger_hint"

    # Figurative speech ("bei uns brennt die Hütte") or crisis words are no danger signal.
    dispatcher = CollectingDispatcher()
    await ActionAnswerKnowledge().run(
        dispatcher, tracker(parse("ask_evidence", {"suppressed": ["figurative"]})), domain
    )
    assert dispatcher.messages[0]["response"] == "utter_article_part"

    dispatcher = CollectingDispatcher()
    await ActionAnswerKnowledge().run(dispatcher, tracker(parse("ask_evidence")), domain)
    assert dispatcher.messages[0]["response"] == "utter_article_part"
