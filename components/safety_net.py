"""Rasa NLU component that forces ``emergency`` / ``mental_distress`` deterministically.

It runs last in the pipeline, after the classifier and the FallbackClassifier, and applies
:func:`bot.safety.assess` to every user message:

* acute danger          -> intent ``emergency`` (confidence 1.0), whatever DIET predicted;
* self-harm / crisis    -> intent ``mental_distress`` unless the classifier already chose
                           ``emergency``;
* ``emergency`` predicted although every danger word in the message was negated, in the
  past, hypothetical or reported, or although no danger word fired and the message is calm
  (a question, looking back, hypothetical, "keine Gefahr") -> demoted to the next intent.

The decision is recorded in the parse result under ``safety`` (trigger group names only,
never message text), so evaluations and conversation reviews can see why.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.safety import SafetyAssessment, assess

logger = logging.getLogger(__name__)

SAFETY_KEY = "safety"


def _ranking_without(message: Message, name: str) -> list[dict[str, Any]]:
    """The message's intent ranking with ``name`` removed."""
    return [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != name]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SafetyNet(GraphComponent):
    """Overrides the predicted intent when a message signals acute danger or crisis."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Intent names used for the override; demotion can be switched off."""
        return {
            "emergency_intent": "emergency",
            "distress_intent": "mental_distress",
            "demote_suppressed_emergency": True,
        }

    def __init__(self, config: dict[str, Any]) -> None:
        self._emergency = str(config["emergency_intent"])
        self._distress = str(config["distress_intent"])
        self._demote = bool(config["demote_suppressed_emergency"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyNet:
        """Create the component (it has nothing to train or load)."""
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Apply the safety decision to each parsed message."""
        for message in messages:
            text = message.get(TEXT)
            if text:
                self._apply(message, assess(text))
        return messages

    def _apply(self, message: Message, assessment: SafetyAssessment) -> None:
        predicted = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        action = "none"
        if assessment.is_acute:
            action = "forced_emergency" if predicted != self._emergency else "confirmed"
            self._set_intent(message, self._emergency)
        elif assessment.level == "distress" and predicted != self._emergency:
            action = "forced_distress" if predicted != self._distress else "confirmed"
            self._set_intent(message, self._distress)
        elif predicted == self._emergency and (assessment.suppressed or assessment.calm) and self._demote:
            action = "demoted_emergency"
            self._demote_emergency(message)
        if action != "none":
            logger.info("safety_net %s triggers=%s", action, ",".join(assessment.reasons) or "-")
        message.set(
            SAFETY_KEY,
            {
                "level": assessment.level,
                "action": action,
                "triggers": list(assessment.reasons),
                "suppressed": list(assessment.suppressed),
            },
            add_to_output=True,
        )

    @staticmethod
    def _set_intent(message: Message, name: str) -> None:
        forced = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
        ranking = _ranking_without(message, name)
        message.set(INTENT, forced, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [forced, *ranking], add_to_output=True)

    def _demote_emergency(self, message: Message) -> None:
        ranking = _ranking_without(message, self._emergency)
        if not ranking:
            return
        message.set(INTENT, dict(ranking[0]), add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
