"""Rasa NLU component that records which German spaCy backbone a model was trained with.

Training stores the backbone identity (from the spaCy pipeline's ``meta.json``) inside the
model archive; loading logs it once, loudly when it is the blank fallback. The component
does not touch messages.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.backbone import BACKBONE_DIR, read_backbone

logger = logging.getLogger(__name__)

BACKBONE_FILE = "backbone.json"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class BackboneReporter(GraphComponent):
    """Persists and reports the NLP backbone (de_core_news_md or the blank fallback)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """``model`` must be the same directory that SpacyNLP loads."""
        return {"model": str(BACKBONE_DIR)}

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """Make a backbone change visible to Rasa's training cache."""
        backbone = read_backbone(Path(config.get("model", BACKBONE_DIR)))
        return backbone.label if backbone else None

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        info: dict[str, Any] | None = None,
    ) -> None:
        self._config = config
        self._storage = model_storage
        self._resource = resource
        self.info = info or {}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> BackboneReporter:
        """Create an untrained reporter."""
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Write the backbone identity into the model."""
        backbone = read_backbone(Path(self._config["model"]))
        if backbone is None:
            raise FileNotFoundError(f"Kein spaCy-Backbone in {self._config['model']}: zuerst 'make install' ausführen.")
        self.info = backbone.to_dict()
        if backbone.is_fallback:
            logger.warning(
                "Training with the FALLBACK NLP backbone %s (de_core_news_md unavailable)",
                backbone.label,
            )
        with self._storage.write_to(self._resource) as directory:
            (directory / BACKBONE_FILE).write_text(json.dumps(self.info), encoding="utf-8")
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> BackboneReporter:
        """Load the recorded backbone and log it once."""
        info: dict[str, Any] = {}
        try:
            with model_storage.read_from(resource) as directory:
                info = json.loads((directory / BACKBONE_FILE).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            logger.warning("Model does not record its NLP backbone")
        if info.get("fallback"):
            logger.warning(
                "NLP backbone: %s (FALLBACK: blank German pipeline + lookup lemmatizer)",
                info.get("label"),
            )
        elif info:
            logger.info("NLP backbone: %s", info.get("label"))
        return cls(config, model_storage, resource, info)

    def process(self, messages: list[Message]) -> list[Message]:
        """Leave messages unchanged."""
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Leave training data unchanged."""
        return training_data
