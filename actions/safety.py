"""Safety in the dialogue: the emergency and crisis replies, the modes they start, and the
110 hint for messages with a danger signal that were not emergencies.

``action_emergency`` and ``action_crisis`` answer the first message of an emergency or a crisis
and set the slot ``safety_mode``; while it is set, ``components.mode_policy.ModePolicy`` routes
every message to ``action_safety_followup``, which answers it for that situation
(bot/safety/followup.py decides, domain/safety.yml says it).
"""

from __future__ import annotations

import logging
import re
from typing import get_args

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
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
    """Utter the 110 hint when the latest message needs it – once: not if this turn said 110."""
    if needs_danger_hint(tracker.latest_message or {}) and not _said_110_this_turn(tracker):
        dispatcher.utter_message(response="utter_danger_hint")


_N110 = re.compile(r"(?<!\d)110(?!\d)")


def _said_110_this_turn(tracker: Tracker) -> bool:
    """Whether a reply since the latest user message already named 110 (the acknowledgement)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot" and _N110.search(str(event.get("text") or "")):
            return True
    return False


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


TOPICAL_CONFIDENCE = 0.5
REPEAT_CONFIDENCE = 0.35
# In a mode these keep the mode's reply: a person now (110, TelefonSeelsorge), "was soll ich tun?"
# (the mode's next step), never a form.
TOPICAL_EXCLUDED = frozenset(
    {
        "request_human",
        "ask_starke_stelle",
        "ask_contacts",
        "ask_what_now",
        "ask_psychological_support",
        "repeat",
        "go_back",
    }
)
# Active steps of the danger mode: while one of these was the last reply, the mode answers.
ACTIVE_DANGER_REPLIES = frozenset(
    {
        "utter_danger_still",
        "utter_danger_still_again",
        "utter_danger_calm_waiting",
        "utter_danger_call_police",
        "utter_danger_wait",
        "utter_danger_stay_inside",
        "utter_danger_fire",
        "utter_danger_leave",
        "utter_danger_silent",
        "utter_danger_calm",
        "utter_danger_calm_again",
        "utter_danger_gone",
    }
)
CONTACT_INTENTS = frozenset({"ask_contacts", "inform_state"})
# Replies after which a danger mode has calmed down: a check-in, or an answer to a question.
CALM_EXCHANGE = frozenset(
    {
        "utter_danger_checkin",
        "utter_danger_checkin_again",
        "utter_qa_answer",
        "utter_article_part",
        "utter_qa_none",
        "utter_contacts_part",
        "utter_contacts_intro_land",
        "utter_contacts_intro_national",
    }
)
HANDOFF_INTENTS = frozenset({"request_human"})
# The one line that comes before a topical answer in each mode.
TOPICAL_MODES = {"danger": "utter_danger_hint", "crisis": "utter_crisis_reminder"}


class ActionEmergency(Action):
    """Acute danger (110 first) or a medical emergency (112 first); starts the mode."""

    def name(self) -> str:
        """Used by the safety rules (data/rules/safety.yml) and the danger question."""
        return "action_emergency"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Utter the emergency reply for the message's kind and set ``safety_mode``."""
        return [*_say(dispatcher, emergency_reply(_assessment(tracker, "danger"))), *_incident_topic(tracker)]


class ActionCrisis(Action):
    """Self-harm, distress or disclosed violence: TelefonSeelsorge / help lines first."""

    def name(self) -> str:
        """Used by the safety rules (data/rules/safety.yml)."""
        return "action_crisis"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Utter the crisis reply for the message's kind and set ``safety_mode`` to crisis."""
        default = "violence" if latest_intent(tracker) == "disclose_violence" else "distress"
        signal = has_danger_signal(tracker.latest_message or {})
        reply = crisis_reply(_assessment(tracker, default), danger_signal=signal)
        return [*_say(dispatcher, reply), *_incident_topic(tracker)]


INCIDENT_TOPIC_RANK = 3  # the best incident among the classifier's first three guesses


