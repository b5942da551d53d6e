"""The Strafantrag deadline: ask when it happened, read German dates, state the last day."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.knowledge import latest_intent
from actions.questions import answer_intent, is_question
from bot import clock
from bot.deadline import deadline_status, read_date, strafantrag_deadline
from bot.phrases import format_date, phrases

DATE_SLOT = "incident_date"
ATTEMPTS_SLOT = "date_attempts"
UNKNOWN = "unbekannt"
MAX_ATTEMPTS = 3
DONT_KNOW = re.compile(r"wei(ß|ss) (ich )?(es )?nicht|keine ahnung|unklar|nicht mehr genau|kann ich nicht sagen", re.I)
RESPONSES = {
    "future": "utter_date_future",
    "vague": "utter_date_vague",
    "unparseable": "utter_date_unparseable",
}
STATE_RESPONSES = {
    "open": "utter_deadline_open",
    "soon": "utter_deadline_soon",
    "last_day": "utter_deadline_last_day",
    "passed": "utter_deadline_passed",
}


def incident_date(tracker: Tracker) -> date | None:
    """The incident date in the slot, if a real date was given."""
    value = tracker.get_slot(DATE_SLOT)
    try:
        return date.fromisoformat(value) if value and value != UNKNOWN else None
    except ValueError:
        return None


def days_text(days: int) -> str:
    """'1 Tag' / '12 Tage'."""
    table = phrases()["days"]
    return str(table["one"]) if days == 1 else str(table["many"]).format(n=days)


class ValidateDeadlineForm(FormValidationAction):
    """Read the answer to 'Wann ist das passiert?'; re-ask politely, never guess."""

    def name(self) -> str:
        """Validation action of deadline_form."""
        return "validate_deadline_form"

    async def validate_incident_date(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Accept a past date (ISO), 'unbekannt' for 'weiß ich nicht', else re-ask."""
        if slot_value is None:
            return {DATE_SLOT: None}
        text = str(slot_value or "")
        if text == UNKNOWN or DONT_KNOW.search(text):
            return {DATE_SLOT: UNKNOWN}
        reading = read_date(text, clock.now().date())
        if reading.status == "ok" and reading.day is not None:
            return {DATE_SLOT: reading.day.isoformat(), ATTEMPTS_SLOT: 0}
        intent = latest_intent(tracker)
        if reading.status == "unparseable" and is_question(intent):
            # A question instead of a date: answer it, then the form asks for the date again.
            events = answer_intent(dispatcher, tracker, domain, intent)
            return {DATE_SLOT: None, **{e["name"]: e["value"] for e in events if e.get("event") == "slot"}}
        attempts = int(tracker.get_slot(ATTEMPTS_SLOT) or 0) + 1
        if attempts >= MAX_ATTEMPTS:
            dispatcher.utter_message(response="utter_date_give_up")
            return {DATE_SLOT: UNKNOWN, ATTEMPTS_SLOT: 0}
        dispatcher.utter_message(response=RESPONSES.get(reading.status, "utter_date_unparseable"))
        return {DATE_SLOT: None, ATTEMPTS_SLOT: attempts}


class ActionTellDeadline(Action):
    """State the last day for a Strafantrag and the days left, or the general rule."""

    def name(self) -> str:
        """Runs after deadline_form (data/rules/incidents.yml)."""
        return "action_tell_deadline"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Utter the deadline for the incident date in the slot."""
        start = incident_date(tracker)
        if start is None:
            dispatcher.utter_message(response="utter_deadline_general")
            return [SlotSet(ATTEMPTS_SLOT, 0)]
        status = deadline_status(start, clock.now().date())
        dispatcher.utter_message(
            response=STATE_RESPONSES[status.state],
            start=format_date(status.start, weekday=False),
            last_day=format_date(status.last_day),
            days=days_text(max(status.days_left, 0)),
        )
        return [SlotSet(ATTEMPTS_SLOT, 0)]


def deadline_for(tracker: Tracker) -> date | None:
    """The computed last day, if an incident date is known (for the case summary)."""
    start = incident_date(tracker)
    return strafantrag_deadline(start) if start else None
