"""Answer a question in the middle of a form, so the form can resume afterwards."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

ANSWER_PREFIX = "utter_answer_"


class ActionAnswerQuestion(Action):
    """Utter ``utter_answer_<intent>`` for the latest intent (used while a form is active)."""

    def name(self) -> str:
        """Action name used in data/rules/contacts.yml."""
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Utter the answer response for the intent, or the generic fallback text."""
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        response = ANSWER_PREFIX + intent
        if response not in domain.get("responses", {}):
            response = "utter_default"
        dispatcher.utter_message(response=response)
        return []
