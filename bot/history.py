"""Reading a conversation's history: plain functions over Rasa's event dicts (no Rasa import).

The actions pass ``tracker.events``; tests pass lists of dicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

Event = dict[str, Any]


def previous_bot_turn(events: Sequence[Event]) -> list[Event]:
    """The bot messages of the turn before the latest user message (oldest first).

    That is what the user saw when they wrote their latest message; "wiederholen" repeats it.
    """
    messages: list[Event] = []
    users = 0
    for event in reversed(events):
        kind = event.get("event")
        if kind == "user":
            users += 1
            if users == 2:
                break
        elif kind == "bot" and users == 1:
            messages.append(event)
    return list(reversed(messages))


def slot_values(events: Iterable[Event], slot: str) -> list[Any]:
    """Every value ``slot`` was set to, oldest first, consecutive repeats collapsed."""
    values: list[Any] = []
    for event in events:
        if event.get("event") == "slot" and event.get("name") == slot:
            value = event.get("value")
            if not values or values[-1] != value:
                values.append(value)
    return values


def previous_value(events: Iterable[Event], slot: str) -> Any:
    """The value ``slot`` had before its current one (None if it had none)."""
    values = [v for v in slot_values(events, slot) if v is not None]
    return values[-2] if len(values) >= 2 else None


def last_acknowledged(events: Iterable[Event], prefix: str = "utter_ack_") -> str | None:
    """The intent whose acknowledgement (``utter_ack_<intent>``) the bot uttered last."""
    found = None
    for event in events:
        name = str(event.get("name") or "") if event.get("event") == "action" else ""
        if name.startswith(prefix):
            found = name.removeprefix(prefix)
    return found
