"""Questions in the conversation's topic, forms paused by a question, places, other languages –
with the trained bot and the real action server."""

from __future__ import annotations

import pytest

from bot.questions import question_base
from tests.conftest import Conversation, response_text

pytestmark = pytest.mark.model


def answer_of(key: str) -> str:
    question = question_base().get(key)
    assert question is not None, key
    return question.answer


def start_stalking(conversation: Conversation) -> list[str]:
    conversation.say("Hallo")
    conversation.say("Seit Wochen steht ein Mann abends vor meinem Haus und schreibt mir ständig")
    return conversation.say("nein")  # not in danger right now: the advice, then the date question


def test_a_follow_up_is_answered_for_the_topic_and_the_date_question_is_paused(conversation: Conversation) -> None:
    advice = start_stalking(conversation)
    assert advice[-1] == response_text("utter_ask_incident_date")
    replies = conversation.say("Ist das strafbar?")
    assert replies[0] == answer_of("stalking/strafbar")
    # the date question is not asked again blindly: the form pauses, one line offers it later
    assert response_text("utter_ask_incident_date") not in replies
    assert replies[-1] == response_text("utter_paused_deadline_form")
    assert conversation.tracker().active_loop_name is None
    # a second question about the topic gets a different, specific answer
    second = conversation.say("Kann ich ihm verbieten lassen, sich mir zu nähern?")
    assert second[0] != replies[0] and "Gewaltschutz" in second[0]
    # "Frist berechnen" resumes the form with its short question, and a date is read
    resumed = conversation.say("/resume_form")
    assert resumed == [response_text("utter_ask_incident_date", variant=0)]
    deadline = conversation.say("vor zwei Wochen")
    assert any("Strafantrag" in r for r in deadline)


def test_repeat_and_back(conversation: Conversation) -> None:
    start_stalking(conversation)
    first = conversation.say("Ist das strafbar?")
    assert conversation.say("Können Sie das wiederholen?") == first
    conversation.say("Wie beantrage ich eine Auskunftssperre?")
    back = conversation.say("zurück zum vorigen Thema")
    assert "Protokoll" in back[0]  # the stalking summary again


def test_a_question_in_the_handoff_is_answered_and_pauses_it(conversation: Conversation) -> None:
    conversation.say("Hallo")
    assert conversation.say("Ich möchte mit der Starken Stelle sprechen")[-1] == response_text(
        "utter_ask_handoff_consent"
    )
    replies = conversation.say("Ist das eigentlich vertraulich?")
    assert "vertraulich" in replies[0]
    assert replies[-1] == response_text("utter_paused_handoff_form")
    assert response_text("utter_ask_handoff_consent") not in replies
    assert conversation.say("Weiter mit der Zusammenfassung") == [response_text("utter_ask_handoff_consent", variant=0)]
    assert conversation.say("ja") == [response_text("utter_ask_handoff_wish")]


def test_a_place_instead_of_a_land(conversation: Conversation) -> None:
    conversation.say("Hallo")
    conversation.say("Wer kann mir helfen?")
    replies = conversation.say("Ich bin aus dem Kreis Gütersloh")
    assert "Nordrhein-Westfalen" in replies[0]
    assert conversation.tracker().get_slot("bundesland") == "Nordrhein-Westfalen"


def test_a_message_in_english_gets_a_short_english_reply(conversation: Conversation) -> None:
    conversation.say("Hallo")
    replies = conversation.say("Hello, I am a mayor and I get death threats. What can I do?")
    assert len(replies) == 1 and replies[0].startswith("I'm sorry, this assistant only speaks German")
    assert "110" in replies[0] and "0800 300 99 44" in replies[0]


def test_two_questions_in_one_message_get_two_answers(conversation: Conversation) -> None:
    start_stalking(conversation)
    replies = conversation.say("Ist das strafbar, und kann ich ihm verbieten lassen, sich mir zu nähern?")
    assert answer_of("stalking/strafbar") in replies
    assert any(r.startswith("Zu Ihrer Frage") and "Gewaltschutz" in r for r in replies)


def test_free_text_with_a_phone_number_fills_the_way_of_contact(conversation: Conversation) -> None:
    conversation.say("Hallo")
    conversation.say("Ich möchte mit der Starken Stelle sprechen")
    conversation.say("ja")
    summary = conversation.say("Rückruf bitte unter 0171 2345678, am besten morgen vormittag")
    # neither the way of contact nor the number is asked again: the summary comes at once
    assert len(summary) == 1 and "0171 2345678" in summary[0] and "Soll ich das so weitergeben?" in summary[0]


def test_a_question_about_the_incident_already_handled_is_no_new_report(conversation: Conversation) -> None:
    conversation.say("Hallo")
    conversation.say("Ich habe heute einen Brief bekommen, da steht drin, dass man mich umbringen wird.")
    conversation.say("nein, grad nicht")  # the advice, then the handoff offer
    replies = conversation.say("Der Brief kam eigentlich schon vor fünf Monaten, ist es jetzt zu spät?")
    # no second acknowledgement and danger question: the question is answered in the topic
    assert response_text("utter_ack_report_threat") not in replies
    assert response_text("utter_ask_in_danger") not in replies
    # outside the form too: after stalking and another topic, "zurück zum Stalking" is no new report
    other = Conversation(conversation.agent, conversation.loop)
    other.say("Hallo")
    other.say("Seit Wochen steht ein Mann abends vor meinem Haus und schreibt mir ständig Nachrichten")
    other.say("nein, gerade nicht")
    other.say("Wie beantrage ich eine Auskunftssperre?")
    back = other.say("zurück zum Stalking")
    assert response_text("utter_ask_in_danger") not in back and "Protokoll" in back[0]
