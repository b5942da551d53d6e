"""Question-level knowledge: specific questions and answers per article (``knowledge/questions``).

Each article ``knowledge/articles/<id>.md`` may have ``knowledge/questions/<id>.yml`` with the
questions people ask about that topic, each with its *aspect* (is it punishable, what does it
cost, …), example phrasings, a short answer and the ids of the rows in ``facts.md`` the answer
relies on. :func:`check_questions` validates them like the articles (errors name file and
field); :func:`question_base` loads them once for the action server.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.issues import Issue, KnowledgeError, errors_only
from bot.knowledge import ID_PATTERN, SUMMARY_LIMIT
from bot.paths import KNOWLEDGE_DIR

QUESTIONS_DIR = "questions"
FACTS_FILE = "facts.md"
ASPECTS = (
    "what_now",
    "punishable",
    "evidence",
    "report",
    "deadline",
    "cost",
    "duration",
    "who_helps",
    "protection",
    "process",
    "meaning",
    "other",
)
QUESTION_LIMIT = 60
MIN_QUESTIONS = 4
MIN_PHRASINGS = 4
FIELDS = frozenset({"id", "aspect", "question", "phrasings", "answer", "facts"})
FACT_ROW = re.compile(r"^\| ([A-Z][A-Z0-9-]*\d*) \|(.*)\|\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Question:
    """One specific question about an article's topic and its answer."""

    article: str
    id: str
    aspect: str
    question: str
    phrasings: tuple[str, ...]
    answer: str
    facts: tuple[str, ...]

    @property
    def key(self) -> str:
        """Unique across the base: ``<article>/<id>``."""
        return f"{self.article}/{self.id}"


@dataclass(frozen=True)
class QuestionBase:
    """All questions, by key and per article (in file order)."""

    by_key: dict[str, Question]
    by_article: dict[str, tuple[Question, ...]]

    def get(self, key: str) -> Question | None:
        """The question ``<article>/<id>``, if it exists."""
        return self.by_key.get(key)

    def of(self, article: str | None) -> tuple[Question, ...]:
        """The questions of ``article`` (none for an unknown or missing article)."""
        return self.by_article.get(article or "", ())

    def all(self) -> tuple[Question, ...]:
        """Every question, article by article."""
        return tuple(self.by_key.values())


def fact_confidences(path: Path) -> dict[str, str]:
    """Fact id -> confidence (``hoch``, ``mittel``, ``unsicher``) of every row in ``facts.md``."""
    rows: dict[str, str] = {}
    for match in FACT_ROW.finditer(path.read_text(encoding="utf-8")):
        cells = [cell.strip() for cell in match.group(2).split("|")]
        rows[match.group(1)] = cells[-1] if cells else ""
    return rows


def _one_line(value: Any) -> str:
    return " ".join(str(value or "").split())


