"""The Strafantrag deadline: ask when it happened, read German dates, state the last day.

Only incidents that may need a Strafantrag get the date question (``strafantrag`` slot, set by
action_incident_advice from knowledge/offences.yml). An offence prosecuted ex officio (a threat)
is never asked for a date and never told that a deadline has passed: it gets the statement that
no Strafantrag is needed, however the conversation got here.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.forms import DigressionAwareForm
from actions.incidents import STRAFANTRAG_SLOT, incident_offence
from bot import clock
from bot.dates import holiday_region, read_date
from bot.deadline import deadline_status, strafantrag_deadline
from bot.knowledge import Offence
from bot.phrases import format_date, phrases

DATE_SLOT = "incident_date"
ATTEMPTS_SLOT = "date_attempts"
UNKNOWN = "unbekannt"
MAX_ATTEMPTS = 3
ANSWER_MAX_WORDS = 8  # a longer message with a question mark is a question, even with a date in it
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
NO_STRAFANTRAG = "none"
STRAFANTRAG_RESPONSES = {
    "required": "utter_strafantrag_required",
    "relative": "utter_strafantrag_relative",
    NO_STRAFANTRAG: "utter_strafantrag_none",
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


def strafantrag_kind(tracker: Tracker, offence: Offence | None) -> str | None:
    """``required``, ``relative`` or ``none`` for the incident being handled; None if unknown."""
    return offence.strafantrag if offence else tracker.get_slot(STRAFANTRAG_SLOT)


def tell_offence(dispatcher: CollectingDispatcher, offence: Offence | None, kind: str | None) -> None:
    """Say whether the offence needs a Strafantrag (offences.yml), with its mixed-offence note."""
    if offence is None or kind not in STRAFANTRAG_RESPONSES:
        return
    dispatcher.utter_message(
        response=STRAFANTRAG_RESPONSES[kind], offence=offence.offence, paragraphs=offence.paragraphs
    )
    if offence.note:
        dispatcher.utter_message(response="utter_strafantrag_note", note=offence.note)


def tell_no_strafantrag(dispatcher: CollectingDispatcher, offence: Offence | None) -> None:
    """No Strafantrag needed: the statement, or the general rule if the offence is unknown."""
    if offence is None:
        dispatcher.utter_message(response="utter_deadline_general")
        return
    tell_offence(dispatcher, offence, NO_STRAFANTRAG)


class ValidateDeadlineForm(DigressionAwareForm):
    """Read the answer to 'Wann ist das passiert?'; re-ask politely, never guess; a question
    instead of a date is answered first (actions/forms.py)."""

    def name(self) -> str:
        """Validation action of deadline_form."""
        return "validate_deadline_form"

    def is_answer(self, slot: str, text: str, tracker: Tracker) -> bool:
        """A date (also a vague or future one, which gets its own re-ask) or "weiß ich nicht" –
        but not a longer question with a date in it ("gestern hat er gesagt …, ist das schon
        eine Drohung?")."""
        if "?" in text and len(text.split()) > ANSWER_MAX_WORDS:
            return False
        return bool(DONT_KNOW.search(text)) or read_date(text, clock.now().date()).status != "unparseable"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        """No date question for an offence prosecuted ex officio, should a rule start the form."""
        if strafantrag_kind(tracker, incident_offence(tracker)) == NO_STRAFANTRAG:
            return []
        return list(domain_slots)

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
        attempts = int(tracker.get_slot(ATTEMPTS_SLOT) or 0) + 1
        if attempts >= MAX_ATTEMPTS:
            dispatcher.utter_message(response="utter_date_give_up")
            return {DATE_SLOT: UNKNOWN, ATTEMPTS_SLOT: 0}
        dispatcher.utter_message(response=RESPONSES.get(reading.status, "utter_date_unparseable"))
        return {DATE_SLOT: None, ATTEMPTS_SLOT: attempts}


class ActionTellDeadline(Action):
    """State the last day for a Strafantrag and the days left, or the general rule; then whether
    the offence needs the Strafantrag (required) or the prosecution may act without (relative)."""

    def name(self) -> str:
        """Runs after deadline_form (data/rules/incidents.yml)."""
        return "action_tell_deadline"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Utter the deadline for the incident date in the slot (Land holidays if known)."""
        offence = incident_offence(tracker)
        kind = strafantrag_kind(tracker, offence)
        if kind == NO_STRAFANTRAG:
            tell_no_strafantrag(dispatcher, offence)
            return [SlotSet(ATTEMPTS_SLOT, 0)]
        start = incident_date(tracker)
        if start is None:
            dispatcher.utter_message(response="utter_deadline_general")
        else:
            land = tracker.get_slot("bundesland")
            region = holiday_region(land)
            status = deadline_status(start, clock.now().date(), region=region)
            dispatcher.utter_message(
                response=STATE_RESPONSES[status.state],
                start=format_date(status.start, weekday=False),
                last_day=format_date(status.last_day),
                days=days_text(max(status.days_left, 0)),
            )
            if status.shifted and status.computed is not None:
                shifted = {"computed": format_date(status.computed), "last_day": format_date(status.last_day)}
                if region:
                    dispatcher.utter_message(response="utter_deadline_shifted_land", land=land, **shifted)
                else:
                    dispatcher.utter_message(response="utter_deadline_shifted_nationwide", **shifted)
        tell_offence(dispatcher, offence, kind)
        return [SlotSet(ATTEMPTS_SLOT, 0)]


class ActionTellNoStrafantrag(Action):
    """For an offence prosecuted ex officio: no date question, no deadline – say why."""

    def name(self) -> str:
        """Runs after the advice when ``strafantrag`` is ``none`` (data/rules/incidents.yml)."""
        return "action_tell_no_strafantrag"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Utter that the offence is prosecuted without a Strafantrag (and its note)."""
        offence = incident_offence(tracker)
        if offence is not None and offence.needs_strafantrag:
            # The slot said "none" but the incident needs one: never claim it is not needed.
            dispatcher.utter_message(response="utter_deadline_general")
            tell_offence(dispatcher, offence, offence.strafantrag)
            return []
        tell_no_strafantrag(dispatcher, offence)
        return []


def deadline_for(tracker: Tracker) -> date | None:
    """The last day (weekend/holiday shift with the Land's holidays), if a date is known."""
    start = incident_date(tracker)
    return strafantrag_deadline(start, holiday_region(tracker.get_slot("bundesland"))) if start else None
