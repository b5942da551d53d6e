"""When an answer should begin with the 110 hint ("Falls Sie gerade in Gefahr sind: Notruf 110.").

Decided once per message from its parse data (intent, ranking, the safety net's reading), by the
safety net (which passes the decision on as the entity ``danger_signal`` for the domain's
conditional responses) and by the actions that answer questions.
"""

from __future__ import annotations

from typing import Any

from bot.safety.engine import says_safe

# Intents whose own reply is the safety reply: no hint on top of it.
SAFETY_INTENTS = frozenset({"emergency", "mental_distress", "disclose_violence", "health_complaint"})
# Trigger groups of danger from others and of medical emergencies (bot/safety/patterns.py).
DANGER_GROUPS = frozenset(
    {"weapon", "pursuit", "fire", "break_in", "attack", "injury", "device", "explicit", "medical", "reported"}
)
# The classifier's emergency confidence from which a non-emergency answer carries the hint.
HINT_CONFIDENCE = 0.1


def needs_danger_hint(parse_data: dict[str, Any]) -> bool:
    """Whether the answer to this message should start with the 110 hint.

    True when the message is not handled as an emergency or crisis, but the safety net saw a
    danger word (even one it judged past, negated, hypothetical or reported), demoted a
    classifier emergency, or the classifier gave ``emergency`` some weight.
    """
    intent = str((parse_data.get("intent") or {}).get("name") or "")
    return intent not in SAFETY_INTENTS and has_danger_signal(parse_data)


def has_danger_signal(parse_data: dict[str, Any]) -> bool:
    """A danger word (even suppressed), a demoted emergency, or some classifier weight on it.

    Crisis, violence and pain triggers are not danger words: "Ich bin depressiv" has none.
    """
    safety = parse_data.get("safety") or {}
    if not safety.get("triggers") and says_safe(str(parse_data.get("text") or "")):
        # "Nein, ich bin nicht in Gefahr, ich fahr gerade zu meiner Mutter"
        return False
    words = {str(w).split(":")[0] for w in [*(safety.get("triggers") or ()), *(safety.get("suppressed") or ())]}
    if words & DANGER_GROUPS or safety.get("action") == "demoted_emergency":
        return True
    if safety.get("reading") == "acute":
        # The learned reading sees acute danger where no pattern fired and it did not raise the
        # level (a look back in the same message): at least the 110 line.
        return True
    if safety.get("calm") and safety.get("reading") == "calm":
        # No danger word, and both readings see a calm message: the classifier's weight alone is no signal.
        return False
    return any(
        r.get("name") == "emergency" and float(r.get("confidence") or 0.0) >= HINT_CONFIDENCE
        for r in parse_data.get("intent_ranking") or []
    )
