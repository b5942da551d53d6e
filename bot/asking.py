"""What to answer to a question: a specific answer, the article's summary, or honestly none.

The conversation has a *topic* (the article of the last incident or question, slot
``article``). A question is answered in that context (:func:`decide`):

- an *aspect* intent ("Ist das strafbar?", "Was kostet das?", ``knowledge/aspects.yml``) asks
  about the topic: the best matching question, else the topic's question with that aspect;
- a question intent with its own article opens that topic: the summary first, unless the
  message asks one of the article's specific questions clearly;
- a follow-up in the same topic gets the best specific answer, never the summary again;
- the answer just given is never given again for a different question; where nothing fits,
  the bot says so (``none``) and offers the rest.

Pure functions over :class:`~bot.knowledge.KnowledgeBase` and the questions; the actions
only send what is decided here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import yaml

from bot.knowledge import KnowledgeBase
from bot.paths import KNOWLEDGE_DIR
from bot.questions import ASPECTS, Question
from bot.retrieval import Match, Retriever, by_aspect, choose, retriever

ASPECTS_FILE = KNOWLEDGE_DIR / "aspects.yml"
SUMMARY = "summary:"  # last-answer marker of an article's summary: "summary:<article>"
STRONG = 0.55  # similarity at which a specific question wins over a new topic's summary
FALLBACK_SIMILARITY = 0.40  # ... at which a message the NLU did not understand is answered
ELSEWHERE = 0.60  # in a topic, a question of another article needs this similarity ...
MARGIN = 0.20  # ... and this much more than the best question of the topic
LITERAL = 0.80  # a message that is nearly one of the phrasings

Kind = Literal["question", "summary", "none", "ask_topic"]


@dataclass(frozen=True)
class Aspects:
    """Aspect per intent, its German label and the article that answers it without a topic."""

    by_intent: dict[str, str]
    labels: dict[str, str]
    articles: dict[str, str]


@cache
def load_aspects(path: Path = ASPECTS_FILE) -> Aspects:
    """Load and validate ``knowledge/aspects.yml`` once."""
    data = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("aspects")
    if not isinstance(data, dict) or set(data) != set(ASPECTS):
        raise ValueError(f"{path}: 'aspects' must list exactly: {', '.join(ASPECTS)}")
    by_intent: dict[str, str] = {}
    labels: dict[str, str] = {}
    articles: dict[str, str] = {}
    for aspect, entry in data.items():
        if not isinstance(entry, dict) or not str(entry.get("label") or "").strip():
            raise ValueError(f"{path}: aspect '{aspect}' needs a label")
        labels[aspect] = str(entry["label"])
        for intent in entry.get("intents") or []:
            if intent in by_intent:
                raise ValueError(f"{path}: intent '{intent}' stands for two aspects")
            by_intent[str(intent)] = aspect
        if entry.get("article"):
            articles[aspect] = str(entry["article"])
    return Aspects(by_intent, labels, articles)


@dataclass(frozen=True)
class Decision:
    """What to answer: a question, an article's summary, no specific answer, or ask the topic."""

    kind: Kind
    article: str | None = None
    question: Question | None = None

    @property
    def marker(self) -> str:
        """What ``last_answer`` remembers: the question key or ``summary:<article>``."""
        if self.question is not None:
            return self.question.key
        return f"{SUMMARY}{self.article}" if self.kind == "summary" else ""


def decide(
    text: str,
    intent: str,
    *,
    topic: str | None,
    last_answer: str | None,
    base: KnowledgeBase,
    aspects: Aspects | None = None,
    index: Retriever | None = None,
) -> Decision:
    """The answer to ``text`` (recognised as ``intent``) in a conversation about ``topic``."""
    aspects = aspects or load_aspects()
    aspect = aspects.by_intent.get(intent)
    own = base.article_for(intent)
    own_id = own.id if own is not None else None
    topic = topic if topic in base.articles else None
    exclude = frozenset({last_answer}) if last_answer else frozenset()
    index = index or retriever()
    anywhere = choose(text, topic=topic, intent_article=own_id, aspect=aspect, exclude=exclude, index=index)
    best = inside = anywhere
    if topic:  # within the topic first; another article's question only where it is clearly meant
        inside = choose(text, topic=topic, aspect=aspect, among=(topic,), exclude=exclude, index=index)
        clearly_elsewhere = (
            anywhere is not None
            and anywhere.question.article != topic
            and anywhere.similarity >= ELSEWHERE
            and (inside is None or anywhere.similarity > inside.similarity + MARGIN)
            and index.points_to(text, anywhere.question.article, away_from=topic)
        )
        best = anywhere if clearly_elsewhere else inside

    def summary(article: str) -> Decision:
        if last_answer == f"{SUMMARY}{article}":
            return Decision("none", article)
        return Decision("summary", article)

    def answer(match: Match) -> Decision:
        return Decision("question", match.question.article, match.question)

    if aspect and topic:  # a follow-up about the topic: "Ist das strafbar?"
        if best is not None:
            return answer(best)
        fitting = by_aspect(topic, aspect, exclude)
        if fitting is not None:
            return Decision("question", topic, fitting)
        return summary(own_id) if own_id and own_id != topic else Decision("none", topic)
    if own_id is not None and own_id == topic:  # the same topic again: more specific than the summary
        return answer(best) if best is not None else summary(own_id)
    if own_id is not None:  # a new topic: its summary, unless one of its questions is clearly asked
        if topic and inside is not None and inside.similarity >= STRONG:
            return answer(inside)  # ... or the message clearly asks a question of the current topic
        if anywhere is not None and anywhere.similarity >= STRONG:
            own_or_pointed = anywhere.question.article == own_id or index.points_to(
                text, anywhere.question.article, away_from=own_id
            )
            if own_or_pointed:  # ... of this article, or of another the message points to
                return answer(anywhere)
        return summary(own_id)
    if aspect:  # an aspect without a topic: "Was kostet das?" as the first question
        if anywhere is not None and anywhere.similarity >= STRONG:
            return answer(anywhere)
        default = aspects.articles.get(aspect)
        return summary(default) if default in base.articles else Decision("ask_topic")
    # The NLU did not recognise the message: answer only a clear match (in the topic first,
    # elsewhere only a nearly literal one).
    if best is not None and best.similarity >= (FALLBACK_SIMILARITY if topic else STRONG):
        return answer(best)
    if anywhere is not None and anywhere.similarity >= LITERAL:
        return answer(anywhere)
    return Decision("ask_topic")


