"""The handoff outbox: durable cases, references, leases, and personal data deleted once delivered."""

from __future__ import annotations

import logging
import sqlite3
import stat
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from bot.handoff import outbox as outbox_module
from bot.handoff.outbox import (
    CROCKFORD,
    DELIVERED,
    PENDING,
    REFERENCE_PATTERN,
    Outbox,
    UnknownReferenceError,
    default_outbox_path,
    new_reference,
    normalise_reference,
)

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
PHONE = "+49 30 9876543"
EMAIL = "ratsfrau.muster@example.org"
SUMMARY: dict[str, Any] = {
    "incidents": ["report_threat"],
    "bundesland": "Sachsen",
    "incident_date": "2026-02-27",
    "deadline": "2026-05-27",
    "evidence": ["screenshots", "letter"],
    "wish": "sicherheit",
    "contact_preference": "telefon",
}
SUMMARY_TEXT = "• Was: Drohung gegen die Ortsbürgermeisterin\n• Bundesland: Sachsen"


@pytest.fixture
def box(tmp_path: Path) -> Outbox:
    return Outbox(tmp_path / "handoff" / "outbox.sqlite3")


def test_enqueue_get_and_list_round_trip(box: Outbox) -> None:
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE}, now=T0)
    anonymous = box.enqueue({**SUMMARY, "contact_preference": "anonym"}, "• Was: Hass", None, now=T0 + timedelta(1))

    stored = box.get(case.reference)
    assert stored == case
    assert stored.status == PENDING
    assert stored.summary == SUMMARY
    assert stored.summary_text == SUMMARY_TEXT
    assert stored.personal == {"phone": PHONE}
    assert stored.created_at == T0
    assert stored.next_attempt_at == T0  # due at once
    assert stored.attempts == 0
    assert (stored.last_error, stored.delivered_at, stored.delivered_via, stored.last_attempt_at) == (None,) * 4
    stored_anonymous = box.get(anonymous.reference)
    assert stored_anonymous is not None and stored_anonymous.personal is None

    assert [c.reference for c in box.list()] == [case.reference, anonymous.reference]
    assert [c.reference for c in box.list(PENDING)] == [case.reference, anonymous.reference]
    assert box.list(DELIVERED) == []
    assert box.count() == 2
    assert box.get("SIA-000000") is None
    with pytest.raises(ValueError):
        box.list("lost")


def test_enqueue_is_durable_before_returning(box: Outbox) -> None:
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, None, now=T0)
    with sqlite3.connect(box.path) as other:
        rows = other.execute("SELECT reference, status FROM cases").fetchall()
    assert rows == [(case.reference, PENDING)]


def test_nothing_is_created_before_first_use(tmp_path: Path) -> None:
    path = tmp_path / "var" / "handoff" / "outbox.sqlite3"
    box = Outbox(path)
    assert not path.parent.exists()
    assert box.list() == []
    assert path.is_file()


def test_directory_and_file_are_private_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "var" / "handoff" / "outbox.sqlite3"
    Outbox(path).enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE}, now=T0)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "var").stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_default_path_from_environment_or_repo_root(tmp_path: Path) -> None:
    root = Path(outbox_module.__file__).resolve().parents[2]
    assert default_outbox_path({}) == root / "var" / "handoff" / "outbox.sqlite3"
    assert default_outbox_path({"STARK_OUTBOX_PATH": str(tmp_path / "x.db")}) == tmp_path / "x.db"
    assert default_outbox_path({"STARK_OUTBOX_PATH": "data/o.db"}) == root / "data" / "o.db"


def test_references_are_short_crockford_and_unique(box: Outbox) -> None:
    references = {box.enqueue(SUMMARY, SUMMARY_TEXT, None, now=T0).reference for _ in range(300)}
    assert len(references) == 300
    for reference in references:
        assert REFERENCE_PATTERN.match(reference), reference
        assert len(reference) == 10
        assert set(reference[4:]) <= set(CROCKFORD)
        assert not set(reference[4:]) & set("ILOU")
    assert len({new_reference() for _ in range(1000)}) > 990


