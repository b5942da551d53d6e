"""Session start: greet every new conversation with the short privacy and emergency notice."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.knowledge import knowledge_base
from bot.phrases import format_weekly

STARKE_STELLE = "starke_stelle"


def starke_stelle_slots() -> list[EventType]:
    """The Starke Stelle's phone and hours from knowledge/contacts.yml, for the domain texts."""
    contact = knowledge_base().directory.get(STARKE_STELLE)
    if contact is None:
        return []
    return [SlotSet("starke_stelle_phone", contact.phone), SlotSet("starke_stelle_hours", format_weekly(contact.hours))]


class ActionSessionStart(Action):
    """Start a session with ``utter_privacy_notice`` (what is stored; 110 in danger)."""

    def name(self) -> str:
        """Replace Rasa's default session start."""
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Send the notice first, so even an emergency gets 110 in the very first reply."""
        dispatcher.utter_message(response="utter_privacy_notice")
        events: list[dict[str, Any]] = [SessionStarted(), *starke_stelle_slots(), ActionExecuted("action_listen")]
        return events
