"""Advice for the incident the user reported, once they said they are not in danger now."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

INCIDENT_PREFIX = "report_"


def latest_incident(tracker: Tracker) -> str | None:
    """The most recent ``report_*`` intent of this conversation, if any."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            name = ((event.get("parse_data") or {}).get("intent") or {}).get("name") or ""
            if name.startswith(INCIDENT_PREFIX):
                return str(name)
    return None


class ActionIncidentAdvice(Action):
    """Utter ``utter_advice_<incident>`` and the offer of further help.

    A rule (not a story) triggers it after "nein" to the danger question, so entities in
    the report (platform, role, Land) cannot break the match.
    """

    def name(self) -> str:
        """Action name used in data/rules/incidents.yml."""
        return "action_incident_advice"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Advice for the latest reported incident, then the help offer."""
        incident = latest_incident(tracker)
        response = f"utter_advice_{incident}" if incident else None
        if response and response in domain.get("responses", {}):
            dispatcher.utter_message(response=response)
        dispatcher.utter_message(response="utter_offer_help")
        return []