def test_reference_collision_draws_again(box: Outbox, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = iter(["SIA-AAAAAA", "SIA-AAAAAA", "SIA-BBBBBB"])
    monkeypatch.setattr(outbox_module, "new_reference", lambda: next(drawn))
    first = box.enqueue(SUMMARY, SUMMARY_TEXT, None, now=T0)
    second = box.enqueue(SUMMARY, SUMMARY_TEXT, None, now=T0)
    assert (first.reference, second.reference) == ("SIA-AAAAAA", "SIA-BBBBBB")
    assert box.count() == 2


def test_typed_references_are_normalised(box: Outbox) -> None:
    assert normalise_reference(" sia-7k3f9q ") == "SIA-7K3F9Q"
    assert normalise_reference("7K3F9Q") == "SIA-7K3F9Q"
    assert normalise_reference("SIA-7KIFOQ") == "SIA-7K1F0Q"
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, None, now=T0)
    assert box.get(case.reference.lower()) == case


def test_claim_sets_a_lease_that_blocks_a_second_claim_until_it_expires(box: Outbox) -> None:
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE}, now=T0)

    first = box.claim_due(T0, lease_seconds=60)
    assert [c.reference for c in first] == [case.reference]
    assert first[0].personal == {"phone": PHONE}  # the sink needs it
    assert box.claim_due(T0 + timedelta(seconds=30), lease_seconds=60) == []
    assert box.claim_due(T0 + timedelta(seconds=59), lease_seconds=60) == []
    again = box.claim_due(T0 + timedelta(seconds=61), lease_seconds=60)
    assert [c.reference for c in again] == [case.reference]


def test_claim_takes_only_due_pending_cases_up_to_the_limit(box: Outbox) -> None:
    cases = [box.enqueue(SUMMARY, SUMMARY_TEXT, None, now=T0 + timedelta(seconds=i)) for i in range(5)]
    assert box.claim_due(T0 - timedelta(seconds=1)) == []  # none is due yet
    claimed = box.claim_due(T0 + timedelta(seconds=10), limit=3)
    assert [c.reference for c in claimed] == [c.reference for c in cases[:3]]  # oldest first
    box.mark_delivered(cases[3].reference, "test", now=T0)
    rest = box.claim_due(T0 + timedelta(seconds=10))
    assert [c.reference for c in rest] == [cases[4].reference]


def test_failed_attempt_counts_releases_lease_and_postpones(box: Outbox) -> None:
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE}, now=T0)
    box.claim_due(T0)
    later = T0 + timedelta(seconds=90)
    box.mark_failed(case.reference, "webhook_http (503)", T0 + timedelta(seconds=2), later)

    failed = box.get(case.reference)
    assert failed is not None
    assert failed.status == PENDING
    assert failed.attempts == 1
    assert failed.last_error == "webhook_http (503)"
    assert failed.next_attempt_at == later
    assert failed.last_attempt_at == T0 + timedelta(seconds=2)
    assert failed.personal == {"phone": PHONE}  # kept until delivered
    assert box.claim_due(T0 + timedelta(seconds=89)) == []
    assert [c.reference for c in box.claim_due(later)] == [case.reference]  # lease was released


def test_two_workers_never_claim_the_same_case(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    seed = Outbox(path)
    expected = {seed.enqueue(SUMMARY, SUMMARY_TEXT, None, now=T0).reference for _ in range(40)}
    claimed: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(4)

    def worker() -> None:
        box = Outbox(path)  # its own object, as in another process
        start.wait()
        try:
            while batch := box.claim_due(T0 + timedelta(seconds=1), lease_seconds=600, limit=3):
                with lock:
                    claimed.extend(c.reference for c in batch)
        except BaseException as exc:  # a busy/locked database must not happen either
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(claimed) == sorted(expected)  # each exactly once


def test_delivery_deletes_personal_data_also_from_the_file(box: Outbox) -> None:
    box.count()  # create the file
    # another process (the action server or the worker) keeps the database open, so the
    # write-ahead log is not removed on close: the outbox must checkpoint it itself
    observer = sqlite3.connect(box.path)
    observer.execute("SELECT COUNT(*) FROM cases").fetchall()
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"email": EMAIL}, now=T0)
    assert EMAIL.encode() in _file_bytes(box.path)

    delivered = box.mark_delivered(case.reference, "smtp", now=T0 + timedelta(minutes=1))
    assert EMAIL.encode() not in _file_bytes(box.path)
    observer.close()

    assert delivered.status == DELIVERED
    assert delivered.personal is None
    assert delivered.delivered_via == "smtp"
    assert delivered.delivered_at == T0 + timedelta(minutes=1)
    stored = box.get(case.reference)
    assert stored is not None and stored.personal is None
    assert stored.summary == SUMMARY  # the non-personal part stays
    assert EMAIL.encode() not in _file_bytes(box.path)