# "Was kostet ein Anwalt, und muss ich selbst zur Polizei?": a second question starts after
# "und"/"oder"/"außerdem" with a question word, or after a question mark.
_QUESTION_WORD = (
    r"(?:wie|was|wer|wo|wohin|wann|warum|wieso|welche[rsmn]?|muss|müssen|kann|können|soll|sollte|darf|"
    r"dürfen|ist|sind|gibt|habe|hab|brauche|bekomme|zahlt|kostet|hilft|gilt)"
)
_SPLIT = re.compile(rf"\?+\s*|[,;]?\s+(?:und|oder|außerdem|ausserdem|und\s+außerdem)\s+(?={_QUESTION_WORD}\b)", re.I)
MAX_QUESTIONS = 3
MIN_WORDS = 3


def split_questions(text: str) -> list[str]:
    """The questions of a message, in order (at most ``MAX_QUESTIONS``; one if it asks one)."""
    parts = [p.strip(" ,;.") for p in _SPLIT.split(text)]
    questions = [p for p in parts if len(p.split()) >= MIN_WORDS]
    return questions[:MAX_QUESTIONS] if len(questions) > 1 else [text]


_QUESTION = re.compile(
    r"\?\s*$|^\s*(?:und\s+)?(?:wie|was|wer|wo|wann|warum|wieso|weshalb|welche[rsmn]?|muss|kann|soll|darf|ist|gibt)\b",
    re.IGNORECASE,
)
# "zurück", "nomoi zruck zu dem mit da Polizei,", "Zurück zur Stellungnahme:" – up to the separator
BACK = re.compile(r"\s*(?:noch\s*mal\s+|nomoi\s+)?(?:zur(?:ü|ue|u)ck|zruck)\b[^:?–,-]*[:–,-]?", re.IGNORECASE)


_BACK_WORDS = re.compile(r"\b(?:noch\s*mal|nomoi|zur(?:ü|ue|u)ck|zruck|zu|zum|zur|dem|der|den|das|mit|da)\b", re.I)
BACK_NAMED = 0.25  # "zurück zum Löschen" names an earlier topic when it is at least this similar


def back_topic(text: str, visited: Sequence[str], current: str | None, index: Retriever | None = None) -> str | None:
    """The topic a "zurück zu …" returns to: of the topics before the current one (latest first),
    the one its words name ("Zurück zum Löschen: …" after the Stellungnahme → inhalte-melden),
    else the latest. None if the conversation had no earlier topic."""
    earlier = list(dict.fromkeys(t for t in reversed(visited) if t and t != current))
    if not earlier:
        return None
    back = BACK.match(text)
    named = _BACK_WORDS.sub(" ", text[back.start() : back.end()] if back else "").strip(" :–,-")
    if named:
        scores = (index or retriever()).article_similarity(named)
        best = max(earlier, key=lambda topic: scores.get(topic, 0.0))
        if scores.get(best, 0.0) >= BACK_NAMED:
            return best
    return earlier[0]


def looks_like_question(text: str) -> bool:
    """Ends with a question mark or starts with a question word ("wie lange gilt das")."""
    return bool(_QUESTION.search(text.strip()))


def is_follow_up(text: str) -> bool:
    """A question or a "zurück zu …": a message about a topic, not a new report of it."""
    return looks_like_question(text) or bool(BACK.match(text))


def incident_follow_up(intent: str, text: str, topics: Iterable[str], base: KnowledgeBase) -> bool:
    """A report of an incident this conversation already handled (its article was a topic),
    phrased as a question or a "zurück zu …": a follow-up to answer, not a new report."""
    article = base.article_for(intent) if intent.startswith("report_") else None
    return article is not None and article.id in set(topics) and is_follow_up(text)
