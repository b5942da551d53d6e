"""What the bot says from the knowledge base, as a list of replies (response name + values).

Pure functions over :class:`bot.knowledge.KnowledgeBase`; the actions in ``actions/knowledge.py``
only send these replies. An answer starts with the article's summary, adds what the known context
changes (platform, Land, role) and ends with buttons for the article's sections, the contacts and
the Starke Stelle. Each section is sent on request, split at paragraph boundaries into messages of
at most ~600 characters.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path

import yaml

from bot.contacts import format_contact
from bot.knowledge import LEGAL_SECTION, MESSAGE_LIMIT, Article, KnowledgeBase, Section, split_message
from bot.paths import KNOWLEDGE_DIR
from bot.phrases import phrases
from bot.questions import Question

ROLES_FILE = KNOWLEDGE_DIR / "roles.yml"
SECTION_INTENT = "show_section"
LAND_OFFERS_LIMIT = 2


@dataclass(frozen=True)
class Reply:
    """One bot message: a domain response, the values it is filled with, optional buttons."""

    response: str
    values: dict[str, str] = field(default_factory=dict)
    buttons: tuple[dict[str, str], ...] = ()


@cache
def _role_groups(path: Path = ROLES_FILE) -> dict[str, str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {role: group for group, roles in (data.get("role_groups") or {}).items() for role in roles}


def role_group(role: str | None) -> str | None:
    """'ehrenamt' or 'hauptamt' for a canonical role name, None if unknown or either."""
    return _role_groups().get(role) if role else None


def section_button(section: Section) -> dict[str, str]:
    """The button that shows ``section``."""
    return {"title": section.title, "payload": f"/{SECTION_INTENT}{json.dumps({'section': section.key})}"}


def menu_buttons(article: Article, shown: list[str]) -> tuple[dict[str, str], ...]:
    """Buttons for the sections not shown yet, then contacts and the Starke Stelle."""
    labels = phrases()["buttons"]
    buttons = [section_button(s) for s in article.sections if s.key not in shown]
    buttons.append({"title": str(labels["contacts"]), "payload": "/ask_contacts"})
    buttons.append({"title": str(labels["starke_stelle"]), "payload": "/request_human"})
    return tuple(buttons)


def article_answer(
    base: KnowledgeBase,
    article: Article,
    *,
    platform: str | None,
    bundesland: str | None,
    role: str | None,
    now: datetime,
    topic: str | None = None,
) -> list[Reply]:
    """Summary, context notes and the section menu for ``article``."""
    replies = [Reply("utter_article_part", {"part": article.summary})]
    if "platform" in article.context and platform and platform in base.platforms:
        note = base.platforms[platform]
        replies.append(Reply("utter_platform_note", {"platform": note.name, "report": note.report}))
    group = role_group(role)
    if "role" in article.context and group and group in article.role_notes:
        replies.append(Reply("utter_role_note", {"note": article.role_notes[group]}))
    if "bundesland" in article.context and bundesland:
        replies.extend(land_offers(base, bundesland, topic or (article.intents[0] if article.intents else None), now))
    replies.append(Reply("utter_article_more", buttons=menu_buttons(article, [])))
    return replies


def land_offers(base: KnowledgeBase, bundesland: str, topic: str | None, now: datetime) -> list[Reply]:
    """The best contacts for the Land and topic (Land first, Starke Stelle, nationwide), compact.

    A Land without a dedicated offer gets the honest 'none known' note first.
    """
    replies: list[Reply] = []
    note = base.directory.land_note(bundesland)
    if note:
        replies.append(Reply("utter_land_none_known", {"note": note}))
    ranked = base.directory.lookup(bundesland, topic, limit=LAND_OFFERS_LIMIT)
    blocks = [format_contact(c, now, compact=True) for c in ranked]
    for index, part in enumerate(split_message(blocks, limit=MESSAGE_LIMIT - 60)):
        if index == 0:
            replies.append(Reply("utter_land_offers", {"bundesland": bundesland, "contacts": part}))
        else:  # the heading once, the rest of the list as plain follow-up messages
            replies.append(Reply("utter_contacts_part", {"contacts": part}))
    return replies


def next_section(article: Article, shown: list[str]) -> Section | None:
    """The first section not shown yet."""
    return next((s for s in article.sections if s.key not in shown), None)


def section_answer(article: Article, section: Section, *, shown: list[str], legal_note_shown: bool) -> list[Reply]:
    """One section as messages of readable length, then the remaining menu."""
    replies: list[Reply] = []
    if section.key == LEGAL_SECTION and not legal_note_shown:
        replies.append(Reply("utter_no_legal_advice"))
    parts = split_message(section.paragraphs)
    replies.append(Reply("utter_article_section_title", {"title": section.title}))
    replies.extend(Reply("utter_article_part", {"part": part}) for part in parts)
    now_shown = [*shown, section.key]
    if next_section(article, now_shown) is None:
        replies.append(Reply("utter_article_done", {"title": article.title}, menu_buttons(article, now_shown)))
    else:
        replies.append(Reply("utter_article_more", buttons=menu_buttons(article, now_shown)))
    return replies


QUESTION_INTENT = "ask_question"
MORE_QUESTIONS = 3


def question_button(question: Question) -> dict[str, str]:
    """The button that asks ``question`` (its title typed as text finds it too)."""
    return {"title": question.question, "payload": f"/{QUESTION_INTENT}{json.dumps({'question': question.key})}"}


def further_buttons(
    article: Article, questions: tuple[Question, ...], answered: list[str]
) -> tuple[dict[str, str], ...]:
    """Up to three of the article's questions not answered yet, then contacts and the Starke Stelle."""
    labels = phrases()["buttons"]
    left = [q for q in questions if q.key not in answered][:MORE_QUESTIONS]
    buttons = [question_button(q) for q in left]
    if not left:
        buttons.extend(section_button(s) for s in article.sections[:MORE_QUESTIONS])
    buttons.append({"title": str(labels["contacts"]), "payload": "/ask_contacts"})
    buttons.append({"title": str(labels["starke_stelle"]), "payload": "/request_human"})
    return tuple(buttons)


def question_answer(
    article: Article, question: Question, questions: tuple[Question, ...], answered: list[str]
) -> list[Reply]:
    """The specific answer first, then the article's other questions as buttons."""
    buttons = further_buttons(article, questions, [*answered, question.key])
    return [Reply("utter_qa_answer", {"answer": question.answer}), Reply("utter_qa_more", buttons=buttons)]


def no_specific_answer(article: Article, questions: tuple[Question, ...], answered: list[str]) -> list[Reply]:
    """Honestly: nothing more specific on this; the rest of the topic as buttons."""
    return [Reply("utter_qa_none", {"title": article.title}, further_buttons(article, questions, answered))]
