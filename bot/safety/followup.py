"""What the bot says in a danger, medical or crisis mode (plain Python, no Rasa).

The entry replies (:func:`emergency_reply`, :func:`crisis_reply`) and every follow-up
(:func:`followup`) are lists of domain response names; the German text lives in
``domain/safety.yml``. A follow-up is read in the context of the mode: a new danger signal
always wins, then the end of the acute phase, then what the person asks or says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.safety import patterns as p
from bot.safety.engine import SafetyAssessment, assess, is_plain_no, looks_back, normalise, says_safe
from bot.safety.learned import LEARNED_CALM

DANGER = "danger"
MEDICAL = "medical"
CRISIS = "crisis"
VIOLENCE = "violence"
END = ""  # the mode is over
# "Ich will mit einem Menschen reden": in a mode, the human who helps now (110, TelefonSeelsorge).
# Replies that show the danger is violence by a partner or sexual violence.
VIOLENCE_REPLIES = frozenset(
    {"utter_violence_helpline", "utter_violence_support", "utter_violence_listen", "utter_violence_plan"}
)
HUMAN_INTENTS = frozenset({"request_human", "ask_starke_stelle", "ask_contacts", "ask_psychological_support"})


@dataclass(frozen=True)
class Reply:
    """Response names to utter, the mode afterwards (``END`` ends it), and the move's name.

    ``move`` names what was recognised (e.g. ``called_police``); it is safe to log.
    """

    responses: tuple[str, ...]
    mode: str
    move: str


def emergency_reply(assessment: SafetyAssessment) -> Reply:
    """Entry into the danger mode (110 first) or the medical mode (112 first)."""
    if assessment.kind == "medical":
        return Reply(("utter_medical_emergency", "utter_medical_stay"), MEDICAL, "medical")
    extra = ("utter_violence_helpline",) if assessment.topics else ()
    return Reply(("utter_emergency", "utter_emergency_stay", *extra), DANGER, "danger")


def crisis_reply(assessment: SafetyAssessment, danger_signal: bool = False) -> Reply:
    """Entry into the crisis mode: TelefonSeelsorge first for self-harm and distress.

    Self-harm gets 112 first when it is acute, never "call the police" or "lock yourself in",
    and a gentle question whether the person is safe; disclosed violence gets the help lines.
    "Ich will mir nichts antun, ich bin nur müde" gets warm words and no mode. Other distress
    in a message with a danger signal ("ich habe Angst, er probiert am Schloss herum") starts
    with the 110 hint: fear may be of someone at the door.
    """
    if assessment.kind == "reassured":
        return Reply(("utter_crisis_relief",), END, "reassured")
    if assessment.kind == "self_harm_now":
        responses: tuple[str, ...] = ("utter_self_harm_now", "utter_self_harm_not_alone")
    elif assessment.kind == "self_harm":
        responses = ("utter_self_harm", "utter_self_harm_not_alone")
    elif assessment.kind == "violence":
        return Reply(("utter_violence_support", "utter_violence_safe"), VIOLENCE, "violence")
    else:
        hint = ("utter_danger_hint",) if danger_signal else ()
        responses = (*hint, "utter_mental_distress", "utter_distress_followup")
    if assessment.kind.startswith("self_harm") and assessment.topics:
        responses = (*responses, "utter_violence_helpline")
    return Reply(responses, CRISIS, assessment.kind or "distress")


# In a mode a message is read in its context: the learned reading (trained on first messages)
# raises the level here only when it is this sure; otherwise the patterns' own reading counts.
LEARNED_IN_MODE = 0.75


def _in_context(assessment: SafetyAssessment | None, text: str) -> SafetyAssessment:
    """The reading of a follow-up: the safety net's, unless only a less sure learned reading
    (or its calm) changed the patterns' one ("es ist besser jetzt" is no new crisis)."""
    if assessment is None:
        return assess(text)
    learned_calm = LEARNED_CALM in assessment.suppressed
    if learned_calm or (0.0 < assessment.learned < LEARNED_IN_MODE):
        return assess(text)
    return assessment


