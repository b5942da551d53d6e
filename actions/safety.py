"""The 110 hint: a message with a danger signal that did not make it an emergency still gets
"Notruf 110" first, before the answer (the safety net decides emergencies; this is the margin).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

SAFETY_INTENTS = frozenset({"emergency", "mental_distress"})
# The classifier's emergency confidence from which a non-emergency answer carries the hint.
HINT_CONFIDENCE = 0.1


def needs_danger_hint(parse_data: dict[str, Any]) -> bool:
    """Whether the answer to this message should start with the 110 hint.

    True when the message is not handled as an emergency or crisis, but the safety net saw a
    danger word (even one it judged past, negated or hypothetical), demoted a classifier
    emergency, or the classifier gave ``emergency`` some weight.
    """
    intent = str((parse_data.get("intent") or {}).get("name") or "")
    if intent in SAFETY_INTENTS:
        return False
    safety = parse_data.get("safety") or {}
    if safety.get("triggers") or safety.get("suppressed") or safety.get("action") == "demoted_emergency":
        return True
    return any(
        r.get("name") == "emergency" and float(r.get("confidence") or 0.0) >= HINT_CONFIDENCE
        for r in parse_data.get("intent_ranking") or []
    )


def send_danger_hint(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Utter the 110 hint when the latest message needs it."""
    if needs_danger_hint(tracker.latest_message or {}):
        dispatcher.utter_message(response="utter_danger_hint")
