"""'wiederholen' repeats the bot's last answer; 'zurück' returns to the previous topic."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.knowledge import ARTICLE_SLOT, answer_article
from bot.history import previous_bot_turn, slot_values
from bot.knowledge import knowledge_base


class ActionRepeat(Action):
    """Send again, unchanged, what the bot said before the user asked to repeat it."""

    def name(self) -> str:
        """Used by data/rules/navigation.yml."""
        return "action_repeat"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Re-utter the previous turn's messages with their buttons; say so if there is none."""
        return repeat_last(dispatcher, tracker)


def repeat_last(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """The previous turn's messages again, unchanged (also in a danger or crisis mode)."""
    messages = previous_bot_turn(tracker.events)
    if not messages:
        dispatcher.utter_message(response="utter_nothing_to_repeat")
        return []
    for message in messages:
        data: dict[str, Any] = message.get("data") or {}
        kwargs: dict[str, Any] = {}
        if data.get("buttons"):
            kwargs["buttons"] = data["buttons"]
        dispatcher.utter_message(text=message.get("text") or "", **kwargs)
    return []


class ActionGoBack(Action):
    """Return to the topic before the current one: its summary and menu."""

    def name(self) -> str:
        """Used by data/rules/navigation.yml."""
        return "action_go_back"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Answer the previous topic's article again, or say there is no earlier topic."""
        return go_back(dispatcher, tracker)


def go_back(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """The summary of the topic before the current one, or the note that there was none; with a
    question after it ("zurück zum Löschen: was, wenn Facebook nicht reagiert?") its answer there."""
    from actions.knowledge import say, unplaced_decision
    from bot.asking import BACK, back_topic

    text = str((tracker.latest_message or {}).get("text") or "")
    visited = slot_values(tracker.events, ARTICLE_SLOT)
    previous = back_topic(text, visited, tracker.get_slot(ARTICLE_SLOT)) or ""
    back = BACK.match(text)
    if previous and back and len(text[back.end() :].split()) >= 2:
        decision = unplaced_decision(tracker, topic=previous)
        if decision.kind == "question":
            return say(dispatcher, tracker, decision)
    article = knowledge_base().articles.get(previous)
    if article is None:
        dispatcher.utter_message(response="utter_no_previous_topic")
        return []
    return answer_article(dispatcher, tracker, article, article.intents[0] if article.intents else "")
