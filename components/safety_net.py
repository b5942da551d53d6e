"""Rasa NLU component that forces ``emergency`` / ``mental_distress`` deterministically.

It runs last in the pipeline, after the classifier and the FallbackClassifier, and applies
:func:`bot.safety.assess` to every user message, combined with the learned safety reading of
``components.safety_classifier`` where the pipeline has one (:func:`bot.safety.learned.combine`):

* acute danger or a medical emergency -> intent ``emergency`` (confidence 1.0), whatever
  DIET predicted (``safety.kind`` says ``danger`` or ``medical``);
* self-harm             -> intent ``mental_distress``, also over a classifier ``emergency``
                           (thoughts of self-harm are not danger from others);
* other distress        -> ``mental_distress`` (if the classifier chose ``emergency``, the
                           reply adds the 110 line after the TelefonSeelsorge);
* disclosed sexual or domestic violence -> ``disclose_violence``;
* a health complaint without danger ("Mein Kopf tut weh") -> ``health_complaint`` unless
  the classifier is confident of a topic of ours;
* a reply that is only a form of "no" ("nee grad nich") -> ``deny``; so is a statement of
  safety without a topic ("Keine Gefahr gerade, ist schon vorbei", "nee, is ni akut");
* ``request_deletion`` in a longer message that names neither the conversation nor the data
  ("erstmal löschen" at a fire, "Soll ich die Kommentare löschen?") -> demoted;
* a danger word that was only reported ("im Brief steht, sie zünden mein Haus an") while the
  classifier saw no topic -> ``report_threat``;
* ``mental_distress`` from the classifier on a calm message (question, look back,
  hypothetical, framed) or one with a good ending, and no crisis pattern -> demoted;
* ``emergency`` predicted although every danger word in the message was negated, in the
  past, hypothetical or reported, or although no danger word fired and the message is calm
  (a question, looking back, hypothetical, reported, "keine Gefahr" – also with a "jetzt" in
  it) or the learned safety reading saw it as calm -> demoted to the next intent; the answer
  then begins with the 110 hint.

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
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.deletion import asks_for_deletion
from bot.safety import REPORTED, SafetyAssessment, assess, is_plain_no, is_positive, looks_back
from bot.safety.hint import needs_danger_hint
from bot.safety.learned import CALM, READING_KEY, Reading, combine
from bot.text import compile_folded, fold

logger = logging.getLogger(__name__)

SAFETY_KEY = "safety"
_DATE_ANSWER_MAX_WORDS = 5
# "31. Februar", "3.10.", "12.3.2026": a date, even an impossible one
_DATE_LIKE = compile_folded(
    r"\b\d{1,2}\.\s*(?:\d{1,2}\.|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)"
)


def _is_date_answer(text: str) -> bool:
    """A short message that reads as a date, possible or not ("am 31. Februar", "letzte Woche")."""
    from bot import clock
    from bot.dates import read_date

    if len(text.split()) > _DATE_ANSWER_MAX_WORDS:
        return False
    return bool(_DATE_LIKE.search(fold(text))) or read_date(text, clock.now().date()).status != "unparseable"


DANGER_SIGNAL = "danger_signal"
SMALL_TALK = frozenset({"greet", "goodbye", "thank", "stop", "affirm", "deny", "bot_challenge", "out_of_scope"})
TOPIC_PREFIXES = ("report_", "ask_")
TOPIC_RANK = 4


def _reads_calm(reading: Reading | None) -> bool:
    """The learned safety reading saw a calm message: with no danger word either, a classifier
    ``emergency`` stands alone ("und zahlt des vielleicht d'Gmoa?" in dialect)."""
    return reading is not None and reading.label == CALM


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
            "violence_intent": "disclose_violence",
            "pain_intent": "health_complaint",
            "deny_intent": "deny",
            "threat_intent": "report_threat",
            "deletion_intent": "request_deletion",
            # A reported threat is filed as one when the classifier is this unsure or saw no topic.
            "threat_unsure_below": 0.5,
            "no_topic_intents": ["nlu_fallback", "out_of_scope", "greet", "inform_state", "affirm"],
            # A health complaint gives way to a topic the classifier is at least this sure of.
            "pain_yields_to_topic_confidence": 0.6,
            "demote_suppressed_emergency": True,
        }

    def __init__(self, config: dict[str, Any]) -> None:
        self._emergency = str(config["emergency_intent"])
        self._distress = str(config["distress_intent"])
        self._violence = str(config["violence_intent"])
        self._pain = str(config["pain_intent"])
        self._deny = str(config["deny_intent"])
        self._threat = str(config["threat_intent"])
        self._deletion = str(config["deletion_intent"])
        self._threat_unsure = float(config["threat_unsure_below"])
        self._no_topic = frozenset(config["no_topic_intents"])
        self._pain_yields = float(config["pain_yields_to_topic_confidence"])
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
                reading = Reading.from_dict(message.get(READING_KEY))
                self._apply(message, combine(assess(text), reading, text), text, reading)
        return messages

    def _apply(self, message: Message, assessment: SafetyAssessment, text: str, reading: Reading | None) -> None:
        intent = message.get(INTENT) or {}
        predicted = intent.get(INTENT_NAME_KEY)
        action = "none"
        forced = self._forced_intent(assessment, text, predicted, float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0))
        if forced is not None:
            action = f"forced_{forced}" if predicted != forced else "confirmed"
            self._set_intent(message, forced)
        elif (
            predicted in (self._emergency, self._distress)
            and assessment.level == "none"
            and not assessment.suppressed
            and _is_date_answer(text)
        ):
            # A short date and no danger or crisis word is an answer ("am 31. Februar"): leave it
            # to the form (or the fallback), not to an alarm or the next topic in the ranking.
            action = "demoted_date_answer"
            self._set_intent(message, "nlu_fallback")
        elif (
            predicted == self._emergency
            and (
                assessment.suppressed
                or assessment.calm
                or (assessment.level == "none" and (looks_back(text) or _reads_calm(reading)))
            )
            and self._demote
        ):
            action = "demoted_emergency"
            self._demote_intent(message, self._emergency, self._distress)
        elif (
            predicted == self._distress
            and assessment.level == "none"
            and (assessment.calm or looks_back(text) or is_positive(text))
            and self._demote
        ):
            # No crisis pattern, and a question, a look back, a hypothetical or a good ending:
            # "Wie erkenne ich Burnout bei Kollegen?", "kaputt, aber die Vorlage ist durch 😄".
            action = "demoted_distress"
            self._demote_intent(message, self._distress, self._emergency)
        final = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        if final == self._deletion and not asks_for_deletion(text):
            # "Papa sagt, wir sollen erstmal löschen" at a fire is no request to delete the chat
            # (also where it was only the next intent after a demoted emergency).
            action = "demoted_deletion"
            self._demote_intent(message, self._deletion)
        if action != "none":
            logger.info("safety_net %s triggers=%s", action, ",".join(assessment.reasons) or "-")
        safety = {
            "level": assessment.level,
            "kind": assessment.kind,
            "topics": list(assessment.topics),
            "action": action,
            "triggers": list(assessment.reasons),
            "suppressed": list(assessment.suppressed),
            "calm": assessment.calm,
            "learned": assessment.learned,
            "reading": (message.get(READING_KEY) or {}).get("label"),
        }
        message.set(SAFETY_KEY, safety, add_to_output=True)
        self._set_danger_signal(message, safety)

    @staticmethod
    def _set_danger_signal(message: Message, safety: dict[str, Any]) -> None:
        """Pass the 110-hint decision on as the entity ``danger_signal`` (yes/no), every turn.

        The slot of the same name lets domain responses (incident acknowledgements) carry the
        110 line only where the message has a danger signal.
        """
        parse = {
            "text": message.get(TEXT),
            "intent": message.get(INTENT),
            "intent_ranking": message.get(INTENT_RANKING_KEY),
            "safety": safety,
        }
        value = "yes" if needs_danger_hint(parse) else "no"
        entities = [e for e in message.get(ENTITIES) or [] if e.get(ENTITY_ATTRIBUTE_TYPE) != DANGER_SIGNAL]
        entities.append(
            {
                ENTITY_ATTRIBUTE_TYPE: DANGER_SIGNAL,
                ENTITY_ATTRIBUTE_VALUE: value,
                ENTITY_ATTRIBUTE_START: 0,
                ENTITY_ATTRIBUTE_END: 0,
                EXTRACTOR: "SafetyNet",
            }
        )
        message.set(ENTITIES, entities, add_to_output=True)

    def _forced_intent(
        self, assessment: SafetyAssessment, text: str, predicted: str | None, confidence: float
    ) -> str | None:
        """The intent the deterministic layers impose on this message, if any."""
        if assessment.is_acute:
            return self._emergency
        if assessment.level == "distress":
            # No danger from others fired (that would be acute): the crisis reply.
            return self._distress
        if assessment.level == "violence":
            return self._violence
        if assessment.level == "pain":
            topical = str(predicted or "").startswith(("report_", "ask_"))
            return None if topical and confidence >= self._pain_yields else self._pain
        if is_plain_no(text):
            return self._deny
        if assessment.kind == "safe" and (predicted in self._no_topic or confidence < self._threat_unsure):
            # "Keine Gefahr gerade, ist schon vorbei" with no topic of ours: a no to danger.
            return self._deny
        unsure = confidence < self._threat_unsure or predicted in self._no_topic
        if REPORTED in assessment.suppressed and unsure:
            # "Im Brief steht, dass sie mein Haus anzünden wollen": a reported threat.
            return self._threat
        return None

    @staticmethod
    def _set_intent(message: Message, name: str) -> None:
        forced = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
        ranking = _ranking_without(message, name)
        message.set(INTENT, forced, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [forced, *ranking], add_to_output=True)

    @staticmethod
    def _demote_intent(message: Message, *names: str) -> None:
        """Drop ``names`` from the ranking: the next intent of another kind decides."""
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) not in names]
        if not ranking:
            return
        # After an emergency or distress the classifier's next guess is often small talk for a
        # long report that starts "Nu hallo …": a topic among the next guesses decides instead.
        if ranking[0].get(INTENT_NAME_KEY) in SMALL_TALK:
            topical = next(
                (r for r in ranking[:TOPIC_RANK] if str(r.get(INTENT_NAME_KEY)).startswith(TOPIC_PREFIXES)), None
            )
            if topical is not None:
                ranking = [topical, *(r for r in ranking if r is not topical)]
        message.set(INTENT, dict(ranking[0]), add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
