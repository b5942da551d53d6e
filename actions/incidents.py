"""Advice for the incident the user reported (after the danger question, where it is asked).

The advice also says, for the rules in data/rules/incidents.yml, whether the incident needs a
Strafantrag (``strafantrag`` slot from knowledge/offences.yml): ``none`` skips the date question.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.events import ACK_PREFIX, event_intent
from actions.knowledge import answer_article
from bot import clock
from bot.dates import find_date
from bot.history import last_acknowledged
from bot.knowledge import Offence, knowledge_base

INCIDENT_PREFIX = "report_"
STRAFANTRAG_SLOT = "strafantrag"


def latest_incident_event(tracker: Tracker) -> dict | None:
    """The most recent user message classified as a ``report_*`` intent, if any."""
    for event in reversed(tracker.events):
        if event.get("event") == "user" and event_intent(event).startswith(INCIDENT_PREFIX):
            return event
    return None


def acknowledged_incident(tracker: Tracker) -> str | None:
    """The incident the bot last acknowledged (``utter_ack_report_*``), else the latest report.

    Messages the NLU files under an incident while a form asks for something else (a date
    read as ``report_physical_attack``) do not change the incident being handled.
    """
    acknowledged = last_acknowledged(tracker.events, ACK_PREFIX + INCIDENT_PREFIX)
    if acknowledged:
        return INCIDENT_PREFIX + acknowledged
    event = latest_incident_event(tracker)
    return event_intent(event) if event else None


def incident_offence(tracker: Tracker) -> Offence | None:
    """Whether the incident being handled needs a Strafantrag (knowledge/offences.yml)."""
    return knowledge_base().offence_for(acknowledged_incident(tracker))


class ActionIncidentAdvice(Action):
    """The incident's article (summary, context, section buttons); a date in the report is kept.

    A rule (not a story) triggers it after "nein" to the danger question, so entities in
    the report (platform, role, Land) cannot break the match.
    """

    def name(self) -> str:
        """Action name used in data/rules/incidents.yml."""
        return "action_incident_advice"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Answer from the article; set ``strafantrag``, and ``incident_date`` for a clear date.

        ``strafantrag`` is None when the incident is unknown: the rules then ask for the date,
        as for any offence that may need a Strafantrag.
        """
        event = latest_incident_event(tracker)
        incident = event_intent(event) if event else None
        offence = knowledge_base().offence_for(incident)
        kind = SlotSet(STRAFANTRAG_SLOT, offence.strafantrag if offence else None)
        article = knowledge_base().article_for(incident) if incident else None
        if article is None or incident is None:
            dispatcher.utter_message(response="utter_no_article")
            return [kind]
        events = [*answer_article(dispatcher, tracker, article, incident), kind]
        reading = find_date(str(event.get("text") or ""), clock.now().date()) if event else None
        if reading is not None and reading.status == "ok" and reading.day is not None:
            events.append(SlotSet("incident_date", reading.day.isoformat()))
        return events
