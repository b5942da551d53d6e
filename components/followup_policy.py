"""Dialogue policy: a question about the incident being handled is a follow-up, not a new report.

"Der Brief kam schon vor fünf Monaten – ist es jetzt zu spät?" after a threat, or "zurück zum
Stalking" after stalking: the classifier files the message under the incident again, and the rules
would acknowledge it and ask about danger once more. When this conversation already had that
incident's article as its topic (slot ``article``) and the message asks something (or goes back to
it), this policy answers it as a question in the topic (``action_answer_knowledge``) instead.
It abstains in a danger or crisis mode, in a form, and when the safety net decided anything.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from bot.asking import incident_follow_up
from components.mode_policy import SlotReadingPolicy

logger = logging.getLogger(__name__)

INCIDENT_PREFIX = "report_"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class FollowUpPolicy(SlotReadingPolicy):
    """A report of the incident already being handled, phrased as a question, is answered."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The answering action, the topic and mode slots."""
        return {
            "priority": 7,
            "action": "action_answer_knowledge",
            "topic_slot": "article",
            "mode_slot": "safety_mode",
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Any = None,
    ) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)
        self._action = str(config["action"])
        self._topic_slot = str(config["topic_slot"])
        self._mode_slot = str(config["mode_slot"])

    def _follow_up(self, tracker: DialogueStateTracker) -> bool:
        message = tracker.latest_message
        if message is None or tracker.active_loop_name or tracker.get_slot(self._mode_slot):
            return False  # (in a form, actions/forms.py answers it the same way)
        intent = str((message.intent or {}).get("name") or "")
        if not intent.startswith(INCIDENT_PREFIX):
            return False
        if str((message.parse_data.get("safety") or {}).get("action") or "none") != "none":
            return False
        from bot.knowledge import knowledge_base

        topics = [
            str(e.value) for e in tracker.events if isinstance(e, SlotSet) and e.key == self._topic_slot and e.value
        ]
        return incident_follow_up(intent, str(message.text or ""), topics, knowledge_base())

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """The answer after such a message; listening after the answer."""
        probabilities = self._default_predictions(domain)
        latest = tracker.latest_action_name
        if latest == self._action and self._follow_up(tracker):
            probabilities[domain.index_for_action(ACTION_LISTEN_NAME)] = 1.0
            return self._prediction(probabilities)
        if latest != ACTION_LISTEN_NAME or not self._follow_up(tracker):
            return self._prediction(probabilities)
        logger.debug("followup_policy incident follow-up")
        probabilities[domain.index_for_action(self._action)] = 1.0
        return self._prediction(probabilities)
