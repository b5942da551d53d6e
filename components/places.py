"""Rasa NLU component: a place instead of a Land ("Kreis Gütersloh", "Oberbayern") becomes the
``bundesland`` entity, so slots, forms and contacts work as if the Land had been named.

Runs after the lookup-table extractor: a message that names its Land keeps it (and gets the
longer name where the table matched only its start, "Sachsen" in "Sachsen-Anhalt"). The place and
its kind are kept on the entity (``place``, ``place_kind``) for the reply; see ``bot/places.py``.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.contacts import LANDS
from bot.places import find_place, has_table
from bot.text import fold

logger = logging.getLogger(__name__)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class PlaceResolver(GraphComponent):
    """Adds ``bundesland`` from a Kreis, town, Regierungsbezirk or region."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The entity it fills."""
        return {"entity": "bundesland"}

    def __init__(self, config: dict[str, Any]) -> None:
        self._entity = str(config["entity"])
        if not has_table():
            logger.warning("PlaceResolver: .nlp/places_de.json fehlt (make install) – nur Regionen und Bezirke")

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PlaceResolver:
        """Create the component (nothing to train; the place table loads on first use)."""
        return cls(config)

    def _longest_land(self, text: str, entity: dict[str, Any]) -> dict[str, Any]:
        """ "Sachsen-Anhalt" where the lookup table matched only "Sachsen" (the shorter name
        comes first in its alternatives): the longest Land name that starts there."""
        if entity.get(ENTITY_ATTRIBUTE_TYPE) != self._entity:
            return entity
        rest = fold(text[int(entity.get(ENTITY_ATTRIBUTE_START) or 0) :]).replace(" ", "-")
        longer = [land for land in LANDS if rest.startswith(fold(land)) and len(land) > len(str(entity.get("value")))]
        if not longer:
            return entity
        land = max(longer, key=len)
        start = int(entity.get(ENTITY_ATTRIBUTE_START) or 0)
        return {**entity, ENTITY_ATTRIBUTE_VALUE: land, ENTITY_ATTRIBUTE_END: start + len(land)}

    def process(self, messages: list[Message]) -> list[Message]:
        """Add the Land of the first clear place to messages that name no Land."""
        for message in messages:
            text = message.get(TEXT)
            entities = list(message.get(ENTITIES) or [])
            if text and any(e.get(ENTITY_ATTRIBUTE_TYPE) == self._entity for e in entities):
                message.set(ENTITIES, [self._longest_land(str(text), e) for e in entities], add_to_output=True)
                continue
            if not text:
                continue
            place = find_place(str(text))
            if place is None:
                continue
            entities.append(
                {
                    ENTITY_ATTRIBUTE_TYPE: self._entity,
                    ENTITY_ATTRIBUTE_VALUE: place.land,
                    ENTITY_ATTRIBUTE_START: place.start,
                    ENTITY_ATTRIBUTE_END: place.end,
                    EXTRACTOR: type(self).__name__,
                    "place": place.name,
                    "place_kind": place.kind,
                }
            )
            message.set(ENTITIES, entities, add_to_output=True)
            logger.info("place_resolver kind=%s", place.kind)
        return messages
