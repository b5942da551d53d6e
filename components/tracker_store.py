"""Our tracker store: Rasa's in-memory or SQL store that deletes conversations and lets them expire.

``endpoints.yml`` names the class (``tracker_store: type: components.tracker_store.…``):

- :class:`DeletingTrackerStore` keeps conversations in memory (the default);
- :class:`DeletingSQLTrackerStore` keeps them in an SQL database and takes the keys of Rasa's
  ``SQLTrackerStore`` (``dialect``, ``url``, ``db``, ``username``, ``password``, ...).

Both behave like the Rasa store they extend, with two differences:

1. **Deletion on request.** When a tracker is saved whose latest turn shows the deletion action
   or the deletion marker (:mod:`bot.deletion`), every stored event of that conversation is
   deleted instead (a SQL ``DELETE`` of the sender's rows). Channels delete directly with
   :func:`delete_conversation` (quick exit, a messenger's delete command).
2. **Expiry.** A conversation without an event for ``expire_after_minutes`` (default: the
   domain's ``session_expiration_time``; 0 keeps conversations) is deleted when it is next
   retrieved, and a sweep once a minute (a timer on the server's event loop, armed while
   conversations are stored) deletes the ones nobody comes back to.

Logs name what happened, never a sender id or a message.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore, TrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

from bot.deletion import deletion_requested

if TYPE_CHECKING:
    from rasa.core.agent import Agent
    from rasa.core.brokers.broker import EventBroker
    from rasa.shared.core.domain import Domain

logger = logging.getLogger(__name__)

SWEEP_INTERVAL_SECONDS = 60.0
CONFIG_KEY = "endpoints.yml: tracker_store.expire_after_minutes"


def _minutes(value: Any) -> float | None:
    """``expire_after_minutes`` as a number, or None for the domain's session expiration time."""
    if value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{CONFIG_KEY} must be a number of minutes, got {value!r}") from None


def _log_failure(what: str, exc: Exception) -> None:
    """Log a failure by its type only: database errors quote their parameters (the sender id)."""
    logger.error("tracker store: %s failed (%s)", what, type(exc).__name__)


def _last_event_time(tracker: DialogueStateTracker) -> float | None:
    """When the latest event of ``tracker`` happened (None for a tracker without events)."""
    return tracker.events[-1].timestamp if tracker.events else None


class _DeletingStore(TrackerStore):
    """What both of our stores add to the Rasa store they extend (see the module docstring)."""

    def __init__(self, *args: Any, expire_after_minutes: Any = None, **kwargs: Any) -> None:
        """Take ``expire_after_minutes``; everything else goes to the Rasa store."""
        self._expire_after_minutes = _minutes(expire_after_minutes)
        self._sweep_loop: asyncio.AbstractEventLoop | None = None
        super().__init__(*args, **kwargs)

    def _delete_events(self, sender_id: str) -> bool:
        """Delete every stored event of ``sender_id``; whether there were any."""
        raise NotImplementedError

    def _expired_senders(self, cutoff: float) -> list[str]:
        """Conversations whose latest stored event is older than ``cutoff`` (a Unix time)."""
        raise NotImplementedError

    def _has_conversations(self) -> bool:
        """Whether the sweep should stay armed."""
        return True

    async def delete_conversation(self, sender_id: str) -> bool:
        """Delete the whole conversation of ``sender_id`` now; whether anything was stored."""
        deleted = self._delete_events(sender_id)
        logger.info("tracker store: conversation deleted on request")
        return deleted

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Save ``tracker`` – or delete its conversation if its latest turn asks for that."""
        if deletion_requested(event.as_dict() for event in reversed(tracker.events)):
            try:
                await self.delete_conversation(tracker.sender_id)
            except Exception as exc:  # not raised: Rasa's fail-safe store would keep a copy in memory
                _log_failure("deleting a conversation", exc)
            return
        await super().save(tracker)
        self._arm_sweep()

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The latest session of ``sender_id``, unless the conversation has expired."""
        return self._unless_expired(sender_id, await super().retrieve(sender_id))

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        """All sessions of ``conversation_id``, unless the conversation has expired."""
        return self._unless_expired(conversation_id, await super().retrieve_full_tracker(conversation_id))

    def _cutoff(self) -> float | None:
        """Conversations with no event since this Unix time have expired (None: never)."""
        minutes = self._expire_after_minutes
        if minutes is None:
            minutes = float(self.domain.session_config.session_expiration_time)
        return time.time() - minutes * 60 if minutes > 0 else None

    def _unless_expired(self, sender_id: str, tracker: DialogueStateTracker | None) -> DialogueStateTracker | None:
        cutoff = self._cutoff()
        last = _last_event_time(tracker) if tracker is not None else None
        if cutoff is None or last is None or last >= cutoff:
            return tracker
        self._delete_events(sender_id)
        logger.info("tracker store: expired conversation deleted")
        return None

    def _sweep(self) -> None:
        """Delete the conversations that have expired."""
        cutoff = self._cutoff()
        expired = self._expired_senders(cutoff) if cutoff is not None else []
        for sender_id in expired:
            self._delete_events(sender_id)
        if expired:
            logger.info("tracker store: %d expired conversation(s) deleted", len(expired))

    def _arm_sweep(self) -> None:
        """Make sure a sweep runs within ``SWEEP_INTERVAL_SECONDS`` on the running event loop."""
        loop = asyncio.get_running_loop()
        if self._sweep_loop is not loop:
            self._sweep_loop = loop
            loop.call_later(SWEEP_INTERVAL_SECONDS, self._timed_sweep)

    def _timed_sweep(self) -> None:
        self._sweep_loop = None
        try:
            self._sweep()
        except Exception as exc:  # a database hiccup must not stop the sweeps
            _log_failure("the sweep of expired conversations", exc)
        if self._has_conversations():
            self._arm_sweep()


