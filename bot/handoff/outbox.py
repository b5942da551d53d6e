"""The durable outbox: cases for the Starke Stelle wait here until their delivery is confirmed.

One SQLite file (stdlib ``sqlite3``, WAL). A case holds the non-personal summary (categories and
dates as JSON plus the German summary text) and, apart from it, the one personal datum (phone or
e-mail for a call-back). The personal datum is deleted when the case is marked delivered; with
``secure_delete`` and a WAL checkpoint it does not linger in free pages or the write-ahead log.

Nothing is opened at import or construction: the file, its directory (0700) and the schema are
created on first use. Every method opens its own short-lived connection, so one :class:`Outbox`
may be used from worker threads (``asyncio.to_thread``) and several processes may share the file.
Claims take a lease inside ``BEGIN IMMEDIATE``, so two workers never deliver the same case at once.

Times are stored as fixed-width UTC strings (lexicographic order is time order) and returned as
timezone-aware UTC datetimes; naive datetimes passed in are taken as local time.
"""

from __future__ import annotations

import builtins
import json
import logging
import os
import re
import secrets
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from bot.paths import ROOT

logger = logging.getLogger(__name__)

OUTBOX_ENV = "STARK_OUTBOX_PATH"
DEFAULT_OUTBOX_PATH = Path("var") / "handoff" / "outbox.sqlite3"
REFERENCE_PREFIX = "SIA-"
REFERENCE_LENGTH = 6
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_PATTERN = re.compile(rf"^{REFERENCE_PREFIX}[{CROCKFORD}]{{{REFERENCE_LENGTH}}}$")
REFERENCE_ATTEMPTS = 20
PENDING, DELIVERED = "pending", "delivered"
STATUSES = (PENDING, DELIVERED)
SCHEMA_VERSION = 1
BUSY_TIMEOUT_SECONDS = 10.0
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
# Crockford base32 decoding is forgiving about look-alike letters (the alphabet has no I, L, O, U).
LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0"})

SCHEMA = """
CREATE TABLE IF NOT EXISTS cases (
    reference       TEXT PRIMARY KEY,
    created_at      TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered')),
    summary         TEXT NOT NULL,
    summary_text    TEXT NOT NULL,
    personal        TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    lease_until     TEXT,
    last_error      TEXT,
    last_attempt_at TEXT,
    delivered_at    TEXT,
    delivered_via   TEXT
);
CREATE INDEX IF NOT EXISTS cases_due ON cases (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS cases_created ON cases (created_at);
"""
COLUMNS = (
    "reference, created_at, status, summary, summary_text, personal, attempts, next_attempt_at, "
    "last_error, delivered_at, delivered_via, last_attempt_at"
)


class UnknownReferenceError(LookupError):
    """No case with this reference is in the outbox."""

    def __init__(self, reference: str) -> None:
        """Remember the reference (a case reference is not personal data)."""
        super().__init__(reference)
        self.reference = reference


@dataclass(frozen=True)
class OutboxCase:
    """One case as stored; ``personal`` is None once delivered (or if the person stays anonymous).

    ``summary_text`` and ``personal`` are left out of ``repr`` so a case never leaks into logs.
    """

    reference: str
    created_at: datetime
    status: str
    summary: dict[str, Any]
    summary_text: str = field(repr=False)
    personal: dict[str, str] | None = field(repr=False)
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    delivered_at: datetime | None
    delivered_via: str | None
    last_attempt_at: datetime | None = None

    @property
    def is_delivered(self) -> bool:
        """Whether the Starke Stelle has the case (automatic delivery or marked by the desk)."""
        return self.status == DELIVERED


def default_outbox_path(env: Mapping[str, str] = os.environ) -> Path:
    """``STARK_OUTBOX_PATH`` or ``var/handoff/outbox.sqlite3``; relative paths are taken from the repo root."""
    value = (env.get(OUTBOX_ENV) or "").strip()
    path = Path(value).expanduser() if value else DEFAULT_OUTBOX_PATH
    return path if path.is_absolute() else ROOT / path


def new_reference() -> str:
    """A fresh reference such as ``SIA-7K3F9Q`` (6 random Crockford base32 characters)."""
    return REFERENCE_PREFIX + "".join(secrets.choice(CROCKFORD) for _ in range(REFERENCE_LENGTH))


def normalise_reference(text: str) -> str:
    """The canonical form of a typed reference: upper case, prefix added, look-alikes fixed.

    ``sia-7k3f9q`` and ``7K3F9Q`` become ``SIA-7K3F9Q``; ``SIA-7KIF0O`` becomes ``SIA-7K1F00``.
    """
    value = re.sub(r"\s+", "", text).upper()
    if value.startswith(REFERENCE_PREFIX):
        value = value[len(REFERENCE_PREFIX) :]
    return REFERENCE_PREFIX + value.translate(LOOKALIKES)


def utc(moment: datetime | None = None) -> datetime:
    """``moment`` (default: now) as an aware UTC datetime; naive values are local time."""
    if moment is None:
        return datetime.now(timezone.utc)
    return moment.astimezone(timezone.utc)


