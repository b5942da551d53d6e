"""Answers from the knowledge base: the summary with section buttons, then sections on request."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.events import latest_intent
from actions.safety import send_danger_hint
from bot import clock
from bot.answers import Reply, article_answer, next_section, section_answer
from bot.knowledge import LEGAL_SECTION, Article, knowledge_base

ARTICLE_SLOT = "article"
SHOWN_SLOT = "sections_shown"
LEGAL_NOTE_SLOT = "legal_note_shown"


def send(dispatcher: CollectingDispatcher, replies: list[Reply]) -> None:
    """Utter each reply as its domain response."""
    for reply in replies:
        kwargs: dict[str, Any] = dict(reply.values)
        if reply.buttons:
            kwargs["buttons"] = list(reply.buttons)
        dispatcher.utter_message(response=reply.response, **kwargs)


def answer_article(dispatcher: CollectingDispatcher, tracker: Tracker, article: Article, topic: str) -> list[EventType]:
    """Send the article's first answer and remember it as the current article."""
    send_danger_hint(dispatcher, tracker)
    base = knowledge_base()
    replies = article_answer(
        base,
        article,
        platform=tracker.get_slot("platform"),
        bundesland=tracker.get_slot("bundesland"),
        role=tracker.get_slot("role"),
        now=clock.now(),
        topic=topic,
    )
    send(dispatcher, replies)
    return [SlotSet(ARTICLE_SLOT, article.id), SlotSet(SHOWN_SLOT, [])]


class ActionAnswerKnowledge(Action):
    """Answer a question intent with its article (summary, context notes, section buttons)."""

    def name(self) -> str:
        """Used by the question rules (data/rules/prevention.yml)."""
        return "action_answer_knowledge"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Answer from the article for the latest intent, or the generic fallback text."""
        intent = latest_intent(tracker)
        article = knowledge_base().article_for(intent)
        if article is None:
            dispatcher.utter_message(response="utter_default")
            return []
        return answer_article(dispatcher, tracker, article, intent)


class ActionShowSection(Action):
    """Show one section of the current article (button or 'mehr dazu')."""

    def name(self) -> str:
        """Used by data/rules/knowledge.yml."""
        return "action_show_section"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Send the requested (or the next unread) section and the remaining menu."""
        base = knowledge_base()
        article = base.articles.get(tracker.get_slot(ARTICLE_SLOT) or "")
        if article is None:
            dispatcher.utter_message(response="utter_no_article")
            return []
        shown: list[str] = list(tracker.get_slot(SHOWN_SLOT) or [])
        wanted = next(tracker.get_latest_entity_values("section"), None)
        section = article.section(str(wanted)) if wanted else next_section(article, shown)
        if section is None:
            section = article.sections[0] if not wanted and not shown else None
        if section is None:
            dispatcher.utter_message(response="utter_article_done", title=article.title)
            return []
        legal_shown = bool(tracker.get_slot(LEGAL_NOTE_SLOT))
        send(dispatcher, section_answer(article, section, shown=shown, legal_note_shown=legal_shown))
        events: list[EventType] = [SlotSet(SHOWN_SLOT, [*shown, section.key] if section.key not in shown else shown)]
        if section.key == LEGAL_SECTION:
            events.append(SlotSet(LEGAL_NOTE_SLOT, True))
        return events
