"""Dialogue behaviour that needs the running bot: forms, incidents, session notice."""

from __future__ import annotations

import pytest

from bot.knowledge import knowledge_base
from bot.questions import question_base
from tests.conftest import Conversation, response_text

pytestmark = pytest.mark.model


def test_session_starts_with_privacy_and_emergency_notice(conversation: Conversation) -> None:
    replies = conversation.say("Guten Tag")
    assert replies[0] == response_text("utter_privacy_notice")
    assert "110" in replies[0]
    assert replies[1] == response_text("utter_greet")


def test_threat_asks_about_danger_then_advises(conversation: Conversation) -> None:
    conversation.say("Hallo")
    replies = conversation.say("Ich habe heute einen Brief bekommen, in dem mir mit dem Tod gedroht wird")
    assert replies == [
        response_text("utter_ack_report_threat"),
        response_text("utter_ask_in_danger"),
    ]
    replies = conversation.say("nein")
    article = knowledge_base().article_for("report_threat")
    assert article is not None
    assert replies[0] == " ".join(article.summary.split())
    assert "110" in replies[0]


def test_yes_to_the_danger_question_gets_110(conversation: Conversation) -> None:
    conversation.say("Hallo")
    conversation.say("jemand verfolgt mich seit Wochen nach jeder Ratssitzung bis nach Hause")
    assert conversation.say("ja")[0] == response_text("utter_emergency")


def test_question_in_the_form_is_answered_and_pauses_it(conversation: Conversation) -> None:
    conversation.say("Hallo")
    ask_land = response_text("utter_ask_bundesland")
    assert conversation.say("Wer kann mir helfen?") == [ask_land]
    replies = conversation.say("Wie sichere ich Beweise am besten?")
    article = knowledge_base().article_for("ask_evidence")
    assert article is not None
    answers = {" ".join(article.summary.split()), *(q.answer for q in question_base().of(article.id))}
    assert replies[0] in answers  # the summary or the specific answer of "Beweise sichern"
    # the form does not ask again; one line offers to go on
    assert ask_land not in replies and replies[-1] == response_text("utter_paused_contacts_form")
    assert conversation.tracker().active_loop_name is None
    resumed = conversation.say("Ansprechpartner zeigen")
    assert resumed == [response_text("utter_ask_bundesland", variant=0)]  # the short variant
    replies = conversation.say("Sachsen")
    assert "Für Sachsen" in replies[0]


def test_stop_leaves_the_form(conversation: Conversation) -> None:
    conversation.say("Hallo")
    conversation.say("an wen kann ich mich wenden")
    assert conversation.say("abbrechen") == [response_text("utter_stopped")]
    assert conversation.tracker().active_loop_name is None


def test_land_not_given_gives_nationwide_contacts(conversation: Conversation) -> None:
    conversation.say("Hallo")
    conversation.say("welche beratungsstellen gibt es")
    replies = conversation.say("/deny")
    assert replies[0].startswith("Diese Stellen helfen bundesweit")
    assert "0800 300 99 44" in " ".join(replies)


def test_land_in_first_message_skips_the_question(conversation: Conversation) -> None:
    conversation.say("Hallo")
    replies = conversation.say("Wer hilft mir in NRW?")
    assert "Für Nordrhein-Westfalen" in replies[0]


def test_contacts_show_the_first_few_and_the_rest_on_request(conversation: Conversation) -> None:
    from actions.contacts import FIRST_CONTACTS

    directory = knowledge_base().directory
    conversation.say("Hallo")
    first = conversation.say_full("Wer hilft mir in NRW?")
    said = " ".join(str(r.get("text", "")) for r in first)
    ranked = directory.lookup("Nordrhein-Westfalen")
    shown = [c for c in ranked if c.name in said]
    assert 0 < len(shown) <= FIRST_CONTACTS
    assert "0800 300 99 44" in said  # the Starke Stelle is always among the first
    buttons = [b for r in first for b in r.get("buttons") or []]
    assert {"title": "Weitere Stellen", "payload": "/more_contacts"} in buttons
    more = " ".join(conversation.say("/more_contacts"))
    further = [c for c in ranked if c.name in more]
    assert further and not set(c.id for c in further) & set(c.id for c in shown)
