"""Our tracker store: conversations are stored as in Rasa, and deleted on request or on expiry.

Each test runs against the in-memory store and the SQL store (a SQLite file in tmp_path). What is
stored is read from the store's own storage – the dict of the in-memory store, the ``events``
table through a separate sqlite3 connection – so a test fails if any event remains.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore, TrackerStore
from rasa.core.utils import AvailableEndpoints
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, Restarted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.deletion import ActionDeleteConversation
from bot.deletion import DELETE_ACTION, deletion_marker
from components.tracker_store import (
    DeletingSQLTrackerStore,
    DeletingTrackerStore,
    delete_conversation,
    deleting_store,
)
from tools.conversation import ENDPOINTS

SENDER = "sender-4711-do-not-log"
OTHER = "someone-else"
HOUR = 3600.0


def make_store(kind: str, tmp_path: Path, **kwargs: Any) -> DeletingTrackerStore | DeletingSQLTrackerStore:
    if kind == "memory":
        return DeletingTrackerStore(Domain.empty(), **kwargs)
    return DeletingSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "trackers.db"), **kwargs)


@pytest.fixture(params=["memory", "sql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> DeletingTrackerStore | DeletingSQLTrackerStore:
    return make_store(request.param, tmp_path)


def stored_events(store: TrackerStore, sender_id: str) -> list[dict[str, Any]]:
    """Every event the store holds for ``sender_id``, read from its storage, not through it."""
    if isinstance(store, DeletingTrackerStore):
        serialised = store.store.get(sender_id)
        return json.loads(serialised)["events"] if serialised else []
    assert isinstance(store, DeletingSQLTrackerStore)
    with sqlite3.connect(store.engine.url.database) as db:
        rows = db.execute("SELECT data FROM events WHERE sender_id = ? ORDER BY id", (sender_id,)).fetchall()
    return [json.loads(data) for (data,) in rows]


def turn(tracker: DialogueStateTracker, text: str, answer: str, at: float | None = None) -> None:
    """One ordinary turn: the user writes, the bot answers, the bot listens."""
    at = time.time() if at is None else at
    tracker.update(UserUttered(text, {"name": "greet", "confidence": 1.0}, timestamp=at))
    tracker.update(ActionExecuted("utter_greet", timestamp=at))
    tracker.update(BotUttered(answer, timestamp=at))
    tracker.update(ActionExecuted("action_listen", timestamp=at))


def conversation(sender_id: str = SENDER, at: float | None = None) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender_id, [])
    at = time.time() if at is None else at
    tracker.update(ActionExecuted("action_session_start", timestamp=at))
    tracker.update(SessionStarted(timestamp=at))
    tracker.update(ActionExecuted("action_listen", timestamp=at))
    turn(tracker, "Hallo, ich werde bedroht", "Das tut mir leid.", at)
    return tracker


async def deletion_turn(tracker: DialogueStateTracker) -> None:
    """What Rasa logs when "Bitte löschen Sie alles" runs our action (its real events)."""
    tracker.update(UserUttered("Bitte löschen Sie alles", {"name": "request_deletion", "confidence": 0.98}))
    dispatcher = CollectingDispatcher()
    sdk_tracker = Tracker.from_dict(tracker.current_state(EventVerbosity.AFTER_RESTART))
    returned = await ActionDeleteConversation().run(dispatcher, sdk_tracker, {})
    tracker.update(ActionExecuted(DELETE_ACTION))
    tracker.update(BotUttered("Ich habe alles aus diesem Gespräch gelöscht."))
    for event in returned:
        parsed = Event.from_parameters(event)
        assert parsed is not None
        tracker.update(parsed)
    tracker.update(ActionExecuted("action_listen"))


async def test_a_conversation_is_stored_and_retrieved_as_in_rasa(store: TrackerStore) -> None:
    tracker = conversation()
    await store.save(tracker)
    turn(tracker, "Was soll ich tun?", "Sichern Sie Beweise.")
    await store.save(tracker)
    retrieved = await store.retrieve(SENDER)
    assert retrieved is not None
    assert [e.as_dict()["event"] for e in retrieved.events] == [e.as_dict()["event"] for e in tracker.events]
    assert retrieved.latest_message is not None and retrieved.latest_message.text == "Was soll ich tun?"
    assert len(stored_events(store, SENDER)) == len(tracker.events)
    assert SENDER in await store.keys()


async def test_the_deletion_turn_deletes_every_stored_event_of_the_sender(store: TrackerStore) -> None:
    mine, other = conversation(), conversation(OTHER)
    await store.save(mine)
    await store.save(other)
    turn(mine, "Meine Nummer ist 0151 2345678", "Danke.")
    await store.save(mine)
    assert len(stored_events(store, SENDER)) > 8

    await deletion_turn(mine)
    await store.save(mine)

    assert stored_events(store, SENDER) == []
    assert await store.retrieve(SENDER) is None
    assert await store.retrieve_full_tracker(SENDER) is None
    assert SENDER not in await store.keys()
    # nobody else's conversation is touched
    assert len(stored_events(store, OTHER)) == len(other.events)


@pytest.mark.parametrize(
    "events",
    [
        pytest.param([ActionExecuted(DELETE_ACTION), ActionExecuted("action_listen")], id="the action ran"),
        pytest.param([ActionExecuted("action_quick_exit"), Restarted(metadata=deletion_marker())], id="the marker"),
    ],
)
async def test_either_the_action_or_the_marker_deletes(store: TrackerStore, events: list[Event]) -> None:
    tracker = conversation()
    await store.save(tracker)
    tracker.update(UserUttered("/request_deletion", {"name": "request_deletion", "confidence": 1.0}))
    for event in events:
        tracker.update(event)
    await store.save(tracker)
    assert stored_events(store, SENDER) == []


async def test_only_the_latest_turn_counts_and_a_new_conversation_is_stored_again(store: TrackerStore) -> None:
    tracker = conversation()
    await deletion_turn(tracker)
    turn(tracker, "Hallo nochmal", "Guten Tag.")  # a later turn: no deletion request in it
    await store.save(tracker)
    assert len(stored_events(store, SENDER)) == len(tracker.events)

    await deletion_turn(tracker)
    await store.save(tracker)
    assert stored_events(store, SENDER) == []
    fresh = conversation()
    await store.save(fresh)
    assert len(stored_events(store, SENDER)) == len(fresh.events)


async def test_channels_delete_directly_through_rasas_wrappers(store: TrackerStore) -> None:
    await store.save(conversation())
    await store.save(conversation(OTHER))
    agent: Any = SimpleNamespace(tracker_store=FailSafeTrackerStore(store), lock_store=InMemoryLockStore())
    assert await delete_conversation(agent, SENDER) is True
    assert stored_events(store, SENDER) == []
    assert stored_events(store, OTHER) != []
    assert await delete_conversation(agent, SENDER) is False


def test_a_stock_store_is_refused_loudly() -> None:
    with pytest.raises(TypeError, match=r"endpoints\.yml"):
        deleting_store(FailSafeTrackerStore(InMemoryTrackerStore(Domain.empty())))


async def test_an_expired_conversation_is_deleted_when_it_is_retrieved(store: TrackerStore) -> None:
    await store.save(conversation(at=time.time() - 2 * HOUR))
    assert stored_events(store, SENDER) != []
    assert await store.retrieve(SENDER) is None
    assert stored_events(store, SENDER) == []


async def test_a_conversation_within_the_session_is_kept(store: TrackerStore) -> None:
    await store.save(conversation(at=time.time() - 50 * 60))  # the domain's default: 60 minutes
    assert await store.retrieve(SENDER) is not None
    assert stored_events(store, SENDER) != []


@pytest.mark.parametrize("kind", ["memory", "sql"])
async def test_the_sweep_deletes_expired_conversations_and_stays_armed(kind: str, tmp_path: Path) -> None:
    store = make_store(kind, tmp_path, expire_after_minutes=30)
    await store.save(conversation(at=time.time() - HOUR))
    await store.save(conversation(OTHER, at=time.time() - 10 * 60))
    assert store._sweep_loop is asyncio.get_running_loop()  # armed by the save
    store._timed_sweep()
    assert stored_events(store, SENDER) == []
    assert stored_events(store, OTHER) != []
    assert store._sweep_loop is asyncio.get_running_loop()  # re-armed: a conversation remains


@pytest.mark.parametrize("kind", ["memory", "sql"])
async def test_expiry_zero_keeps_conversations(kind: str, tmp_path: Path) -> None:
    store = make_store(kind, tmp_path, expire_after_minutes=0)
    await store.save(conversation(at=time.time() - 48 * HOUR))
    store._timed_sweep()
    assert await store.retrieve(SENDER) is not None


async def test_logs_name_the_event_never_the_sender_or_the_message(
    store: TrackerStore, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="components.tracker_store")
    tracker = conversation()
    await store.save(tracker)
    await deletion_turn(tracker)
    await store.save(tracker)
    ours = [r.getMessage() for r in caplog.records if r.name == "components.tracker_store"]
    assert ours == ["tracker store: conversation deleted on request"]
    assert not any(SENDER in m or "löschen" in m or "bedroht" in m for m in ours)


def test_the_in_memory_store_refuses_unknown_keys() -> None:
    with pytest.raises(ValueError, match=r"endpoints\.yml.*dialect"):
        DeletingTrackerStore(Domain.empty(), dialect="sqlite")
    with pytest.raises(ValueError, match=r"expire_after_minutes"):
        DeletingTrackerStore(Domain.empty(), expire_after_minutes="eine Stunde")


def test_endpoints_yml_configures_our_store() -> None:
    endpoint = AvailableEndpoints.read_endpoints(str(ENDPOINTS)).tracker_store
    store = TrackerStore.create(endpoint, Domain.empty())
    assert type(store) is DeletingTrackerStore  # not Rasa's silent in-memory fallback
