"""Answers from the knowledge base: the summary with section buttons, then sections on request."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.events import bot_responses, latest_intent
from actions.safety import send_danger_hint
from bot import clock
from bot.answers import (
    Reply,
    article_answer,
    next_section,
    no_specific_answer,
    question_answer,
    question_button,
    section_answer,
)
from bot.asking import BACK, SUMMARY, Decision, back_topic, decide, split_questions
from bot.history import last_acknowledged, slot_values
from bot.knowledge import LEGAL_SECTION, Article, knowledge_base
from bot.questions import question_base

ARTICLE_SLOT = "article"  # the topic of the conversation: the article answered last
SHOWN_SLOT = "sections_shown"
LEGAL_NOTE_SLOT = "legal_note_shown"
LAST_ANSWER_SLOT = "last_answer"  # question key or "summary:<article>" of the last answer
ANSWERED_SLOT = "answered"  # question keys answered in this conversation
QUESTION_ENTITY = "question"
HANDOFF_ARTICLE = "starke-stelle"
PLATFORM_NOTE = "utter_platform_note"


HANDOFF_PAYLOAD = "/request_human"
CASE_SLOT = "case_reference"  # set once the case went to the Starke Stelle (actions/handoff.py)


def send(dispatcher: CollectingDispatcher, replies: list[Reply], tracker: Tracker | None = None) -> None:
    """Utter each reply as its domain response; once the case is handed over, without the
    Starke Stelle button (the offer is not made again)."""
    handed_over = tracker is not None and bool(tracker.get_slot(CASE_SLOT))
    for reply in replies:
        kwargs: dict[str, Any] = dict(reply.values)
        buttons = [b for b in reply.buttons if not (handed_over and b.get("payload") == HANDOFF_PAYLOAD)]
        if buttons:
            kwargs["buttons"] = buttons
        dispatcher.utter_message(response=reply.response, **kwargs)


def answer_article(dispatcher: CollectingDispatcher, tracker: Tracker, article: Article, topic: str) -> list[EventType]:
    """Send the article's first answer and remember it as the current article."""
    send_danger_hint(dispatcher, tracker)
    base = knowledge_base()
    replies = article_answer(
        base,
        article,
        platform=platform_to_note(tracker),
        bundesland=tracker.get_slot("bundesland"),
        role=tracker.get_slot("role"),
        now=clock.now(),
        topic=topic,
    )
    send(dispatcher, replies, tracker)
    return [SlotSet(ARTICLE_SLOT, article.id), SlotSet(SHOWN_SLOT, []), SlotSet(LAST_ANSWER_SLOT, SUMMARY + article.id)]


def platform_to_note(tracker: Tracker) -> str | None:
    """The platform whose reporting note belongs in this answer: once per conversation, and
    again only when the latest message names a platform ("und bei TikTok?")."""
    named = next(tracker.get_latest_entity_values("platform"), None)
    if named or PLATFORM_NOTE not in bot_responses(tracker):
        return tracker.get_slot("platform")
    return None


def current_topic(tracker: Tracker) -> str | None:
    """The conversation's topic: the article answered last, else the incident acknowledged last
    (while the danger question is still open, "Ist das strafbar?" is about that incident)."""
    topic = tracker.get_slot(ARTICLE_SLOT)
    if topic:
        return str(topic)
    incident = last_acknowledged(tracker.events)
    article = knowledge_base().article_for(incident) if incident else None
    return article.id if article is not None else None


def chosen(tracker: Tracker) -> Decision | None:
    """The question of a pressed button (``/ask_question{"question": "<article>/<id>"}``)."""
    key = next(tracker.get_latest_entity_values(QUESTION_ENTITY), None)
    question = question_base().get(str(key)) if key else None
    return Decision("question", question.article, question) if question is not None else None