def _stamp(moment: datetime) -> str:
    return utc(moment).strftime(TIME_FORMAT)


def _parse(stamp: str | None) -> datetime | None:
    if stamp is None:
        return None
    return datetime.strptime(stamp, TIME_FORMAT).replace(tzinfo=timezone.utc)


def _row_to_case(row: sqlite3.Row) -> OutboxCase:
    created_at = _parse(row["created_at"])
    next_attempt_at = _parse(row["next_attempt_at"])
    assert created_at is not None and next_attempt_at is not None  # NOT NULL columns
    return OutboxCase(
        reference=row["reference"],
        created_at=created_at,
        status=row["status"],
        summary=json.loads(row["summary"]),
        summary_text=row["summary_text"],
        personal=json.loads(row["personal"]) if row["personal"] is not None else None,
        attempts=int(row["attempts"]),
        next_attempt_at=next_attempt_at,
        last_error=row["last_error"],
        delivered_at=_parse(row["delivered_at"]),
        delivered_via=row["delivered_via"],
        last_attempt_at=_parse(row["last_attempt_at"]),
    )


def _existing(connection: sqlite3.Connection, reference: str) -> sqlite3.Row:
    """The status row of ``reference``; raises :class:`UnknownReferenceError` if there is none."""
    row = connection.execute("SELECT status FROM cases WHERE reference = ?", (reference,)).fetchone()
    if row is None:
        raise UnknownReferenceError(reference)
    return row


def _make_private_dir(directory: Path) -> None:
    """Create ``directory`` and any missing parents with mode 0700; existing ones are left alone."""
    missing = []
    current = directory
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            continue
        os.chmod(path, 0o700)


