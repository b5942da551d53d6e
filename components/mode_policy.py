"""Dialogue policy that lets a danger or crisis mode decide the reply, turn after turn.

Once the bot has recognised acute danger, a medical emergency or a crisis, the action that
answered sets the slot ``safety_mode`` (``danger``, ``medical``, ``crisis`` or ``violence``). While the mode
lasts, every user message is answered by ``action_safety_followup``, which reads it in that
context ("soll ich die Polizei rufen?" → yes, 110 now) — not by the topic rules, the forms or
the fallback, which would answer a different situation. The action ends the mode when the user
signals that it is over; the mode also lapses ``mode_ttl_minutes`` after it was last set, so a
conversation taken up again much later starts normally.

The policy outranks the RulePolicy (``priority`` in config.yml) and predicts nothing outside a
mode, so every other turn is decided exactly as before.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction, SupportedData
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

MODE_SLOT = "safety_mode"
MODES = frozenset({"danger", "medical", "crisis", "violence"})


def active_mode(tracker: DialogueStateTracker, ttl_seconds: float, now: float | None = None) -> str | None:
    """The conversation's mode, if one is set and was set less than ``ttl_seconds`` ago."""
    mode = tracker.get_slot(MODE_SLOT)
    if mode not in MODES:
        return None
    set_at = next(
        (e.timestamp for e in reversed(tracker.events) if isinstance(e, SlotSet) and e.key == MODE_SLOT),
        None,
    )
    if set_at is None or (now if now is not None else time.time()) - set_at > ttl_seconds:
        return None
    return str(mode)


class SlotReadingPolicy(Policy):
    """A policy that learns nothing and decides from the conversation's slots (shared base)."""

    @staticmethod
    def supported_data() -> SupportedData:
        """Nothing is learned from the data."""
        return SupportedData.ML_AND_RULE_DATA

    def train(self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        """Nothing to learn; persist an empty resource so the policy loads like any other."""
        with self._model_storage.write_to(self._resource):
            pass
        return self._resource


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class ModePolicy(SlotReadingPolicy):
    """In a danger or crisis mode: the mode's action answers, then the bot listens."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Action, lifetime of a mode, and the intents that keep their own handling."""
        return {
            "priority": 7,
            "action": "action_safety_followup",
            "mode_ttl_minutes": 30,
            # Deleting the conversation works in every mode.
            "exempt_intents": ["request_deletion", "session_start", "restart"],
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
        self._ttl = float(config["mode_ttl_minutes"]) * 60
        self._exempt = frozenset(config["exempt_intents"])

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """The mode's action after a user message in a mode; listening after that action."""
        probabilities = self._default_predictions(domain)
        latest = tracker.latest_action_name
        if latest == self._action:
            probabilities[domain.index_for_action(ACTION_LISTEN_NAME)] = 1.0
            return self._prediction(probabilities, is_no_user_prediction=True)
        if latest != ACTION_LISTEN_NAME or tracker.latest_message is None:
            return self._prediction(probabilities)
        intent = (tracker.latest_message.intent or {}).get("name")
        mode = active_mode(tracker, self._ttl)
        if mode is None or intent in self._exempt:
            return self._prediction(probabilities)
        logger.debug("mode_policy mode=%s", mode)
        probabilities[domain.index_for_action(self._action)] = 1.0
        # No-user predictions win over a form's happy path, so a paused form cannot take over.
        return self._prediction(probabilities, is_no_user_prediction=True)
