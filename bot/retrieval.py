"""Which specific question a message asks: nearest phrasing over ``knowledge/questions``.

A TF-IDF index (character n-grams within words, which tolerate typos and inflection, plus word
uni- and bigrams) over the folded question titles and phrasings. :meth:`Retriever.rank` gives
each question its best cosine similarity to the message; :func:`choose` adds what the
conversation knows — the current topic, the article of the recognised intent, the aspect the
intent stands for — and decides between a specific answer and none.

Built lazily on first use (scikit-learn is imported then, not at import time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from bot.questions import Question, QuestionBase, question_base
from bot.text import fold

# Tuned on the development conversations (tests/dialogue/*_dev.yml) and the phrasings
# themselves (leave-one-out, tests/unit/test_retrieval.py); see README "Messergebnisse".
TOPIC_BONUS = 0.12  # the question belongs to the topic of the conversation
INTENT_BONUS = 0.08  # ... to the article of the recognised intent
ASPECT_BONUS = 0.10  # ... has the aspect the recognised intent stands for
MIN_SCORE = 0.30  # a specific answer needs at least this similarity (bonuses included)
MIN_SIMILARITY = 0.18  # ... and at least this raw similarity, whatever the bonuses
DISTINCT_ARTICLES = 4  # a word used by at most this many articles' phrasings is specific
_WORD = re.compile(r"\w{4,}")


@dataclass(frozen=True)
class Match:
    """A question and how well the message matches it."""

    question: Question
    similarity: float  # raw cosine similarity of the best phrasing
    score: float  # similarity plus the context bonuses


class Retriever:
    """Nearest-phrasing search over all questions."""

    def __init__(self, base: QuestionBase) -> None:
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer

        self._hstack = hstack
        self.questions = base.all()
        self.by_key = {q.key: q for q in self.questions}
        docs: list[str] = []
        owners: list[int] = []
        for index, question in enumerate(self.questions):
            for text in (question.question, *question.phrasings):
                docs.append(fold(text))
                owners.append(index)
        self._owners = owners
        # which articles' phrasings use a word: a word of few articles points to them
        self._articles_of: dict[str, set[str]] = {}
        for question in self.questions:
            for text in (question.question, *question.phrasings):
                for word in _WORD.findall(fold(text)):
                    self._articles_of.setdefault(word, set()).add(question.article)
        self._chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=1)
        self._words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"\w+")
        self._matrix = self._vectors(docs, fit=True) if docs else None

    def _vectors(self, texts: list[str], fit: bool = False) -> Any:
        from sklearn.preprocessing import normalize

        if fit:
            chars, words = self._chars.fit_transform(texts), self._words.fit_transform(texts)
        else:
            chars, words = self._chars.transform(texts), self._words.transform(texts)
        return normalize(self._hstack([chars, words * 0.7]).tocsr())

    def points_to(self, text: str, article: str, away_from: str) -> bool:
        """Whether ``text`` has a word that ``article``'s phrasings use, ``away_from``'s do not,
        and at most ``DISTINCT_ARTICLES`` articles use ("Screenshots", not "strafbar" or "kostet")."""
        for word in _WORD.findall(fold(text)):
            articles = self._articles_of.get(word, set())
            if article in articles and away_from not in articles and len(articles) <= DISTINCT_ARTICLES:
                return True
        return False

    def rank(self, text: str) -> dict[str, float]:
        """Question key -> best cosine similarity of its title or phrasings to ``text``."""
        if self._matrix is None or not text.strip():
            return {}
        similarities = (self._matrix @ self._vectors([fold(text)]).T).toarray().ravel()
        best: dict[str, float] = {}
        for row, similarity in enumerate(similarities):
            key = self.questions[self._owners[row]].key
            if similarity > best.get(key, 0.0):
                best[key] = float(similarity)
        return best

    def article_similarity(self, text: str) -> dict[str, float]:
        """Article -> best similarity of ``text`` to one of its questions' titles or phrasings."""
        best: dict[str, float] = {}
        for key, similarity in self.rank(text).items():
            article = self.by_key[key].article
            best[article] = max(best.get(article, 0.0), similarity)
        return best


@cache
def retriever() -> Retriever:
    """The index over the validated questions, built once."""
    return Retriever(question_base())


def choose(
    text: str,
    *,
    topic: str | None = None,
    intent_article: str | None = None,
    aspect: str | None = None,
    among: tuple[str, ...] | None = None,
    exclude: frozenset[str] = frozenset(),
    index: Retriever | None = None,
) -> Match | None:
    """The best question for ``text`` in this context, or None if none is close enough.

    ``among`` limits the candidates to these articles; ``exclude`` skips question keys (the
    answer just given, so a different question never gets the same answer).
    """
    index = index or retriever()
    best: Match | None = None
    for key, similarity in index.rank(text).items():
        question = index.by_key.get(key)
        if question is None or key in exclude or (among is not None and question.article not in among):
            continue
        score = similarity
        score += TOPIC_BONUS if topic and question.article == topic else 0.0
        score += INTENT_BONUS if intent_article and question.article == intent_article else 0.0
        score += ASPECT_BONUS if aspect and question.aspect == aspect else 0.0
        if best is None or score > best.score:
            best = Match(question, similarity, score)
    if best is None or best.score < MIN_SCORE or best.similarity < MIN_SIMILARITY:
        return None
    return best


def by_aspect(article: str | None, aspect: str | None, exclude: frozenset[str] = frozenset()) -> Question | None:
    """The article's first question with ``aspect`` (not in ``exclude``), if it has one."""
    if not article or not aspect:
        return None
    return next((q for q in question_base().of(article) if q.aspect == aspect and q.key not in exclude), None)