def _says(pattern: re.Pattern[str], norm: str) -> bool:
    """``pattern`` matches without a negation inside the match ("geht nicht besser")."""
    match = pattern.search(norm)
    return match is not None and not p.OWN_NEGATION.search(match.group(0))


def _rotate(names: Sequence[str], last_bot: Sequence[str]) -> str:
    """The first of ``names`` not said in the bot's last turn (never the same text twice in a row)."""
    return next((n for n in names if n not in last_bot), names[0])


def _signal_reply(assessment: SafetyAssessment, mode: str) -> Reply | None:
    """A new kind of danger decides, in any mode: danger from others, a medical emergency, or
    self-harm. A signal of the mode's own kind is read by the mode (``_danger_followup``...)."""
    if assessment.is_acute and assessment.kind != mode:
        return emergency_reply(assessment)
    if assessment.level == "distress" and assessment.kind.startswith("self_harm"):
        if mode == CRISIS:
            first = "utter_self_harm_now" if assessment.kind == "self_harm_now" else "utter_self_harm_again"
            return Reply((first, "utter_self_harm_not_alone"), CRISIS, assessment.kind)
        return crisis_reply(assessment)
    return None


def followup(
    mode: str,
    text: str,
    intent: str,
    last_bot: Sequence[str] = (),
    history: Sequence[str] = (),
    assessment: SafetyAssessment | None = None,
) -> Reply:
    """The reply to ``text`` while the conversation is in ``mode``.

    Args:
        mode: ``danger``, ``medical`` or ``crisis``.
        text: the user's message.
        intent: the intent the NLU (and safety net) gave it.
        last_bot: response names the bot uttered in its previous turn.
        history: response names the bot uttered earlier in the conversation (e.g. whether it
            already told the person how to wait for the police).
        assessment: the safety net's reading of ``text`` (patterns and learned reading
            combined); by default the patterns' own.
    """
    assessment = _in_context(assessment, text)
    signal = _signal_reply(assessment, mode)
    if signal is not None:
        return signal
    norm = normalise(text)
    if mode == DANGER:
        reply = _danger_followup(norm, text, intent, assessment, last_bot, history)
    elif mode == MEDICAL:
        reply = _medical_followup(norm, intent, assessment, last_bot)
    elif mode == VIOLENCE:
        reply = _violence_followup(norm, intent, assessment, last_bot)
    else:
        reply = _crisis_followup(norm, text, intent, assessment, last_bot)
    return _not_again(reply, last_bot)


# The same situation twice in a row: the second reply says it in other words.
AGAIN = {
    "utter_danger_still": "utter_danger_still_again",
    "utter_danger_still_again": "utter_danger_still",
    "utter_danger_stay_inside": "utter_danger_calm_waiting",
    "utter_danger_wait": "utter_danger_calm_waiting",
    "utter_danger_call_police": "utter_danger_still",
    "utter_danger_gone": "utter_danger_calm_waiting",
    "utter_medical_wait": "utter_medical_checkin",
    "utter_violence_plan": "utter_violence_listen_again",
}


def _not_again(reply: Reply, last_bot: Sequence[str]) -> Reply:
    """Never the same text twice in a row: swap a repeated reply for its other wording."""
    if not reply.responses or tuple(reply.responses) != tuple(last_bot):
        return reply
    first, *rest = reply.responses
    return Reply((AGAIN.get(first, first), *rest), reply.mode, reply.move)