class Outbox:
    """The SQLite outbox at ``path``; opened lazily, safe to share between threads and processes."""

    def __init__(self, path: Path | str) -> None:
        """Remember the path; the file and the schema are created on first use."""
        self.path = Path(path)
        self._ready = False
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        """Path only."""
        return f"Outbox({str(self.path)!r})"

    # ------------------------------------------------------------------ connection

    def _prepare(self) -> None:
        """Directory 0700, file 0600, WAL and the schema: once per object."""
        with self._lock:
            if self._ready:
                return
            _make_private_dir(self.path.parent)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            os.close(fd)
            os.chmod(self.path, 0o600)
            connection = self._open()
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("BEGIN IMMEDIATE")
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        connection.execute(statement)
                version = connection.execute("PRAGMA user_version").fetchone()[0]
                if version == 0:
                    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                elif version > SCHEMA_VERSION:
                    raise sqlite3.DatabaseError(f"outbox schema {version} is newer than this code ({SCHEMA_VERSION})")
                connection.execute("COMMIT")
            finally:
                connection.close()
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    os.chmod(side, 0o600)
            self._ready = True
            logger.debug("handoff outbox ready")

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA secure_delete=ON")
        return connection

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        self._prepare()
        connection = self._open()
        try:
            yield connection
        finally:
            connection.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` (rolled back on any error)."""
        with self._connection() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def _forget_old_pages(self, connection: sqlite3.Connection) -> None:
        """Move the WAL into the database and truncate it, so deleted data does not linger there."""
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:  # busy readers: the next checkpoint catches up
            logger.debug("handoff outbox: checkpoint postponed")

    # ------------------------------------------------------------------ API

    def enqueue(
        self,
        summary: dict[str, Any],
        summary_text: str,
        personal: dict[str, str] | None,
        now: datetime | None = None,
    ) -> OutboxCase:
        """Store a new pending case, due at once, and return it; committed before returning.

        Args:
            summary: The non-personal, JSON-serialisable part (incidents, Land, dates, categories).
            summary_text: The German summary as the user saw it, without contact details.
            personal: ``{"phone": ...}`` or ``{"email": ...}``, or None for an anonymous case.
            now: Creation time (default: now).

        Raises:
            TypeError: If ``summary`` or ``personal`` cannot be stored as JSON.
        """
        created = _stamp(utc(now))
        summary_json = json.dumps(summary, ensure_ascii=False, sort_keys=True)
        if personal is not None and not all(isinstance(v, str) for v in personal.values()):
            raise TypeError("personal data must map names to strings")
        personal_json = json.dumps(personal, ensure_ascii=False, sort_keys=True) if personal else None
        with self._transaction() as connection:
            for _ in range(REFERENCE_ATTEMPTS):
                reference = new_reference()
                try:
                    connection.execute(
                        "INSERT INTO cases (reference, created_at, status, summary, summary_text, personal, "
                        "attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
                        (reference, created, PENDING, summary_json, summary_text, personal_json, created),
                    )
                except sqlite3.IntegrityError:
                    logger.debug("handoff outbox: reference collision, drawing again")
                    continue
                break
            else:
                raise RuntimeError("could not draw a free case reference")
            row = connection.execute(f"SELECT {COLUMNS} FROM cases WHERE reference = ?", (reference,)).fetchone()
        logger.debug("handoff outbox: case %s enqueued (contact stored: %s)", reference, personal_json is not None)
        return _row_to_case(row)

    def claim_due(self, now: datetime | None = None, lease_seconds: float = 60, limit: int = 20) -> list[OutboxCase]:
        """Lease up to ``limit`` pending cases that are due and not leased by another worker.

        The lease ends after ``lease_seconds`` or with :meth:`mark_delivered` / :meth:`mark_failed`;
        a worker that dies mid-delivery therefore only delays the case.
        """
        moment = utc(now)
        stamp = _stamp(moment)
        lease_until = _stamp(moment + timedelta(seconds=lease_seconds))
        with self._transaction() as connection:
            rows = connection.execute(
                f"SELECT {COLUMNS} FROM cases WHERE status = ? AND next_attempt_at <= ? "
                "AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_attempt_at, created_at LIMIT ?",
                (PENDING, stamp, stamp, max(0, limit)),
            ).fetchall()
            connection.executemany(
                "UPDATE cases SET lease_until = ? WHERE reference = ?",
                [(lease_until, row["reference"]) for row in rows],
            )
        if rows:
            logger.debug("handoff outbox: %d case(s) claimed", len(rows))
        return [_row_to_case(row) for row in rows]

    def mark_delivered(self, reference: str, via: str, now: datetime | None = None) -> OutboxCase:
        """Record the delivery and delete the personal data; idempotent for delivered cases.

        Raises:
            UnknownReferenceError: If there is no such case.
        """
        reference = normalise_reference(reference)
        with self._transaction() as connection:
            row = _existing(connection, reference)
            if row["status"] == PENDING:
                connection.execute(
                    "UPDATE cases SET status = ?, delivered_at = ?, delivered_via = ?, personal = NULL, "
                    "lease_until = NULL, last_error = NULL WHERE reference = ?",
                    (DELIVERED, _stamp(utc(now)), via, reference),
                )
            else:
                connection.execute("UPDATE cases SET personal = NULL WHERE reference = ?", (reference,))
            updated = connection.execute(f"SELECT {COLUMNS} FROM cases WHERE reference = ?", (reference,)).fetchone()
        with self._connection() as connection:
            self._forget_old_pages(connection)
        logger.debug("handoff outbox: case %s delivered via %s, contact deleted", reference, via)
        return _row_to_case(updated)

    def mark_failed(self, reference: str, error_kind: str, now: datetime | None, next_attempt_at: datetime) -> None:
        """Count a failed attempt made at ``now``, note the error kind, release the lease, set the next attempt.

        A case that is delivered meanwhile (for example marked by the desk) stays delivered.

        Raises:
            UnknownReferenceError: If there is no such case.
        """
        reference = normalise_reference(reference)
        with self._transaction() as connection:
            _existing(connection, reference)
            connection.execute(
                "UPDATE cases SET attempts = attempts + 1, last_error = ?, last_attempt_at = ?, lease_until = NULL, "
                "next_attempt_at = ? WHERE reference = ? AND status = ?",
                (error_kind, _stamp(utc(now)), _stamp(next_attempt_at), reference, PENDING),
            )
        logger.debug("handoff outbox: case %s failed (%s)", reference, error_kind)

    def get(self, reference: str) -> OutboxCase | None:
        """The case with this reference (typed forms accepted, see :func:`normalise_reference`)."""
        with self._connection() as connection:
            row = connection.execute(
                f"SELECT {COLUMNS} FROM cases WHERE reference = ?", (normalise_reference(reference),)
            ).fetchone()
        return _row_to_case(row) if row is not None else None

    def list(self, status: str | None = None) -> builtins.list[OutboxCase]:
        """All cases, oldest first; only ``pending`` or ``delivered`` ones if ``status`` is given.

        Raises:
            ValueError: For an unknown status.
        """
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        query = f"SELECT {COLUMNS} FROM cases"
        parameters: tuple[str, ...] = ()
        if status is not None:
            query += " WHERE status = ?"
            parameters = (status,)
        with self._connection() as connection:
            rows = connection.execute(query + " ORDER BY created_at, reference", parameters).fetchall()
        return [_row_to_case(row) for row in rows]

    def count(self, status: str | None = None) -> int:
        """How many cases there are (with this status)."""
        with self._connection() as connection:
            if status is None:
                row = connection.execute("SELECT COUNT(*) FROM cases").fetchone()
            else:
                row = connection.execute("SELECT COUNT(*) FROM cases WHERE status = ?", (status,)).fetchone()
        return int(row[0])

    def purge_delivered(self, older_than: timedelta, now: datetime | None = None) -> int:
        """Delete delivered cases delivered more than ``older_than`` ago; returns how many."""
        cutoff = _stamp(utc(now) - older_than)
        with self._transaction() as connection:
            cursor = connection.execute(
                "DELETE FROM cases WHERE status = ? AND delivered_at <= ?",
                (DELIVERED, cutoff),
            )
            deleted = cursor.rowcount
        if deleted:
            with self._connection() as connection:
                self._forget_old_pages(connection)
        logger.debug("handoff outbox: %d delivered case(s) purged", deleted)
        return deleted