def _incident_topic(tracker: Tracker) -> list[EventType]:
    """The incident behind an emergency or crisis ("des Hoftor vollgschmiert … a Galgn") as the
    conversation's topic, from the classifier's ranking, so later questions are about it."""
    from actions.knowledge import ARTICLE_SLOT
    from bot.knowledge import knowledge_base

    for entry in ((tracker.latest_message or {}).get("intent_ranking") or [])[:INCIDENT_TOPIC_RANK]:
        name = str(entry.get("name") or "")
        if name.startswith("report_"):
            article = knowledge_base().article_for(name)
            return [SlotSet(ARTICLE_SLOT, article.id)] if article is not None else []
    return []


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
        intent = latest_intent(tracker)
        if intent == "repeat" and _confidence(tracker) >= REPEAT_CONFIDENCE:
            from actions.navigation import repeat_last

            return repeat_last(dispatcher, tracker)
        if intent == "other_language":
            # A message in another language, also in a mode: the reply in it names 110 and 112 first.
            from actions.language import ActionOtherLanguage

            return await ActionOtherLanguage().run(dispatcher, tracker, domain)
        last_bot, history = last_bot_turn(tracker), bot_responses(tracker)
        reply = followup(mode, text, intent, last_bot, history, assessment)
        calm = mode in TOPICAL_MODES and _mode_is_calm(mode, last_bot, history)
        settled = calm and _no_alarm(assessment) and (mode == "crisis" or bool(CALM_EXCHANGE & set(last_bot)))
        if settled and intent in HANDOFF_INTENTS and reply.move == "human":
            # The mode has calmed down (a check-in or an answer came last), and the person asks
            # for the Starke Stelle: the mode ends and the handoff starts.
            logger.info("safety_mode move=handoff mode=%s", mode)
            return [SlotSet(MODE_SLOT, None), FollowupAction("action_handoff_reset")]
        wants_contacts = intent in CONTACT_INTENTS and tracker.get_slot("bundesland")
        if settled and reply.move in {"other", "human"} and wants_contacts:
            # "Wer hilft ma do bei uns in Oberbayern?" once the mode is calm: the Land's contacts.
            from actions.contacts import ActionListContacts

            if TOPICAL_MODES[mode] not in history:
                dispatcher.utter_message(response=TOPICAL_MODES[mode])
            return await ActionListContacts().run(dispatcher, tracker, domain)
        if calm and reply.move == "other" and _is_topical(tracker, intent, text, assessment):
            # "Is des ieberhaupt strafbar?" while a danger or crisis mode lasts: no danger or
            # distress in it, a question of our topics – the answer, after one line with the 110
            # or the TelefonSeelsorge (the mode stays).
            from actions.knowledge import answer_question

            if TOPICAL_MODES[mode] not in history:  # the reminder once, not every answer
                dispatcher.utter_message(response=TOPICAL_MODES[mode])
            logger.info("safety_mode move=topical_question mode=%s", mode)
            return answer_question(dispatcher, tracker, intent)
        events = _say(dispatcher, reply)
        if not reply.mode and intent in HANDOFF_INTENTS:
            # "Die Polizei war da, er ist weg – ich will, dass sich die Starke Stelle meldet": the
            # mode ends, and the handoff starts right after its last word.
            events.append(FollowupAction("action_handoff_reset"))
        return events


def _mode_is_calm(mode: str, last_bot: list[str], history: list[str]) -> bool:
    """Whether the mode's last reply was only a check-in (or the first emergency reply, or a
    topical answer) – not an active step (police on the way, stay inside, 110 now) – and, for a
    crisis, none about self-harm: only then may a topical question be answered in the mode."""
    if mode == "crisis":
        return not any(name.startswith("utter_self_harm") for name in history)
    return not any(name in ACTIVE_DANGER_REPLIES for name in last_bot)


def _is_topical(tracker: Tracker, intent: str, text: str, assessment: SafetyAssessment | None) -> bool:
    """A calm question about one of our topics: no danger or distress in it, and the classifier
    sees a question intent (or the message plainly asks one of the knowledge questions)."""
    from actions.knowledge import unplaced_decision
    from actions.questions import is_question
    from bot.asking import looks_like_question

    if not _no_alarm(assessment) or intent in TOPICAL_EXCLUDED:
        return False
    if not looks_like_question(text):  # "Aha, trotzdem guat, dass i's gsagt hab" stays the mode's
        return False
    demoted = str(((tracker.latest_message or {}).get("safety") or {}).get("action") or "").startswith("demoted")
    if is_question(intent) and (_confidence(tracker) >= TOPICAL_CONFIDENCE or demoted):
        return True  # (after a demoted false alarm the next intent's confidence says little)
    return unplaced_decision(tracker).kind == "question"


def _no_alarm(assessment: SafetyAssessment | None) -> bool:
    """No danger, distress or violence in the message itself."""
    return assessment is None or assessment.level == "none"


def _confidence(tracker: Tracker) -> float:
    return float(((tracker.latest_message or {}).get("intent") or {}).get("confidence") or 0.0)
