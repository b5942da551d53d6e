"""Answer a question wherever it comes, also in the middle of a form (actions/forms.py)."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.events import latest_intent
from actions.knowledge import answer_question, show_section
from actions.navigation import go_back
from actions.safety import send_danger_hint
from bot.asking import load_aspects
from bot.knowledge import knowledge_base

ANSWER_PREFIX = "utter_answer_"
CONTINUED_SUFFIX = "_continued"  # a second message of the same answer (each ≤ 600 characters)
QUESTION_INTENTS = frozenset({"ask_privacy", "ask_capabilities", "bot_challenge"})
NAVIGATION_INTENTS = frozenset({"show_section", "ask_question", "repeat", "go_back"})
NOT_DIGRESSIONS = frozenset({"request_human"})  # a wish for a person starts the handoff instead


def answer_intent(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, intent: str
) -> list[EventType]:
    """Answer ``intent``: a question in the topic (``bot.asking``), a section or question
    button, "zurück", else ``utter_answer_<intent>`` (and ``utter_answer_<intent>_continued`` if
    the domain has it), else the default. "wiederholen" says nothing here: inside a form the
    form's question is what is repeated."""
    if intent == "show_section":
        return show_section(dispatcher, tracker)
    if intent == "go_back":
        return go_back(dispatcher, tracker)
    if intent == "repeat":
        return []
    if intent == "ask_question" or intent in load_aspects().by_intent or knowledge_base().article_for(intent):
        return answer_question(dispatcher, tracker, intent)
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
    """Whether ``intent`` is a question (or a button, "wiederholen", "zurück") the bot answers
    in the middle of a form."""
    if intent in QUESTION_INTENTS or intent in NAVIGATION_INTENTS or intent in load_aspects().by_intent:
        return True
    if intent.startswith("report_") or intent in NOT_DIGRESSIONS:
        return False
    return knowledge_base().article_for(intent) is not None


class ActionAnswerQuestion(Action):
    """Answer the latest intent from its article, or its ``utter_answer_<intent>`` response."""

    def name(self) -> str:
        """Action name used in the mid-form rules."""
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Answer from the knowledge base; conversation intents use their response."""
        return answer_intent(dispatcher, tracker, domain, latest_intent(tracker))
