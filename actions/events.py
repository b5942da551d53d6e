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
