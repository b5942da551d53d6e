"""Handoff to the Starke Stelle: consent, wish, contact, the summary shown first, then the outbox.

Nothing is passed on without a yes. The summary holds categories only; the one personal datum
(phone or e-mail, only for a call-back) goes to the outbox, which deletes it once delivered.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date
from functools import cache
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.contacts import send_starke_stelle_status
from actions.deadline import UNKNOWN, deadline_for, incident_date
from actions.events import ACK_PREFIX
from actions.forms import DigressionAwareForm
from actions.knowledge import ARTICLE_SLOT, HANDOFF_ARTICLE
from bot import clock
from bot.case import (
    CaseFacts,
    find_contact,
    is_decline,
    normalise_contact,
    personal_data,
    recognise_evidence,
    recognise_preference,
    recognise_wish,
    summary_payload,
    summary_text,
)
from bot.handoff.delivery import deliver_due
from bot.handoff.outbox import Outbox, default_outbox_path
from bot.handoff.sinks import ConfigError, sink_from_env

logger = logging.getLogger(__name__)

CONSENT, WISH, PREFERENCE, DETAIL = "handoff_consent", "handoff_wish", "contact_preference", "contact_detail"
HANDOFF_SLOTS = (CONSENT, WISH, PREFERENCE, DETAIL)
DETAIL_ATTEMPTS = "contact_attempts"
DELIVERY_TIMEOUT = 8.0
EMERGENCY_ACTION = "action_emergency"


@cache
def outbox() -> Outbox:
    """The outbox of this process (path from STARK_OUTBOX_PATH), opened on first use."""
    return Outbox(default_outbox_path())


def handled_incidents(tracker: Tracker) -> tuple[str, ...]:
    """Incidents the bot acknowledged (not every message the NLU filed under an incident while a
    form was asking for something else), plus an emergency if there was one."""
    found: list[str] = []
    for event in tracker.events:
        name = str(event.get("name") or "") if event.get("event") == "action" else ""
        if name.startswith(ACK_PREFIX):
            found.append(name.removeprefix(ACK_PREFIX))
        elif name == EMERGENCY_ACTION:
            found.append("emergency")
    return tuple(dict.fromkeys(found))


def case_facts(tracker: Tracker, with_contact: bool = True) -> CaseFacts:
    """Everything the summary says, from slots and the intents of the conversation."""
    incidents = handled_incidents(tracker)
    texts = [str(e.get("text") or "") for e in tracker.events if e.get("event") == "user"]
    started: date | None = incident_date(tracker)
    return CaseFacts(
        incidents=incidents,
        bundesland=tracker.get_slot("bundesland"),
        incident_date=started,
        date_unknown=tracker.get_slot("incident_date") == UNKNOWN,
        deadline=deadline_for(tracker),
        evidence=recognise_evidence(t for t in texts if not t.startswith("/")),
        wish=tracker.get_slot(WISH),
        contact_preference=tracker.get_slot(PREFERENCE),
        contact_detail=tracker.get_slot(DETAIL) if with_contact else None,
    )


class ValidateHandoffForm(DigressionAwareForm):
    """Ask only what is needed: no contact details unless a call-back or e-mail is wanted; a
    question in between is answered first (actions/forms.py)."""

    def is_answer(self, slot: str, text: str, tracker: Tracker) -> bool:
        """A wish, a way of contact, a phone number or address, or "lieber nicht"."""
        if find_contact(text) is not None:
            return True
        if slot == WISH:
            return recognise_wish(text) != "sonstiges"
        if slot == PREFERENCE:
            return recognise_preference(text) is not None or is_decline(text)
        if slot == DETAIL:
            return normalise_contact(str(tracker.get_slot(PREFERENCE) or ""), text) is not None or is_decline(text)
        return False

    def name(self) -> str:
        """Validation action of handoff_form."""
        return "validate_handoff_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """As every form; a phone number or e-mail address anywhere in a message ("Rückruf bitte
        unter 0171 …, am besten morgen vormittag") also fills the way of contact, so it is not
        asked for again (not after a "no" to the consent)."""
        found = find_contact(str((tracker.latest_message or {}).get("text") or ""))
        if found is None or tracker.get_slot(DETAIL) or tracker.get_slot(CONSENT) is False:
            return await super().run(dispatcher, tracker, domain)
        contact = [SlotSet(PREFERENCE, found[0]), SlotSet(DETAIL, found[1])]
        tracker.add_slots(contact)  # so the form sees them when it picks its next question
        return [*contact, *await super().run(dispatcher, tracker, domain)]

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        """Consent only when declined; no contact detail for 'anonym'."""
        if tracker.get_slot(CONSENT) is False:
            return [CONSENT]
        if tracker.get_slot(PREFERENCE) == "anonym":
            return [CONSENT, WISH, PREFERENCE]
        return list(HANDOFF_SLOTS)

    async def validate_handoff_wish(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Store the wish as a category, never the user's words."""
        if slot_value is None:
            return {WISH: None}
        return {WISH: recognise_wish(str(slot_value or ""))}

    async def validate_contact_preference(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """telefon / email / anonym; re-ask when unclear."""
        if slot_value is None:
            return {PREFERENCE: None}
        preference = recognise_preference(str(slot_value or ""))
        if preference is None:
            dispatcher.utter_message(response="utter_preference_unclear")
        return {PREFERENCE: preference}

    async def validate_contact_detail(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A plausible phone number or e-mail address; one re-ask, then anonymous."""
        if slot_value is None:
            return {DETAIL: None}
        text = str(slot_value or "")
        preference = str(tracker.get_slot(PREFERENCE) or "")
        value = normalise_contact(preference, text)
        if value is not None:
            return {DETAIL: value, DETAIL_ATTEMPTS: 0}
        attempts = int(tracker.get_slot(DETAIL_ATTEMPTS) or 0)
        if is_decline(text) or attempts >= 1:
            dispatcher.utter_message(response="utter_contact_declined")
            return {DETAIL: None, PREFERENCE: "anonym", DETAIL_ATTEMPTS: 0}
        response = "utter_contact_invalid_email" if preference == "email" else "utter_contact_invalid_phone"
        dispatcher.utter_message(response=response)
        return {DETAIL: None, DETAIL_ATTEMPTS: attempts + 1}


class ActionHandoffSummary(Action):
    """Show the summary and ask 'Soll ich das so weitergeben?'."""

    def name(self) -> str:
        """Runs when the handoff form is complete with consent."""
        return "action_handoff_summary"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Utter the summary with yes/no buttons."""
        dispatcher.utter_message(response="utter_handoff_summary", summary=summary_text(case_facts(tracker)))
        return []


class ActionHandoffSubmit(Action):
    """Store the case in the outbox, try to deliver it at once, tell the reference."""

    def name(self) -> str:
        """Runs after 'ja' to the summary."""
        return "action_handoff_submit"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Enqueue (durable), attempt delivery within a few seconds, confirm to the user."""
        facts = case_facts(tracker)
        box = outbox()
        try:
            case = await asyncio.to_thread(
                box.enqueue, summary_payload(facts), summary_text(facts, include_contact=False), personal_data(facts)
            )
        except Exception:  # the user must get the direct contacts, whatever broke
            logger.exception("handoff: could not store the case")
            dispatcher.utter_message(
                response="utter_handoff_failed", summary=summary_text(facts, include_contact=False)
            )
            return [SlotSet(DETAIL, None)]
        logger.info("handoff: case %s stored", case.reference)
        delivered = await self._try_deliver(box, case.reference)
        response = "utter_handoff_delivered" if delivered else "utter_handoff_queued"
        dispatcher.utter_message(response=response, reference=case.reference)
        send_starke_stelle_status(dispatcher, clock.now())
        return [SlotSet(DETAIL, None), SlotSet("case_reference", case.reference)]

    @staticmethod
    async def _try_deliver(box: Outbox, reference: str) -> bool:
        try:
            sink = sink_from_env()
        except ConfigError:
            logger.error("handoff: sink configuration invalid; case %s stays in the outbox", reference)
            return False
        if not getattr(sink, "automatic", True):
            return False
        try:
            await asyncio.wait_for(deliver_due(box, sink), timeout=DELIVERY_TIMEOUT)
        except Exception:  # the worker retries; the case is safe in the outbox
            logger.warning("handoff: immediate delivery of %s failed; the worker retries", reference)
        case = await asyncio.to_thread(box.get, reference)
        return case is not None and case.status == "delivered"


class ActionHandoffNoConsent(Action):
    """Without consent: the summary to take along, and how to reach the Starke Stelle now."""

    def name(self) -> str:
        """Runs when the user declines the handoff."""
        return "action_handoff_no_consent"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Utter the summary (without contact details) and the Starke Stelle's status."""
        facts = case_facts(tracker, with_contact=False)
        dispatcher.utter_message(
            response="utter_handoff_no_consent", summary=summary_text(facts, include_contact=False)
        )
        send_starke_stelle_status(dispatcher, clock.now())
        return [SlotSet(DETAIL, None)]


class ActionHandoffReset(Action):
    """Start a handoff afresh: forget the answers of an earlier one (silent)."""

    def name(self) -> str:
        """Runs before every activation of the handoff form (data/rules/handoff.yml)."""
        return "action_handoff_reset"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Reset the handoff slots; without a topic yet, the Starke Stelle becomes the topic, so a
        question in the form ("Ist das vertraulich?") is answered about it."""
        events: list[EventType] = [SlotSet(slot, None) for slot in HANDOFF_SLOTS]
        if not tracker.get_slot(ARTICLE_SLOT):
            events.append(SlotSet(ARTICLE_SLOT, HANDOFF_ARTICLE))
        # The form comes next – by the rules, and also where a mode or another form handed over.
        return [*events, FollowupAction("handoff_form")]


class ActionHandoffRevise(Action):
    """'Nein' to the summary: forget the answers and go through the form again."""

    def name(self) -> str:
        """Runs after 'nein' to the summary; the form follows (data/rules/handoff.yml)."""
        return "action_handoff_revise"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Reset the handoff slots."""
        dispatcher.utter_message(response="utter_handoff_revise")
        return [SlotSet(slot, None) for slot in HANDOFF_SLOTS]
