"""Answer a question in the middle of a form, so the form can resume afterwards."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.events import latest_intent
from actions.knowledge import answer_article
from actions.safety import send_danger_hint
from bot.knowledge import knowledge_base

ANSWER_PREFIX = "utter_answer_"
CONTINUED_SUFFIX = "_continued"  # a second message of the same answer (each ≤ 600 characters)
QUESTION_INTENTS = frozenset({"ask_privacy", "ask_capabilities", "bot_challenge"})


def answer_intent(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, intent: str
) -> list[EventType]:
    """Answer ``intent`` from its article, else from ``utter_answer_<intent>`` (and
    ``utter_answer_<intent>_continued`` if the domain has it), else the default."""
    article = knowledge_base().article_for(intent)
    if article is not None:
        return answer_article(dispatcher, tracker, article, intent)
    send_danger_hint(dispatcher, tracker)
    responses = domain.get("responses", {})
    response = ANSWER_PREFIX + intent
    if response not in responses:
        dispatcher.utter_message(response="utter_default")
        return []
    dispatcher.utter_message(response=response)
    if response + CONTINUED_SUFFIX in responses:
        dispatcher.utter_message(response=response + CONTINUED_SUFFIX)
    return []


def is_question(intent: str) -> bool:
    """Whether ``intent`` is a question the bot can answer in the middle of a form."""
    if intent in QUESTION_INTENTS:
        return True
    return not intent.startswith("report_") and knowledge_base().article_for(intent) is not None


class ActionAnswerQuestion(Action):
    """Answer the latest intent from its article, or its ``utter_answer_<intent>`` response."""

    def name(self) -> str:
        """Action name used in the mid-form rules."""
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Answer from the knowledge base; conversation intents use their response."""
        return answer_intent(dispatcher, tracker, domain, latest_intent(tracker))
