"""Incident to handoff, end to end: advice from the knowledge base, the deadline, the Starke Stelle.

The action server delivers to a real webhook on loopback (tests/conftest.py); the outbox is a
temporary SQLite file. Dates are computed from today's date, so the tests hold on any day.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.deadline import strafantrag_deadline
from bot.phrases import format_date
from tests.conftest import Conversation, WebhookReceiver, response_text

pytestmark = pytest.mark.model

REFERENCE = re.compile(r"\bSIA-[0-9A-Z]{6}\b")


def last(day: int, month: int) -> date:
    """The most recent day/month on or before today (what "am 2. September" means)."""
    today = date.today()
    candidate = date(today.year, month, day)
    return candidate if candidate <= today else date(today.year - 1, month, day)


def texts(replies: list[dict[str, Any]]) -> list[str]:
    return [" ".join(str(r.get("text", "")).split()) for r in replies]


def button_titles(replies: list[dict[str, Any]]) -> list[str]:
    return [b["title"] for r in replies for b in r.get("buttons") or []]


def test_threat_letter_in_saxony_through_to_a_delivered_case(
    conversation: Conversation, webhook: WebhookReceiver, outbox_path: Path
) -> None:
    """The issue's acceptance scenario, as a new user would try it."""
    conversation.say("Hallo")
    replies = conversation.say("Mir wurde in Sachsen per Brief mit dem Tod gedroht, das war am 2. September")
    assert replies == [response_text("utter_ack_report_threat"), response_text("utter_ask_in_danger")]

    full = conversation.say_full("nein")
    said = "\n".join(texts(full))
    # what to do now, from the article, and how to keep the letter as evidence (platform note)
    assert "Zu Brief:" in said
    # the Saxon and the nationwide contacts
    assert "Ansprechpartner für Sie in Sachsen und bundesweit" in said and "ZASTEX" in said
    assert "0800 300 99 44" in said  # the Starke Stelle among the nationwide contacts
    assert {"Beweise sichern", "Rechtliche Einordnung", "Ansprechpartner", "Mit der Starken Stelle sprechen"} <= set(
        button_titles(full)
    )
    # a death threat is prosecuted ex officio: no deadline, never "too late" (§ 241 Abs. 2 StGB),
    # and the note on threats of lesser acts (§ 241 Abs. 5)
    start = last(2, 9)
    assert "wird auch ohne Strafantrag verfolgt" in said and "§ 241 Abs. 5" in said
    assert format_date(strafantrag_deadline(start)) not in said
    # the offer of the Starke Stelle
    assert texts(full)[-1] == response_text("utter_ask_handoff_consent")

    section = conversation.say_full('/show_section{"section": "beweise"}')
    assert texts(section)[0] == "Beweise sichern:"
    # the section pauses the form: no blind re-ask, one line with a button to go on
    assert texts(section)[-1] == response_text("utter_paused_handoff_form")
    assert conversation.say("/resume_form") == [response_text("utter_ask_handoff_consent", variant=0)]

    assert conversation.say("ja") == [response_text("utter_ask_handoff_wish")]
    assert conversation.say("Anzeige und Strafantrag") == [response_text("utter_ask_contact_preference")]
    assert conversation.say("Rückruf per Telefon") == [response_text("utter_ask_contact_detail")]
    summary = conversation.say("0151 2345678")
    assert len(summary) == 1
    for line in (
        "Was: Drohung",
        "Bundesland: Sachsen",
        f"Wann: {format_date(start)}",
        "Strafantrag (Drohung): nicht nötig",
        "Beweise: Brief",
        "Anliegen: Hilfe bei Anzeige und Strafantrag",
        "Kontakt: Rückruf unter 0151 2345678",
        "Soll ich das so weitergeben?",
    ):
        assert line in summary[0]

    done = conversation.say("ja")
    reference = REFERENCE.search(done[0])
    assert reference, done
    assert done[0].startswith("Danke. Ihre Zusammenfassung ist bei der Starken Stelle angekommen.")
    deliveries = webhook.by_reference(reference.group())
    assert len(deliveries) == 1
    body = deliveries[0]["body"]
    assert body["summary"]["incidents"] == ["report_threat"]
    assert body["summary"]["bundesland"] == "Sachsen"
    assert body["summary"]["incident_date"] == start.isoformat()
    assert body["summary"]["deadline"] is None
    assert body["summary"]["evidence"] == ["letter"]
    assert body["contact"] == {"phone": "0151 2345678"}
    # delivered: the phone number is gone from the outbox
    with sqlite3.connect(outbox_path) as db:
        dump = "\n".join(str(row) for row in db.execute("SELECT * FROM cases"))
    assert reference.group() in dump
    assert "2345678" not in dump


