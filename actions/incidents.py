"""Advice for the incident the user reported (after the danger question, where it is asked)."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.events import event_intent
from actions.knowledge import answer_article
from bot import clock
from bot.deadline import find_date
from bot.knowledge import knowledge_base

INCIDENT_PREFIX = "report_"


def latest_incident_event(tracker: Tracker) -> dict | None:
    """The most recent user message classified as a ``report_*`` intent, if any."""
    for event in reversed(tracker.events):
        if event.get("event") == "user" and event_intent(event).startswith(INCIDENT_PREFIX):
            return event
    return None


class ActionIncidentAdvice(Action):
    """The incident's article (summary, context, section buttons); a date in the report is kept.

    A rule (not a story) triggers it after "nein" to the danger question, so entities in
    the report (platform, role, Land) cannot break the match.
    """

    def name(self) -> str:
        """Action name used in data/rules/incidents.yml."""
        return "action_incident_advice"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Answer from the article; set ``incident_date`` when the report names a clear date."""
        event = latest_incident_event(tracker)
        incident = event_intent(event) if event else None
        article = knowledge_base().article_for(incident) if incident else None
        if article is None or incident is None:
            dispatcher.utter_message(response="utter_no_article")
            return []
        events = answer_article(dispatcher, tracker, article, incident)
        reading = find_date(str(event.get("text") or ""), clock.now().date()) if event else None
        if reading is not None and reading.status == "ok" and reading.day is not None:
            events.append(SlotSet("incident_date", reading.day.isoformat()))
        return events