def test_mark_delivered_is_idempotent_and_failures_do_not_undo_it(box: Outbox) -> None:
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE}, now=T0)
    box.mark_delivered(case.reference, "webhook", now=T0)
    again = box.mark_delivered(case.reference, "manuell", now=T0 + timedelta(hours=1))
    assert (again.delivered_via, again.delivered_at) == ("webhook", T0)
    box.mark_failed(case.reference, "late_worker", T0, T0 + timedelta(seconds=30))
    stored = box.get(case.reference)
    assert stored is not None
    assert stored.status == DELIVERED
    assert stored.attempts == 0
    assert box.claim_due(T0 + timedelta(days=1)) == []


def test_unknown_references_raise(box: Outbox) -> None:
    with pytest.raises(UnknownReferenceError):
        box.mark_delivered("SIA-ZZZZZZ", "manuell")
    with pytest.raises(UnknownReferenceError):
        box.mark_failed("SIA-ZZZZZZ", "x", T0, T0)


def test_purge_deletes_only_old_delivered_cases(box: Outbox) -> None:
    old = box.enqueue(SUMMARY, SUMMARY_TEXT, None, now=T0)
    recent = box.enqueue(SUMMARY, SUMMARY_TEXT, None, now=T0)
    waiting = box.enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE}, now=T0)
    box.mark_delivered(old.reference, "smtp", now=T0)
    box.mark_delivered(recent.reference, "smtp", now=T0 + timedelta(days=25))

    deleted = box.purge_delivered(timedelta(days=30), now=T0 + timedelta(days=31))

    assert deleted == 1
    assert box.get(old.reference) is None
    assert box.get(recent.reference) is not None
    assert box.get(waiting.reference) is not None  # pending cases are never purged
    assert box.purge_delivered(timedelta(0), now=T0 + timedelta(days=400)) == 1
    assert [c.reference for c in box.list()] == [waiting.reference]


def test_purged_cases_leave_no_text_in_the_file(box: Outbox) -> None:
    marker = "Einzigartiger Fallvermerk 4711"
    keep = box.enqueue(SUMMARY, SUMMARY_TEXT, None, now=T0)
    gone = [box.enqueue(SUMMARY, f"{marker} {i} " + "x" * 300, None, now=T0) for i in range(20)]
    for case in gone:
        box.mark_delivered(case.reference, "smtp", now=T0)
    assert marker.encode() in _file_bytes(box.path)
    assert box.purge_delivered(timedelta(days=1), now=T0 + timedelta(days=2)) == 20
    assert marker.encode() not in _file_bytes(box.path)
    assert box.get(keep.reference) is not None


def test_a_new_outbox_object_on_the_same_file_sees_the_cases(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    reference = Outbox(path).enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE}, now=T0).reference
    reopened = Outbox(path)
    case = reopened.get(reference)
    assert case is not None and case.personal == {"phone": PHONE}


def test_repr_of_a_case_hides_text_and_contact(box: Outbox) -> None:
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE}, now=T0)
    assert case.reference in repr(case)
    assert PHONE not in repr(case)
    assert "Ortsbürgermeisterin" not in repr(case)


def test_summary_must_be_json(box: Outbox) -> None:
    with pytest.raises(TypeError):
        box.enqueue({"when": datetime.now()}, SUMMARY_TEXT, None)
    assert box.count() == 0


def test_outbox_logs_no_case_texts_or_contacts(box: Outbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    phone_case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE}, now=T0)
    mail_case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"email": EMAIL}, now=T0)
    box.claim_due(T0)
    box.mark_failed(phone_case.reference, "smtp_connection", T0, T0)
    box.mark_delivered(mail_case.reference, "smtp", T0)
    box.purge_delivered(timedelta(0), T0 + timedelta(1))
    assert phone_case.reference in caplog.text  # there is logging, with references only
    for secret in (PHONE, EMAIL, SUMMARY_TEXT, "Ortsbürgermeisterin"):
        assert secret not in caplog.text


def _file_bytes(path: Path) -> bytes:
    data = b""
    for suffix in ("", "-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            data += side.read_bytes()
    return data
