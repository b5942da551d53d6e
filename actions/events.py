"""Reading the conversation's events: which intent a user message had, and all of them."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

# Incident acknowledgements are named utter_ack_<incident intent> (domain/incidents.yml).
ACK_PREFIX = "utter_ack_"


def event_intent(event: dict[str, Any]) -> str:
    """The intent name of a user event ("" if it has none)."""
    return str(((event.get("parse_data") or {}).get("intent") or {}).get("name") or "")


def latest_intent(tracker: Tracker) -> str:
    """The intent of the latest user message."""
    return str(((tracker.latest_message or {}).get("intent") or {}).get("name") or "")


def user_intents(tracker: Tracker) -> list[str]:
    """Intents of the user's messages in this conversation, oldest first."""
    return [event_intent(e) for e in tracker.events if e.get("event") == "user"]


def _response_name(event: dict[str, Any]) -> str:
    """The domain response a bot event uttered ("" for other events or free text)."""
    if event.get("event") != "bot":
        return ""
    return str((event.get("metadata") or {}).get("utter_action") or "")


def last_bot_turn(tracker: Tracker) -> list[str]:
    """Response names the bot uttered since the user's previous message (its last turn)."""
    names: list[str] = []
    user_seen = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if user_seen:
                break
            user_seen = True
        elif user_seen and _response_name(event):
            names.append(_response_name(event))
    return list(reversed(names))


def bot_responses(tracker: Tracker) -> list[str]:
    """Response names the bot uttered in this conversation, oldest first."""
    return [name for name in map(_response_name, tracker.events) if name]