def test_without_consent_the_summary_is_given_to_take_along(
    conversation: Conversation, webhook: WebhookReceiver
) -> None:
    conversation.say("Hallo")
    replies = conversation.say("Ein Ratskollege hat mich in der Sitzung als Lügnerin und dumme Kuh beschimpft")
    assert replies[0] == response_text("utter_ack_report_insult")
    assert replies[-1] == response_text("utter_ask_incident_date")
    yesterday = date.today() - timedelta(days=1)
    replies = conversation.say("gestern")
    assert format_date(strafantrag_deadline(yesterday)) in " ".join(replies)
    assert replies[-1] == response_text("utter_ask_handoff_consent")
    before = len(webhook.received)
    replies = conversation.say("nein")
    assert replies[0].startswith("In Ordnung, ich gebe nichts weiter.")
    assert "Was: Beleidigung" in replies[0] and "Kontakt" not in replies[0]
    assert "0800 300 99 44" in " ".join(replies)
    assert len(webhook.received) == before


def test_unclear_dates_are_asked_again_never_guessed(conversation: Conversation) -> None:
    conversation.say("Hallo")
    conversation.say("jemand hat auf meine Wahlplakate Hakenkreuze geschmiert und die Reifen zerstochen")
    ask = response_text("utter_ask_incident_date")
    assert conversation.say("letzte Woche") == [response_text("utter_date_vague"), ask]
    assert conversation.say("am 31. Februar") == [response_text("utter_date_unparseable"), ask]
    replies = conversation.say("Weiß ich nicht")
    assert replies[0] == response_text("utter_deadline_general")
    assert replies[-1] == response_text("utter_ask_handoff_consent")


def test_future_dates_are_rejected(conversation: Conversation) -> None:
    conversation.say("Hallo")
    conversation.say("jemand hat mein auto zerkratzt und die scheiben eingeschlagen")
    future = date.today() + timedelta(days=10)
    replies = conversation.say(f"am {future.day}.{future.month}.{future.year}")
    assert replies == [response_text("utter_date_future"), response_text("utter_ask_incident_date")]


def test_anonymous_handoff_keeps_no_contact_details(conversation: Conversation, webhook: WebhookReceiver) -> None:
    conversation.say("Hallo")
    conversation.say("Ich möchte mit einem Menschen sprechen")
    assert conversation.say("ja") == [response_text("utter_ask_handoff_wish")]
    conversation.say("Seelische Unterstützung")
    summary = conversation.say("Anonym, ich melde mich selbst")
    assert "Kontakt: anonym" in summary[0]
    done = conversation.say("ja")
    reference = REFERENCE.search(done[0])
    assert reference
    body = webhook.by_reference(reference.group())[0]["body"]
    assert body["contact"] is None
    assert body["summary"]["wish"] == "seelisch"


def test_no_to_the_summary_goes_through_it_again(conversation: Conversation) -> None:
    conversation.say("Hallo")
    conversation.say("Ich möchte mit einem Menschen sprechen")
    conversation.say("ja")
    conversation.say("Orientierung und Beratung")
    conversation.say("Antwort per E-Mail")
    summary = conversation.say("anna.muster@beispiel.de")
    assert "Kontakt: Antwort an anna.muster@beispiel.de" in summary[0]
    replies = conversation.say("nein")
    assert replies == [response_text("utter_handoff_revise"), response_text("utter_ask_handoff_consent")]
    replies = conversation.say("nein")
    assert replies[0].startswith("In Ordnung, ich gebe nichts weiter.")
    assert "anna.muster" not in " ".join(replies)


def test_invalid_phone_is_asked_once_then_anonymous(conversation: Conversation) -> None:
    conversation.say("Hallo")
    conversation.say("Kann mich jemand zurückrufen?")
    conversation.say("ja")
    conversation.say("Rechtliche Orientierung")
    conversation.say("Rückruf per Telefon")
    assert conversation.say("ruft mich an") == [
        response_text("utter_contact_invalid_phone"),
        response_text("utter_ask_contact_detail"),
    ]
    replies = conversation.say("lieber nicht")
    assert replies[0] == response_text("utter_contact_declined")
    assert "Kontakt: anonym" in replies[1]


def test_emergency_leaves_the_handoff_form(conversation: Conversation) -> None:
    conversation.say("Hallo")
    conversation.say("ich möchte mit einem Menschen reden")
    replies = conversation.say("Hilfe, da steht gerade einer mit einem Messer vor meiner Tür")
    assert replies[0] == response_text("utter_emergency")
    assert conversation.tracker().active_loop_name is None