def _parse_question(
    raw: Any, article: str, file: str, index: int, facts: dict[str, str], issues: list[Issue]
) -> Question | None:
    where = f"questions[{index}]"
    if not isinstance(raw, dict):
        issues.append(Issue.error(file, where, "muss ein YAML-Objekt sein"))
        return None
    before = len(issues)
    for name in sorted(set(raw) - FIELDS):
        issues.append(Issue.error(file, f"{where}.{name}", "unbekanntes Feld"))
    qid = str(raw.get("id") or "")
    if not ID_PATTERN.match(qid):
        issues.append(Issue.error(file, f"{where}.id", "Pflichtfeld: nur Kleinbuchstaben, Ziffern und '-'"))
    aspect = str(raw.get("aspect") or "")
    if aspect not in ASPECTS:
        issues.append(Issue.error(file, f"{where}.aspect", f"'{aspect}' – erlaubt: {', '.join(ASPECTS)}"))
    question = _one_line(raw.get("question"))
    if not question or len(question) > QUESTION_LIMIT:
        issues.append(Issue.error(file, f"{where}.question", f"Pflichtfeld, höchstens {QUESTION_LIMIT} Zeichen"))
    answer = _one_line(raw.get("answer"))
    if not answer or len(answer) > SUMMARY_LIMIT:
        issues.append(Issue.error(file, f"{where}.answer", f"Pflichtfeld, höchstens {SUMMARY_LIMIT} Zeichen"))
    phrasings = raw.get("phrasings") or []
    if not isinstance(phrasings, list) or len({_one_line(p) for p in phrasings if _one_line(p)}) < MIN_PHRASINGS:
        issues.append(
            Issue.error(file, f"{where}.phrasings", f"mindestens {MIN_PHRASINGS} verschiedene Formulierungen")
        )
        phrasings = []
    cited = raw.get("facts")
    if not isinstance(cited, list):
        issues.append(Issue.error(file, f"{where}.facts", "Liste von Fakten-Nummern aus facts.md ([] für reinen Rat)"))
        cited = []
    # An uncertain fact may be cited where the answer hedges because of it (S16: no call-back
    # is documented, so none is promised); tests/unit/test_knowledge.py checks no answer claims one.
    for fact in cited:
        if str(fact) not in facts:
            issues.append(Issue.error(file, f"{where}.facts", f"'{fact}' steht nicht in facts.md"))
    if len(issues) > before:
        return None
    return Question(
        article=article,
        id=qid,
        aspect=aspect,
        question=question,
        phrasings=tuple(_one_line(p) for p in phrasings),
        answer=answer,
        facts=tuple(str(f) for f in cited),
    )


def parse_questions(path: Path, articles: set[str], facts: dict[str, str], issues: list[Issue]) -> list[Question]:
    """The questions of one file; problems are appended to ``issues``."""
    file = f"knowledge/{QUESTIONS_DIR}/{path.name}"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        issues.append(Issue.error(file, "-", f"kein gültiges YAML: {error}"))
        return []
    if not isinstance(data, dict):
        issues.append(Issue.error(file, "-", "muss ein YAML-Objekt sein"))
        return []
    article = str(data.get("article") or "")
    if article != path.stem:
        issues.append(Issue.error(file, "article", f"'{article}' passt nicht zum Dateinamen '{path.stem}'"))
    if path.stem not in articles:
        issues.append(Issue.error(file, "article", f"kein Artikel knowledge/articles/{path.stem}.md"))
    if not isinstance(data.get("reviewed"), date):
        issues.append(Issue.error(file, "reviewed", "Datum im Format JJJJ-MM-TT"))
    raw = data.get("questions")
    if not isinstance(raw, list) or len(raw) < MIN_QUESTIONS:
        issues.append(Issue.error(file, "questions", f"mindestens {MIN_QUESTIONS} Fragen"))
        return []
    questions = [q for i, r in enumerate(raw) if (q := _parse_question(r, path.stem, file, i, facts, issues))]
    for kind, values in (("id", [q.id for q in questions]), ("answer", [q.answer for q in questions])):
        for value in sorted({v for v in values if values.count(v) > 1}):
            issues.append(Issue.error(file, f"questions.{kind}", f"doppelt: {value[:60]}"))
    return questions


def check_questions(
    root: Path = KNOWLEDGE_DIR, articles: set[str] | None = None
) -> tuple[list[Issue], QuestionBase | None]:
    """Validate every question file; return all issues and, without errors, the base."""
    known = articles if articles is not None else {p.stem for p in (root / "articles").glob("*.md")}
    facts = fact_confidences(root / FACTS_FILE)
    issues: list[Issue] = []
    by_article: dict[str, tuple[Question, ...]] = {}
    for path in sorted((root / QUESTIONS_DIR).glob("*.yml")):
        by_article[path.stem] = tuple(parse_questions(path, known, facts, issues))
    if errors_only(issues):
        return issues, None
    by_key = {q.key: q for questions in by_article.values() for q in questions}
    return issues, QuestionBase(by_key=by_key, by_article=by_article)


@cache
def question_base() -> QuestionBase:
    """The validated questions, loaded once; raises :class:`KnowledgeError` if invalid."""
    issues, base = check_questions()
    if base is None:
        raise KnowledgeError(errors_only(issues))
    return base