class DeletingTrackerStore(_DeletingStore, InMemoryTrackerStore):
    """Conversations in the server's memory only (the default in ``endpoints.yml``)."""

    def __init__(
        self,
        domain: Domain | None = None,
        event_broker: EventBroker | None = None,
        host: str | None = None,
        expire_after_minutes: Any = None,
        **unknown: Any,
    ) -> None:
        """Like Rasa's ``InMemoryTrackerStore``, plus ``expire_after_minutes``; no other keys."""
        if host or unknown:
            keys = sorted([*unknown, *(["url"] if host else [])])
            raise ValueError(f"endpoints.yml: tracker_store: unknown key(s) for {type(self).__name__}: {keys}")
        self._last_event_at: dict[str, float] = {}
        super().__init__(domain, event_broker, expire_after_minutes=expire_after_minutes)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Save (or delete, see :class:`_DeletingStore`) and remember when the latest event was."""
        await super().save(tracker)
        if tracker.sender_id in self.store:
            self._last_event_at[tracker.sender_id] = _last_event_time(tracker) or time.time()

    def _delete_events(self, sender_id: str) -> bool:
        self._last_event_at.pop(sender_id, None)
        return self.store.pop(sender_id, None) is not None

    def _expired_senders(self, cutoff: float) -> list[str]:
        return [sender_id for sender_id, last in self._last_event_at.items() if last < cutoff]

    def _has_conversations(self) -> bool:
        return bool(self.store)


class DeletingSQLTrackerStore(_DeletingStore, SQLTrackerStore):
    """Conversations in an SQL database (``dialect: sqlite`` with a file, or PostgreSQL)."""

    def _delete_events(self, sender_id: str) -> bool:
        with self.session_scope() as session:
            deleted = (
                session.query(self.SQLEvent)
                .filter(self.SQLEvent.sender_id == sender_id)
                .delete(synchronize_session=False)
            )
            session.commit()
        return bool(deleted)

    def _expired_senders(self, cutoff: float) -> list[str]:
        with self.session_scope() as session:
            rows = (
                session.query(self.SQLEvent.sender_id)
                .group_by(self.SQLEvent.sender_id)
                .having(sa.func.max(self.SQLEvent.timestamp) < cutoff)
                .all()
            )
        return [sender_id for (sender_id,) in rows]


def deleting_store(store: TrackerStore) -> _DeletingStore:
    """Our store inside the wrappers Rasa puts around it (``FailSafeTrackerStore``, ...).

    Raises:
        TypeError: If ``endpoints.yml`` does not configure one of our stores.
    """
    current: Any = store
    while not isinstance(current, _DeletingStore):
        # Rasa's wrappers keep the store they wrap in ``_tracker_store``.
        current = getattr(current, "_tracker_store", None)
        if not isinstance(current, TrackerStore):
            raise TypeError("endpoints.yml: tracker_store is not a components.tracker_store store; cannot delete")
    return current


async def delete_conversation(agent: Agent, sender_id: str) -> bool:
    """Delete the conversation of ``sender_id`` now, for channels (quick exit, delete command).

    Waits for a message of the same conversation that is being handled (Rasa's conversation
    lock), so that its save cannot bring the conversation back. Returns whether anything was
    stored.
    """
    store = deleting_store(agent.tracker_store)
    async with agent.lock_store.lock(sender_id):
        return await store.delete_conversation(sender_id)
