"""Deletion on request in the running bot: the confirmation, and nothing left in the tracker store.

The agent uses the tracker store of endpoints.yml (tools/conversation.py), so these tests read
what the running server would keep.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from components.tracker_store import DeletingTrackerStore, deleting_store
from tests.conftest import Conversation, response_text

pytestmark = pytest.mark.model

REFERENCE = re.compile(r"\bSIA-[0-9A-Z]{6}\b")


def stored(agent: Any, loop: asyncio.AbstractEventLoop, sender_id: str) -> bool:
    """Whether the tracker store holds anything of ``sender_id`` (read without creating it)."""
    store = deleting_store(agent.tracker_store)
    assert isinstance(store, DeletingTrackerStore)  # endpoints.yml: in memory
    keys = loop.run_until_complete(store.keys())
    return sender_id in keys or sender_id in store.store


def test_bitte_loeschen_sie_alles_deletes_the_conversation(
    conversation: Conversation, agent: Any, event_loop_for_agent: asyncio.AbstractEventLoop
) -> None:
    conversation.say("Hallo")
    conversation.say("Wie lange wird das hier gespeichert?")
    conversation.say("Mein Nachbar beschimpft mich auf Facebook als Volksverräter")
    assert stored(agent, event_loop_for_agent, conversation.sender)

    assert conversation.say("Bitte löschen Sie alles") == [response_text("utter_conversation_deleted")]

    assert not stored(agent, event_loop_for_agent, conversation.sender)
    # the next message starts a new conversation, with the session notice
    assert conversation.say("Hallo")[0] == response_text("utter_privacy_notice")


@pytest.mark.parametrize("request_text", ["lösch das gespräch", "/loeschen", "vergiss alles was ich gesagt habe"])
def test_deletion_leaves_the_form_and_deletes(
    conversation: Conversation, agent: Any, event_loop_for_agent: asyncio.AbstractEventLoop, request_text: str
) -> None:
    conversation.say("Hallo")
    assert conversation.say("An wen kann ich mich wenden?") == [response_text("utter_ask_bundesland")]
    assert conversation.say(request_text) == [response_text("utter_conversation_deleted")]
    assert not stored(agent, event_loop_for_agent, conversation.sender)


def test_deletion_in_the_handoff_form_deletes_what_was_typed(
    conversation: Conversation, agent: Any, event_loop_for_agent: asyncio.AbstractEventLoop
) -> None:
    conversation.say("Hallo")
    conversation.say("Kann mich jemand zurückrufen?")
    conversation.say("ja")
    # the number in the free text fills the way of contact: the summary comes at once
    summary = conversation.say("Rechtliche Orientierung, ich bin unter 0151 7654321 erreichbar")
    assert "0151 7654321" in summary[0] and "Soll ich das so weitergeben?" in summary[0]
    store = deleting_store(agent.tracker_store)
    assert isinstance(store, DeletingTrackerStore)
    assert "7654321" in store.store[conversation.sender]

    assert conversation.say("Bitte löschen Sie alles") == [response_text("utter_conversation_deleted")]
    assert not stored(agent, event_loop_for_agent, conversation.sender)
    assert not any("7654321" in serialised for serialised in store.store.values())


def test_a_handed_over_case_stays_and_the_bot_says_so(
    conversation: Conversation, agent: Any, event_loop_for_agent: asyncio.AbstractEventLoop, outbox_path: Path
) -> None:
    conversation.say("Hallo")
    conversation.say("Ich möchte mit einem Menschen sprechen")
    conversation.say("ja")
    conversation.say("Seelische Unterstützung")
    conversation.say("Anonym, ich melde mich selbst")
    reference = REFERENCE.search(conversation.say("ja")[0])
    assert reference

    replies = conversation.say("Bitte löschen Sie alles")
    assert replies == [response_text("utter_conversation_deleted_case_kept").replace("{reference}", reference.group())]
    assert not stored(agent, event_loop_for_agent, conversation.sender)
    with sqlite3.connect(outbox_path) as db:
        assert db.execute("SELECT COUNT(*) FROM cases WHERE reference = ?", (reference.group(),)).fetchone() == (1,)
