"""Contacts: the ranked directory list for the user's Land and topic, and the Starke Stelle now."""

from __future__ import annotations

from datetime import datetime

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.events import bot_responses, event_intent, user_intents
from actions.forms import DigressionAwareForm
from actions.knowledge import knowledge_base
from bot import clock
from bot.contacts import STARKE_STELLE, Directory, describe_availability, format_contact, reachable_now
from bot.knowledge import split_message
from bot.topics import load_topics

NOW_KINDS = ("notruf", "krisenhilfe", "opferhilfe")
DANGER_QUESTION = "utter_ask_in_danger"


def danger_mentioned(tracker: Tracker) -> bool:
    """Whether the user signalled acute danger (emergency, or 'ja' to the danger question)."""
    if "emergency" in user_intents(tracker):
        return True
    asked = False
    for event in tracker.events:
        if event.get("event") == "bot" and (event.get("metadata") or {}).get("utter_action") == DANGER_QUESTION:
            asked = True
        elif event.get("event") == "user":
            if asked and event_intent(event) == "affirm":
                return True
            asked = False
    return False


def conversation_topic(tracker: Tracker) -> str | None:
    """The most recent incident or question the user raised (for ranking contacts)."""
    labelled = load_topics().by_intent
    for intent in reversed(user_intents(tracker)):
        if intent in labelled and intent not in ("ask_contacts", "request_human", "ask_starke_stelle"):
            return intent
    return None


def send_reachable_now(dispatcher: CollectingDispatcher, directory: Directory, now: datetime) -> None:
    """List what can be reached right now (emergency, crisis lines, victim support)."""
    candidates = [c for c in directory.contacts if c.scope == "national" and c.kind in NOW_KINDS]
    blocks = [format_contact(c, now, with_description=False) for c in reachable_now(candidates, now)]
    for part in split_message(blocks):
        dispatcher.utter_message(response="utter_reachable_now", contacts=part)


def send_starke_stelle_status(dispatcher: CollectingDispatcher, now: datetime) -> None:
    """Phone, e-mail, whether it is open now; outside its hours what is reachable instead."""
    directory = knowledge_base().directory
    stelle = directory.get(STARKE_STELLE)
    if stelle is None:  # the schema guarantees it; keep the bot talking anyway
        return
    dispatcher.utter_message(
        response="utter_starke_stelle_status",
        phone=stelle.phone or "",
        email=stelle.email or "",
        availability=describe_availability(stelle, now),
    )
    if not reachable_now([stelle], now):
        send_reachable_now(dispatcher, directory, now)


# The first answer names the most relevant few (issue 8: short turns); "Weitere Stellen" the rest.
FIRST_CONTACTS = 3


class ActionListContacts(Action):
    """Ranked contacts for the Bundesland (or nationwide) and the conversation's topic."""

    def name(self) -> str:
        """Runs when the contacts form is complete or the Land is not given."""
        return "action_list_contacts"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Utter the list in messages of readable length, with the honest note where needed."""
        directory = knowledge_base().directory
        land = tracker.get_slot("bundesland")
        now = clock.now()
        ranked = directory.lookup(land, conversation_topic(tracker), danger=danger_mentioned(tracker))
        contacts = directory.lookup(
            land, conversation_topic(tracker), danger=danger_mentioned(tracker), limit=FIRST_CONTACTS
        )
        blocks = [format_contact(c, now, compact=True) for c in contacts]
        if land:
            dispatcher.utter_message(response="utter_contacts_intro_land", bundesland=land)
            note = directory.land_note(land)
            if note:
                dispatcher.utter_message(response="utter_land_none_known", note=note)
        else:
            dispatcher.utter_message(response="utter_contacts_intro_national")
        for part in split_message(blocks):
            dispatcher.utter_message(response="utter_contacts_part", contacts=part)
        if any(c not in contacts for c in ranked):
            dispatcher.utter_message(response="utter_contacts_more")
        return []


class ActionListMoreContacts(Action):
    """The further contacts after the first few ("Weitere Stellen")."""

    def name(self) -> str:
        """The "Weitere Stellen" button (data/rules/contacts.yml)."""
        return "action_list_more_contacts"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Utter the ranked contacts not shown first, or say that there are no more.

        "Weitere Stellen" typed before any list was shown gets the first list.
        """
        if "utter_contacts_more" not in bot_responses(tracker):
            return await ActionListContacts().run(dispatcher, tracker, domain)
        directory = knowledge_base().directory
        land, topic, danger = tracker.get_slot("bundesland"), conversation_topic(tracker), danger_mentioned(tracker)
        shown = directory.lookup(land, topic, danger=danger, limit=FIRST_CONTACTS)
        more = [c for c in directory.lookup(land, topic, danger=danger) if c not in shown]
        if not more:
            dispatcher.utter_message(response="utter_contacts_no_more")
            return []
        now = clock.now()
        for part in split_message([format_contact(c, now, compact=True) for c in more]):
            dispatcher.utter_message(response="utter_contacts_part", contacts=part)
        return []


class ActionStarkeStelleStatus(Action):
    """Whether the Starke Stelle is open right now, and what is reachable otherwise."""

    def name(self) -> str:
        """Runs after the Starke Stelle article (data/rules/contacts.yml)."""
        return "action_starke_stelle_status"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Utter the status line (and the now-reachable list outside its hours)."""
        send_starke_stelle_status(dispatcher, clock.now())
        return []


class ValidateContactsForm(DigressionAwareForm):
    """The Land for the contacts; a question in between is answered first (actions/forms.py)."""

    def name(self) -> str:
        """Validation action of contacts_form."""
        return "validate_contacts_form"

    def is_answer(self, slot: str, text: str, tracker: Tracker) -> bool:
        """A message that names a Land answers the question."""
        return next(tracker.get_latest_entity_values("bundesland"), None) is not None
