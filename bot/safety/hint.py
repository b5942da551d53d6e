"""When an answer should begin with the 110 hint ("Falls Sie gerade in Gefahr sind: Notruf 110.").

Decided once per message from its parse data (intent, ranking, the safety net's reading), by the
safety net (which passes the decision on as the entity ``danger_signal`` for the domain's
conditional responses) and by the actions that answer questions.
"""

from __future__ import annotations

from typing import Any

# Intents whose own reply is the safety reply: no hint on top of it.
SAFETY_INTENTS = frozenset({"emergency", "mental_distress", "disclose_violence", "health_complaint"})
# The classifier's emergency confidence from which a non-emergency answer carries the hint.
HINT_CONFIDENCE = 0.1


def needs_danger_hint(parse_data: dict[str, Any]) -> bool:
    """Whether the answer to this message should start with the 110 hint.

    True when the message is not handled as an emergency or crisis, but the safety net saw a
    danger word (even one it judged past, negated, hypothetical or reported), demoted a
    classifier emergency, or the classifier gave ``emergency`` some weight.
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
