"""Question-level knowledge (knowledge/questions): schema checks by file and field, the real base."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.knowledge import KNOWLEDGE_DIR, knowledge_base
from bot.questions import ASPECTS, MIN_QUESTIONS, check_questions, question_base

GOOD = {
    "id": "strafbar",
    "aspect": "punishable",
    "question": "Ist Stalking strafbar?",
    "phrasings": ["ist das strafbar", "kann man da was machen", "ist das verboten", "gibt es dafür eine strafe"],
    "answer": "Ja, Nachstellung ist nach § 238 StGB strafbar.",
    "facts": ["G8"],
}


@pytest.fixture
def base_copy(tmp_path: Path) -> Path:
    """A copy of the real knowledge base whose question files a test may break."""
    shutil.copytree(KNOWLEDGE_DIR, tmp_path / "knowledge")
    return tmp_path / "knowledge"


def write(root: Path, article: str, questions: list[dict], **extra: object) -> None:
    data = {"article": article, "reviewed": "2026-12-02", "questions": questions, **extra}
    text = yaml.safe_dump(data, allow_unicode=True).replace("'2026-12-02'", "2026-12-02")
    (root / "questions" / f"{article}.yml").write_text(text, encoding="utf-8")


def variants(**changes: object) -> list[dict]:
    """Four distinct valid questions, the first one changed."""
    items = [dict(GOOD, id=f"frage-{i}", answer=f"{GOOD['answer']} ({i})") for i in range(MIN_QUESTIONS)]
    items[0].update(changes)
    return items


def messages(root: Path) -> list[str]:
    issues, _ = check_questions(root)
    return [str(i) for i in issues]


def test_the_real_questions_are_valid_and_cover_every_article() -> None:
    issues, base = check_questions()
    assert [str(i) for i in issues if i.severity == "error"] == []
    assert base is not None
    assert len(base.by_key) >= 120  # issue 8: at least 120 in all
    articles = set(knowledge_base().articles)
    assert set(base.by_article) == articles
    assert all(len(questions) >= MIN_QUESTIONS for questions in base.by_article.values())
    assert {q.aspect for q in base.all()} <= set(ASPECTS)


def test_a_valid_file_loads(base_copy: Path) -> None:
    write(base_copy, "stalking", variants())
    assert messages(base_copy) == []


@pytest.mark.parametrize(
    ("change", "field", "text"),
    [
        ({"aspect": "wetter"}, "aspect", "'wetter'"),
        ({"answer": "x" * 451}, "answer", "höchstens 450"),
        ({"question": "y" * 61}, "question", "höchstens 60"),
        ({"phrasings": ["a", "b"]}, "phrasings", "mindestens 4"),
        ({"facts": ["ZZ99"]}, "facts", "'ZZ99' steht nicht in facts.md"),
        ({"facts": "G8"}, "facts", "Liste"),
        ({"id": "Mit Leerzeichen"}, "id", "Kleinbuchstaben"),
        ({"extra": 1}, "extra", "unbekanntes Feld"),
    ],
)
def test_each_problem_is_named_by_file_and_field(base_copy: Path, change: dict, field: str, text: str) -> None:
    write(base_copy, "stalking", variants(**change))
    found = [m for m in messages(base_copy) if "questions/stalking.yml" in m and f".{field}]" in m]
    assert found and text in found[0], messages(base_copy)


def test_file_level_problems(base_copy: Path) -> None:
    write(base_copy, "gibt-es-nicht", variants())
    write(base_copy, "stalking", variants()[:2])
    duplicate = variants()
    duplicate[1]["id"] = duplicate[0]["id"]
    write(base_copy, "bedrohung", duplicate)
    found = "\n".join(messages(base_copy))
    assert "kein Artikel knowledge/articles/gibt-es-nicht.md" in found
    assert "stalking.yml [questions]: mindestens 4 Fragen" in found
    assert "bedrohung.yml [questions.id]: doppelt: frage-0" in found


def test_questions_and_answers_are_distinct_within_an_article() -> None:
    for article, questions in question_base().by_article.items():
        assert len({q.answer for q in questions}) == len(questions), article
        assert len({q.question for q in questions}) == len(questions), article
