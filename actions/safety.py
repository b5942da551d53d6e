"""Safety in the dialogue: the emergency and crisis replies, the modes they start, and the
110 hint for messages with a danger signal that were not emergencies.

``action_emergency`` and ``action_crisis`` answer the first message of an emergency or a crisis
and set the slot ``safety_mode``; while it is set, ``components.mode_policy.ModePolicy`` routes
every message to ``action_safety_followup``, which answers it for that situation
(bot/safety/followup.py decides, domain/safety.yml says it).
"""

from __future__ import annotations

import logging
from typing import get_args

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.events import bot_responses, last_bot_turn, latest_intent
from bot.safety import SafetyAssessment
from bot.safety.engine import Kind, Level
from bot.safety.followup import Reply, crisis_reply, emergency_reply, followup
from bot.safety.hint import has_danger_signal, needs_danger_hint

logger = logging.getLogger(__name__)
MODE_SLOT = "safety_mode"


def send_danger_hint(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Utter the 110 hint when the latest message needs it."""
    if needs_danger_hint(tracker.latest_message or {}):
        dispatcher.utter_message(response="utter_danger_hint")


def _assessment(tracker: Tracker, default_kind: str) -> SafetyAssessment:
    """The safety net's reading of the latest message (kind and topics), as stored in the parse."""
    safety = (tracker.latest_message or {}).get("safety") or {}
    level = str(safety.get("level") or "none")
    kind = str(safety.get("kind") or "")
    if kind not in get_args(Kind) or not kind:
        kind = default_kind
    return SafetyAssessment(
        level if level in get_args(Level) else "none",  # type: ignore[arg-type]
        tuple(safety.get("triggers") or ()),
        tuple(safety.get("suppressed") or ()),
        calm=bool(safety.get("calm")),
        learned=float(safety.get("learned") or 0.0),
        kind=kind,  # type: ignore[arg-type]
        topics=tuple(safety.get("topics") or ()),
    )


def _say(dispatcher: CollectingDispatcher, reply: Reply) -> list[EventType]:
    """Utter the reply; (re)set the mode, so it lasts from this reply on (or ends)."""
    for name in reply.responses:
        dispatcher.utter_message(response=name)
    logger.info("safety_mode move=%s mode=%s", reply.move, reply.mode or "-")
    return [SlotSet(MODE_SLOT, reply.mode or None)]


class ActionEmergency(Action):
    """Acute danger (110 first) or a medical emergency (112 first); starts the mode."""

    def name(self) -> str:
        """Used by the safety rules (data/rules/safety.yml) and the danger question."""
        return "action_emergency"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Utter the emergency reply for the message's kind and set ``safety_mode``."""
        return _say(dispatcher, emergency_reply(_assessment(tracker, "danger")))


class ActionCrisis(Action):
    """Self-harm, distress or disclosed violence: TelefonSeelsorge / help lines first."""

    def name(self) -> str:
        """Used by the safety rules (data/rules/safety.yml)."""
        return "action_crisis"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Utter the crisis reply for the message's kind and set ``safety_mode`` to crisis."""
        default = "violence" if latest_intent(tracker) == "disclose_violence" else "distress"
        signal = has_danger_signal(tracker.latest_message or {})
        return _say(dispatcher, crisis_reply(_assessment(tracker, default), danger_signal=signal))


class ActionSafetyFollowup(Action):
    """Every message while a danger, medical or crisis mode lasts (chosen by ModePolicy)."""

    def name(self) -> str:
        """Predicted by components.mode_policy.ModePolicy."""
        return "action_safety_followup"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Answer the message for the current mode; end the mode when the user signals it."""
        message = tracker.latest_message or {}
        mode = str(tracker.get_slot(MODE_SLOT) or "danger")
        text = str(message.get("text") or "")
        assessment = _assessment(tracker, "") if message.get("safety") else None
        reply = followup(mode, text, latest_intent(tracker), last_bot_turn(tracker), bot_responses(tracker), assessment)
        return _say(dispatcher, reply)
