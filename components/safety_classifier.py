"""Rasa NLU component: the learned safety reading (bot/safety/learned.py), trained with the model.

It learns from the dev safety sets named in its configuration (each message labelled acute,
medical, self_harm, distress or calm) and from the NLU examples (``emergency`` as acute,
``mental_distress`` as distress, every other intent as calm; a text that is also in a set keeps
the set's label). It writes its reading under ``safety_reading`` in the parse result (a label
and scores, never text); ``components.safety_net.SafetyNet`` combines it with the patterns.

The sets are files outside Rasa's training data, so their contents are part of the
component's fingerprint: editing a set retrains it.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.safety import learned

logger = logging.getLogger(__name__)

_MODEL_FILE = "safety_reading.joblib"


def _set_paths(config: dict[str, Any]) -> list[Path]:
    paths = [Path(p) for p in config.get("sets") or []]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"SafetyClassifier: safety sets not found: {', '.join(missing)}")
    return paths


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class SafetyClassifier(GraphComponent):
    """Reads every message as acute, medical, self_harm, distress or calm."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Sets to learn from, how NLU intents map to labels, and the regularisation."""
        return {
            "sets": [],
            "intent_labels": {"emergency": learned.ACUTE, "mental_distress": learned.DISTRESS},
            # Intents whose examples say nothing about the five labels.
            "skip_intents": ["disclose_violence", "health_complaint", "nlu_fallback"],
            "C": 10.0,
        }

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """The sets' contents, so that editing one retrains the component."""
        digest = hashlib.sha256()
        for path in config.get("sets") or []:
            digest.update(str(path).encode())
            try:
                digest.update(Path(path).read_bytes())
            except OSError:
                digest.update(b"missing")
        return digest.hexdigest()

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource, model: Any = None):
        self._config = config
        self._storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyClassifier:
        """A new, untrained component."""
        return cls(config, model_storage, resource)

    def _examples(self, training_data: TrainingData) -> list[tuple[str, str]]:
        labels = dict(self._config.get("intent_labels") or {})
        skip = set(self._config.get("skip_intents") or [])
        from_nlu = [
            (str(m.get(TEXT)), str(labels.get(m.get(INTENT), learned.CALM)))
            for m in training_data.intent_examples
            if m.get(TEXT) and m.get(INTENT) not in skip
        ]
        return learned.merge_examples(learned.set_examples(_set_paths(self._config)), from_nlu)

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the model on the sets and the NLU examples and store it."""
        import joblib

        examples = self._examples(training_data)
        self._model = learned.train(examples, c=float(self._config["C"]))
        with self._storage.write_to(self._resource) as directory:
            joblib.dump(self._model, Path(directory) / _MODEL_FILE)
        logger.info("safety classifier trained on %d examples", len(examples))
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SafetyClassifier:
        """The stored model (an untrained component if there is none)."""
        import joblib

        try:
            with model_storage.read_from(resource) as directory:
                model = joblib.load(Path(directory) / _MODEL_FILE)
        except (ValueError, FileNotFoundError):
            logger.warning("safety classifier: no trained model found; the patterns decide alone")
            model = None
        return cls(config, model_storage, resource, model)

    def process(self, messages: list[Message]) -> list[Message]:
        """Add the reading of each message with text."""
        if self._model is None:
            return messages
        with_text = [m for m in messages if m.get(TEXT)]
        readings = learned.read(self._model, [str(m.get(TEXT)) for m in with_text])
        for message, reading in zip(with_text, readings, strict=True):
            message.set(learned.READING_KEY, reading.as_dict(), add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Nothing to add to the training data."""
        return training_data