def _danger_followup(
    norm: str, text: str, intent: str, assessment: SafetyAssessment, last_bot: Sequence[str], history: Sequence[str]
) -> Reply:
    still = assessment.is_acute
    waiting = "utter_danger_wait" in history or "utter_danger_wait" in last_bot
    # Danger from a partner or after sexual violence: the calm replies name the help line too.
    violent = any(name in VIOLENCE_REPLIES for name in (*history, *last_bot))
    said_no = is_plain_no(text) or intent == "deny"
    if said_no and "utter_danger_checkin_again" in last_bot:
        # "Sind Sie gerade sicher?" – "nein": still in danger.
        return Reply(("utter_danger_still",), DANGER, "not_safe")
    if said_no and not still and "utter_emergency" in last_bot:
        # "Wenn Sie gerade in Gefahr sind: 110 ..." – "nein": no acute danger after all.
        return Reply(("utter_danger_false_alarm",), END, "no_danger")
    if not still and not waiting and p.ANSWERS_NO.match(norm) and looks_back(text):
        # "Nä nä, dat es nit jetz, dat wor letzte Woch": no danger now, it was a past incident.
        return Reply(("utter_danger_false_alarm",), END, "no_danger")
    called = p.CALLED_POLICE.search(norm)
    gone = p.OFFENDER_GONE.search(norm)
    # "Ich bin mir nicht sicher, ob er noch draußen ist" is hedging, not the end of the danger.
    over = (p.DANGER_OVER.search(norm) or says_safe(text)) and not p.UNSURE.search(norm)
    if over and (gone or not called) and not still:
        helpline = ("utter_violence_helpline",) if violent else ()
        return Reply(("utter_danger_over", *helpline), END, "danger_over")
    if gone and not still:
        return Reply(("utter_danger_gone",), DANGER, "offender_gone")
    if called:
        return Reply(("utter_danger_wait",), DANGER, "called_police")
    for pattern, response, move in (
        (p.ASK_CALL_POLICE, "utter_danger_call_police", "ask_call_police"),
        (p.FIRE_SELF, "utter_danger_fire", "fire_self"),
        (p.CONFRONT, "utter_danger_stay_inside", "confront"),
        (p.LEAVE, "utter_danger_leave", "leave"),
        (p.CANNOT_TALK, "utter_danger_silent", "cannot_talk"),
    ):
        if pattern.search(norm):
            return Reply((response,), DANGER, move)
    if p.OFFENDER_ACTIVE.search(norm) and not still:
        # "Er hält gerade sein Handy hoch": still there. Waiting steps, or 110 now.
        if waiting:
            steps = _rotate(("utter_danger_calm_waiting", "utter_danger_wait"), last_bot)
            return Reply((steps,), DANGER, "still_there")
        return Reply(("utter_danger_still",), DANGER, "still_there")
    if still:
        return Reply(("utter_danger_still",), DANGER, "still_danger")
    if assessment.kind == "reassured":
        return Reply(("utter_crisis_relief",), DANGER, "reassured")
    if p.ALONE_AFRAID.search(norm) or intent == "mental_distress":
        first = "utter_danger_calm_waiting" if waiting else "utter_danger_calm"
        return Reply((_rotate((first, "utter_danger_calm_again"), last_bot),), DANGER, "alone_afraid")
    if assessment.level == "violence":
        return Reply(("utter_violence_helpline",), DANGER, "violence")
    if intent in HUMAN_INTENTS:
        return Reply(("utter_danger_human",), DANGER, "human")
    if intent in ("thank", "goodbye"):
        return Reply(("utter_violence_listen_again" if violent else "utter_danger_thanks",), DANGER, "thanks")
    move = "no" if is_plain_no(text) or intent == "deny" else "other"
    if violent and not waiting:
        return Reply((_rotate(("utter_violence_plan", "utter_violence_listen_again"), last_bot),), DANGER, move)
    if waiting:
        return Reply((_rotate(("utter_danger_calm_waiting", "utter_danger_checkin_again"), last_bot),), DANGER, move)
    return Reply((_rotate(("utter_danger_checkin", "utter_danger_checkin_again"), last_bot),), DANGER, move)


