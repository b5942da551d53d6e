"""What the bot answers to a question in the conversation's topic (bot/asking.py, bot/retrieval.py)."""

from __future__ import annotations

import pytest

from bot.asking import SUMMARY, back_topic, decide, incident_follow_up, split_questions
from bot.knowledge import knowledge_base
from bot.questions import question_base
from bot.retrieval import choose


def ask(text: str, intent: str, topic: str | None, last: str | None = None):
    return decide(text, intent, topic=topic, last_answer=last, base=knowledge_base())


@pytest.mark.parametrize(
    ("text", "intent", "topic", "article", "aspect"),
    [
        # the examples: a follow-up is about the topic, not the general article
        ("Ist das strafbar?", "ask_is_it_punishable", "stalking", "stalking", "punishable"),
        (
            "Ist das strafbar?",
            "ask_is_it_punishable",
            "einschuechterung-im-rat",
            "einschuechterung-im-rat",
            "punishable",
        ),
        ("Und wie lange gilt das?", "ask_duration", "auskunftssperre", "auskunftssperre", "duration"),
        ("Was kostet die Auskunftssperre?", "ask_address_protection", "auskunftssperre", "auskunftssperre", "cost"),
        # two specific questions about one topic get two different answers
        ("Soll ich die Kommentare löschen?", "ask_platform_report", "hass-im-netz", "hass-im-netz", "other"),
        ("Wie mache ich die Screenshots richtig?", "ask_evidence", "hass-im-netz", "hass-im-netz", "evidence"),
    ],
)
def test_a_follow_up_is_answered_in_the_topic(text: str, intent: str, topic: str, article: str, aspect: str) -> None:
    decision = ask(text, intent, topic)
    assert decision.kind == "question" and decision.question is not None
    assert (decision.question.article, decision.question.aspect) == (article, aspect)


def test_different_questions_get_different_answers() -> None:
    first = ask("Soll ich die Kommentare löschen?", "ask_platform_report", "hass-im-netz")
    second = ask("Wie mache ich die Screenshots richtig?", "ask_evidence", "hass-im-netz")
    assert first.question is not None and second.question is not None
    assert first.question.answer != second.question.answer


def test_a_question_clearly_about_another_article_leaves_the_topic() -> None:
    decision = ask("Wie mache ich die Screenshots richtig?", "ask_evidence", "stalking")
    assert decision.question is not None and decision.question.article != "stalking"
    assert "Screenshot" in decision.question.answer


def test_without_a_topic_a_general_question_gets_the_summary() -> None:
    decision = ask("Ist das strafbar?", "ask_is_it_punishable", None)
    assert (decision.kind, decision.article) == ("summary", "ist-das-strafbar")


def test_a_new_topic_gets_its_summary_unless_a_question_of_it_is_clearly_asked() -> None:
    general = ask("Was muss ich beachten?", "ask_social_media_safety", "stalking")
    assert (general.kind, general.article) == ("summary", "sicher-in-sozialen-medien")
    specific = ask("Muss ich mein Passwort regelmäßig ändern?", "ask_social_media_safety", "stalking")
    assert specific.question is not None and specific.question.key == "sicher-in-sozialen-medien/passwort-wechseln"


def test_the_answer_just_given_is_never_given_again() -> None:
    first = ask("Ist das strafbar?", "ask_is_it_punishable", "stalking")
    assert first.question is not None
    again = ask("Ist das strafbar?", "ask_is_it_punishable", "stalking", last=first.question.key)
    assert again.question is None or again.question.key != first.question.key


def test_a_summary_is_not_repeated_as_the_answer_to_a_follow_up() -> None:
    decision = ask("Was soll ich tun?", "report_stalking", "stalking", last=SUMMARY + "stalking")
    assert decision.kind != "summary"


def test_an_aspect_the_topic_has_no_question_for_is_said_honestly() -> None:
    missing = {q.aspect for q in question_base().of("stalking")} ^ {"cost"}
    assert "cost" in missing  # the premise: stalking has no question about costs
    decision = ask("Was kostet das?", "ask_cost", "stalking")
    assert (decision.kind, decision.article) == ("none", "stalking")


def test_an_unrecognised_message_is_answered_only_when_it_clearly_matches() -> None:
    assert ask("Soll ich die Kommentare löschen?", "nlu_fallback", "hass-im-netz").kind == "question"
    assert ask("Wie wird das Wetter morgen in Paris?", "nlu_fallback", "hass-im-netz").kind == "ask_topic"


def test_choose_respects_among_and_exclude() -> None:
    match = choose("Ist das strafbar?", among=("bedrohung",))
    assert match is not None and match.question.article == "bedrohung"
    other = choose("Ist das strafbar?", among=("bedrohung",), exclude=frozenset({match.question.key}))
    assert other is None or other.question.key != match.question.key


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Was kostet ein Anwalt, und muss ich selbst zur Polizei?",
            ["Was kostet ein Anwalt", "muss ich selbst zur Polizei"],
        ),
        (
            "Ist das strafbar? Und wie lange habe ich Zeit? Wer hilft mir?",
            ["Ist das strafbar", "Und wie lange habe ich Zeit", "Wer hilft mir"],
        ),
        ("Ich werde bedroht und weiß nicht was ich tun soll", ["Ich werde bedroht und weiß nicht was ich tun soll"]),
        ("ist das strafbar", ["ist das strafbar"]),
    ],
)
def test_split_questions(text: str, parts: list[str]) -> None:
    assert split_questions(text) == parts


def test_a_report_of_the_handled_incident_asked_as_a_question_is_a_follow_up() -> None:
    base = knowledge_base()
    assert incident_follow_up("report_threat", "ist es jetzt zu spät?", ["bedrohung"], base)
    assert incident_follow_up("report_stalking", "zurück zum Stalking", ["stalking", "auskunftssperre"], base)
    # a new report, or an incident not handled yet, goes through the incident flow
    assert not incident_follow_up("report_threat", "Er hat mir wieder einen Brief geschickt.", ["bedrohung"], base)
    assert not incident_follow_up("report_threat", "ist das eine Drohung?", ["stalking"], base)
    assert not incident_follow_up("ask_evidence", "wie sichere ich das?", ["beweise-sichern"], base)


@pytest.mark.parametrize(
    ("text", "visited", "current", "expected"),
    [
        # the words after "zurück zu" name one of the earlier topics
        (
            "Zurück zum Löschen: was mach ich, wenn Facebook nicht reagiert?",
            ["inhalte-melden", "beweise-sichern", "krisenkommunikation"],
            "krisenkommunikation",
            "inhalte-melden",
        ),
        (
            "Zurück zur Stellungnahme: soll ich die Kommentare abschalten?",
            ["krisenkommunikation", "hass-im-netz", "bedrohung"],
            "bedrohung",
            "krisenkommunikation",
        ),
        # nothing named: the topic before the current one
        (
            "zurück",
            ["inhalte-melden", "beweise-sichern", "krisenkommunikation"],
            "krisenkommunikation",
            "beweise-sichern",
        ),
        ("zurück", ["stalking"], "stalking", None),
    ],
)
def test_back_returns_to_the_earlier_topic_it_names(
    text: str, visited: list[str], current: str, expected: str | None
) -> None:
    assert back_topic(text, visited, current) == expected