def answer_question(dispatcher: CollectingDispatcher, tracker: Tracker, intent: str) -> list[EventType]:
    """Answer the latest message as a question in the conversation's topic (``bot.asking``).

    A message with several questions gets the first answered in full; a second clear one is
    answered after it, more are offered as buttons ("Sie haben außerdem gefragt").
    """
    button = chosen(tracker)
    if button is not None:
        return say(dispatcher, tracker, button)
    base = knowledge_base()
    text = str((tracker.latest_message or {}).get("text") or "")
    topic, last = current_topic(tracker), tracker.get_slot(LAST_ANSWER_SLOT)
    back = BACK.match(text)
    if back and text[back.end() :].strip():
        # "Zurück zur Stellungnahme: Sollte ich die Kommentare abschalten?" – in the topic before
        visited = slot_values(tracker.events, ARTICLE_SLOT)
        topic = back_topic(text, visited, tracker.get_slot(ARTICLE_SLOT)) or topic
    first, *others = split_questions(text)
    decision = decide(first if others else text, intent, topic=topic, last_answer=last, base=base)
    events = say(dispatcher, tracker, decision)
    seen = {decision.marker}
    extra = []
    for part in others:
        more = decide(part, "nlu_fallback", topic=decision.article or topic, last_answer=None, base=base)
        if more.question is not None and more.marker not in seen:
            seen.add(more.marker)
            extra.append(more.question)
    if len(extra) == 1:
        dispatcher.utter_message(response="utter_qa_also", question=extra[0].question, answer=extra[0].answer)
    elif extra:
        dispatcher.utter_message(response="utter_qa_also_asked", buttons=[question_button(q) for q in extra])
    if extra:
        answered = [*(tracker.get_slot(ANSWERED_SLOT) or []), *(q.key for q in extra[:1] if len(extra) == 1)]
        events.append(SlotSet(ANSWERED_SLOT, answered))
    return events


def unplaced_decision(tracker: Tracker, topic: str | None = None) -> Decision:
    """What the latest message asks, read as a message the classifier could not place: a clear
    question in the topic (``topic``, else the conversation's), else nothing (``ask_topic``)."""
    return decide(
        str((tracker.latest_message or {}).get("text") or ""),
        "nlu_fallback",
        topic=topic or current_topic(tracker),
        last_answer=tracker.get_slot(LAST_ANSWER_SLOT),
        base=knowledge_base(),
    )


def say(dispatcher: CollectingDispatcher, tracker: Tracker, decision: Decision) -> list[EventType]:
    """Send what ``decision`` says and remember the topic and the answer."""
    base = knowledge_base()
    article = base.articles.get(decision.article or "")
    if decision.kind == "ask_topic" or article is None:
        send_danger_hint(dispatcher, tracker)
        dispatcher.utter_message(response="utter_no_article")
        return []
    if decision.kind == "summary":
        return answer_article(dispatcher, tracker, article, article.intents[0] if article.intents else "")
    send_danger_hint(dispatcher, tracker)
    answered: list[str] = list(tracker.get_slot(ANSWERED_SLOT) or [])
    questions = question_base().of(article.id)
    events: list[EventType] = []
    if article.id != tracker.get_slot(ARTICLE_SLOT):
        events += [SlotSet(ARTICLE_SLOT, article.id), SlotSet(SHOWN_SLOT, [])]
    if decision.question is None:
        send(dispatcher, no_specific_answer(article, questions, answered), tracker)
        return events
    key = decision.question.key
    if tracker.get_slot(CASE_SLOT) and article.id == HANDOFF_ARTICLE and decision.question.aspect == "process":
        dispatcher.utter_message(response="utter_case_reference", reference=tracker.get_slot(CASE_SLOT))
    send(dispatcher, question_answer(article, decision.question, questions, answered), tracker)
    return [
        *events,
        SlotSet(LAST_ANSWER_SLOT, key),
        SlotSet(ANSWERED_SLOT, [*answered, key] if key not in answered else answered),
    ]


class ActionAnswerKnowledge(Action):
    """Answer a question in the conversation's topic: specific answer, summary or none."""

    def name(self) -> str:
        """Used by the question rules (data/rules/prevention.yml)."""
        return "action_answer_knowledge"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """A specific answer, the article's summary, or honestly none (``bot.asking.decide``)."""
        return answer_question(dispatcher, tracker, latest_intent(tracker))


class ActionShowSection(Action):
    """Show one section of the current article (button or 'mehr dazu')."""

    def name(self) -> str:
        """Used by data/rules/knowledge.yml."""
        return "action_show_section"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Send the requested (or the next unread) section and the remaining menu."""
        return show_section(dispatcher, tracker)


def show_section(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Send the requested (or the next unread) section of the current article and the menu."""
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
    send(dispatcher, section_answer(article, section, shown=shown, legal_note_shown=legal_shown), tracker)
    events: list[EventType] = [SlotSet(SHOWN_SLOT, [*shown, section.key] if section.key not in shown else shown)]
    if section.key == LEGAL_SECTION:
        events.append(SlotSet(LEGAL_NOTE_SLOT, True))
    return events