def _medical_followup(norm: str, intent: str, assessment: SafetyAssessment, last_bot: Sequence[str]) -> Reply:
    if (p.MEDICAL_OVER.search(norm) or p.DANGER_OVER.search(norm)) and not assessment.is_acute:
        return Reply(("utter_medical_over",), END, "medical_over")
    if p.CALLED_AMBULANCE.search(norm) or p.CALLED_POLICE.search(norm):
        return Reply(("utter_medical_wait",), MEDICAL, "called_ambulance")
    if p.CONFRONT.search(norm):
        # "Soll ich unten die Tür aufschließen?": yes, so the ambulance finds you.
        return Reply(("utter_medical_wait",), MEDICAL, "door")
    if assessment.is_acute:
        return Reply(("utter_medical_still",), MEDICAL, "still_medical")
    if intent == "thank":
        return Reply(("utter_medical_thanks",), MEDICAL, "thanks")
    return Reply((_rotate(("utter_medical_checkin", "utter_medical_wait"), last_bot),), MEDICAL, "other")


def _crisis_followup(norm: str, text: str, intent: str, assessment: SafetyAssessment, last_bot: Sequence[str]) -> Reply:
    asked_safe = "utter_self_harm_not_alone" in last_bot or "utter_violence_safe" in last_bot
    if assessment.level == "violence":
        return crisis_reply(assessment)
    if p.SAFE_QUESTION.search(norm):
        return Reply(("utter_crisis_ask_safe_again",), CRISIS, "safe_question")
    if assessment.kind == "reassured" or (asked_safe and "self_harm" in assessment.suppressed):
        return Reply(("utter_crisis_relief",), CRISIS, "no_self_harm")
    if asked_safe and (is_plain_no(text) or intent == "deny"):
        # "Sind Sie gerade in Sicherheit?" – "nein": not safe. 112, and not alone.
        return Reply(("utter_self_harm_now", "utter_self_harm_not_alone"), CRISIS, "not_safe")
    if _says(p.CRISIS_BETTER, norm):
        return Reply(("utter_crisis_over",), END, "crisis_over")
    if asked_safe and (p.SAFE_YES.search(norm) or intent == "affirm"):
        return Reply(("utter_crisis_safe",), CRISIS, "safe")
    if p.CHAT_QUESTION.search(norm):
        return Reply(("utter_crisis_chat",), CRISIS, "chat")
    if assessment.level == "distress":
        return Reply((_rotate(("utter_crisis_distress_again", "utter_crisis_listen"), last_bot),), CRISIS, "distress")
    if intent in HUMAN_INTENTS:
        return Reply(("utter_crisis_human",), CRISIS, "human")
    if intent == "thank":
        return Reply(("utter_crisis_thanks",), CRISIS, "thanks")
    if intent == "goodbye":
        return Reply(("utter_crisis_goodbye",), END, "goodbye")
    listen = ("utter_crisis_listen", "utter_crisis_listen_again", "utter_crisis_listen_third")
    return Reply((_rotate(listen, last_bot),), CRISIS, "other")


def _violence_followup(norm: str, intent: str, assessment: SafetyAssessment, last_bot: Sequence[str]) -> Reply:
    """After a disclosure of sexual or domestic violence: the help lines, no alarm, no forms."""
    if _says(p.CRISIS_BETTER, norm):
        return Reply(("utter_crisis_over",), END, "crisis_over")
    if p.ALONE_AFRAID.search(norm):
        return Reply(("utter_violence_plan",), VIOLENCE, "afraid")
    if intent == "thank":
        return Reply(("utter_crisis_thanks",), VIOLENCE, "thanks")
    if intent == "goodbye":
        return Reply(("utter_crisis_goodbye",), END, "goodbye")
    return Reply((_rotate(("utter_violence_listen", "utter_violence_listen_again"), last_bot),), VIOLENCE, "other")
