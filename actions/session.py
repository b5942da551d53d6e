"""Session start: greet every new conversation with the short privacy and emergency notice."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict


class ActionSessionStart(Action):
    """Start a session with ``utter_privacy_notice`` (what is stored; 110 in danger)."""

    def name(self) -> str:
        """Replace Rasa's default session start."""
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Send the notice first, so even an emergency gets 110 in the very first reply."""
        dispatcher.utter_message(response="utter_privacy_notice")
        events: list[dict[str, Any]] = [SessionStarted(), ActionExecuted("action_listen")]
        return events
