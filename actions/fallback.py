"""Two-stage fallback: first clarify with likely topics, then offer a person."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.forms import CONTACTS_FORM, PLACE_SLOT
from actions.knowledge import say, unplaced_decision
from actions.navigation import go_back
from bot.asking import BACK
from bot.topics import likely_topics, load_topics

CLARIFY_ACTION = "action_clarify"


def previous_bot_action(tracker: Tracker) -> str | None:
    """Name of the last bot action before the latest user message, if any."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return None
            seen_user = True
        elif seen_user and event.get("event") == "action":
            name = event.get("name")
            if name and name != "action_listen":
                return str(name)
    return None


class ActionClarify(Action):
    """On low NLU confidence: buttons with the likely topics; on a second miss: a person."""

    def name(self) -> str:
        """Action name used in data/rules/fallback.yml."""
        return CLARIFY_ACTION

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """A clear question of the conversation's topic is answered; else offer topics as
        buttons, or a person if clarifying already failed once."""
        if BACK.match(str((tracker.latest_message or {}).get("text") or "")):
            # "zurück zur Bedrohung: was kann die Polizei tun?" that the classifier could not place
            return go_back(dispatcher, tracker)
        decision = unplaced_decision(tracker)
        if decision.kind == "question":
            return say(dispatcher, tracker, decision)
        if next(tracker.get_latest_entity_values(PLACE_SLOT), None):
            # "Ich bin aus dem Landkreis Fulda, was gibt's da?": the place is what we understood
            # (components/places.py) – the contacts there, as if the Land had been named.
            return [FollowupAction(CONTACTS_FORM)]
        if previous_bot_action(tracker) == CLARIFY_ACTION:
            dispatcher.utter_message(response="utter_offer_human")
            return []
        labels = load_topics()
        ranking = tracker.latest_message.get("intent_ranking") or []
        topics = likely_topics(ranking, labels)
        if not topics:
            dispatcher.utter_message(response="utter_offer_human")
            return []
        buttons = [{"title": label, "payload": f"/{intent}"} for intent, label in topics]
        buttons.append({"title": labels.none_of_these, "payload": "/deny"})
        dispatcher.utter_message(response="utter_clarify", buttons=buttons)
        return []
