"""Rasa NLU component: a message clearly in another language gets the intent ``other_language``.

It runs after the safety net and never overrides a safety decision (an English "someone is
attacking me" still gets the English reply, which names 110 and 112 first). The language code
goes into the parse result under ``language`` for ``action_other_language``
(``bot/language.py``, ``knowledge/languages.yml``).
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.language import foreign_language

logger = logging.getLogger(__name__)

LANGUAGE_KEY = "language"
SAFETY_KEY = "safety"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class LanguageGuard(GraphComponent):
    """Sets ``other_language`` for messages the detector clearly reads as not German."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The intent it sets."""
        return {"intent": "other_language"}

    def __init__(self, config: dict[str, Any]) -> None:
        self._intent = str(config["intent"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LanguageGuard:
        """Create the component (nothing to train; the detector loads on first use)."""
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Mark clearly foreign messages, unless the safety net forced a safety intent."""
        for message in messages:
            text = message.get(TEXT)
            decided = str((message.get(SAFETY_KEY) or {}).get("action") or "none")
            if not text or decided.startswith("forced_") or decided == "confirmed":
                continue
            code = foreign_language(str(text))
            if code is None:
                continue
            previous = message.get(INTENT) or {}
            message.set(INTENT, {INTENT_NAME_KEY: self._intent, PREDICTED_CONFIDENCE_KEY: 1.0}, add_to_output=True)
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != self._intent]
            message.set(INTENT_RANKING_KEY, [message.get(INTENT), *ranking], add_to_output=True)
            message.set(LANGUAGE_KEY, code, add_to_output=True)
            logger.info("language_guard language=%s replaced=%s", code, previous.get(INTENT_NAME_KEY))
        return messages
