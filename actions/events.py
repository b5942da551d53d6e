"""Reading the conversation's events: which intent a user message had, and all of them."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker


def event_intent(event: dict[str, Any]) -> str:
    """The intent name of a user event ("" if it has none)."""
    return str(((event.get("parse_data") or {}).get("intent") or {}).get("name") or "")


def user_intents(tracker: Tracker) -> list[str]:
    """Intents of the user's messages in this conversation, oldest first."""
    return [event_intent(e) for e in tracker.events if e.get("event") == "user"]


def last_bot_turn(tracker: Tracker) -> list[str]:
    """Response names the bot uttered since the user's previous message (its last turn)."""
    names: list[str] = []
    user_seen = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            if user_seen:
                break
            user_seen = True
        elif kind == "bot" and user_seen:
            name = (event.get("metadata") or {}).get("utter_action")
            if name:
                names.append(str(name))
    return list(reversed(names))


def bot_responses(tracker: Tracker) -> list[str]:
    """Response names the bot uttered in this conversation, oldest first."""
    return [
        str((e.get("metadata") or {}).get("utter_action"))
        for e in tracker.events
        if e.get("event") == "bot" and (e.get("metadata") or {}).get("utter_action")
    ]
