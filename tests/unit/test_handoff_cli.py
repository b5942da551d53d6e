"""The desk's command line ``python -m bot.handoff``: German output, exit codes, no personal data in lists or logs."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import signal
import stat
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from bot.handoff.__main__ import main
from bot.handoff.outbox import DELIVERED, PENDING, Outbox
from tests.unit.test_handoff_delivery import fake_smtp, free_port

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
PHONE = "+49 341 2233445"
EMAIL = "stadtraetin.beispiel@example.org"
SUMMARY: dict[str, Any] = {
    "incidents": ["report_stalking"],
    "bundesland": "Sachsen",
    "incident_date": None,
    "deadline": None,
    "evidence": ["messages", "witnesses"],
    "wish": "sicherheit",
    "contact_preference": "telefon",
}
SUMMARY_TEXT = "• Was: Nachstellung vor dem Rathaus\n• Bundesland: Sachsen"
SECRETS = (PHONE, EMAIL, SUMMARY_TEXT, "Rathaus")


@pytest.fixture
def outbox_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh outbox file named by STARK_OUTBOX_PATH; no other STARK_* settings."""
    for name in list(os.environ):
        if name.startswith("STARK_"):
            monkeypatch.delenv(name)
    path = tmp_path / "handoff" / "outbox.sqlite3"
    monkeypatch.setenv("STARK_OUTBOX_PATH", str(path))
    return path


@pytest.fixture
def box(outbox_path: Path) -> Outbox:
    return Outbox(outbox_path)


def smtp_env(monkeypatch: pytest.MonkeyPatch, port: int) -> None:
    monkeypatch.setenv("STARK_HANDOFF_SINK", "smtp")
    monkeypatch.setenv("STARK_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("STARK_SMTP_PORT", str(port))
    monkeypatch.setenv("STARK_SMTP_SECURITY", "none")
    monkeypatch.setenv("STARK_SMTP_FROM", "assistent@example.org")
    monkeypatch.setenv("STARK_SMTP_TO", "stelle@example.org")


def two_cases(box: Outbox) -> tuple[str, str]:
    """A pending case with a phone number and a delivered one that had an e-mail address."""
    waiting = box.enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE}, now=T0)
    box.mark_failed(waiting.reference, "webhook_http (503)", T0, T0 + timedelta(seconds=30))
    done = box.enqueue({**SUMMARY, "contact_preference": "email"}, SUMMARY_TEXT, {"email": EMAIL}, now=T0)
    box.mark_delivered(done.reference, "smtp", now=T0 + timedelta(minutes=1))
    return waiting.reference, done.reference


def assert_private(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} in output"


# ---------------------------------------------------------------------- list / show


def test_list_shows_a_table_without_personal_data(box: Outbox, capsys: pytest.CaptureFixture[str]) -> None:
    waiting, done = two_cases(box)
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0]
    for column in ("Referenz", "erstellt", "Status", "Versuche", "letzter Fehler"):
        assert column in header
    assert waiting in out and done in out
    waiting_line = next(line for line in out.splitlines() if waiting in line)
    assert "offen" in waiting_line and "webhook_http (503)" in waiting_line and "02.03.2026 10:30" in waiting_line
    assert "zugestellt" in next(line for line in out.splitlines() if done in line)
    assert "2 Fälle" in out
    assert_private(out)


def test_list_filters_by_status(box: Outbox, capsys: pytest.CaptureFixture[str]) -> None:
    waiting, done = two_cases(box)
    assert main(["list", "--status", "pending"]) == 0
    out = capsys.readouterr().out
    assert waiting in out and done not in out and "1 Fall" in out
    assert main(["list", "--status", "delivered"]) == 0
    out = capsys.readouterr().out
    assert done in out and waiting not in out


def test_list_without_an_outbox_does_not_create_one(outbox_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    assert "Keine Fälle" in capsys.readouterr().out
    assert not outbox_path.exists()


def test_show_prints_summary_and_contact_while_stored(box: Outbox, capsys: pytest.CaptureFixture[str]) -> None:
    waiting, done = two_cases(box)
    assert main(["show", waiting.lower()]) == 0
    out = capsys.readouterr().out
    assert waiting in out
    assert SUMMARY_TEXT in out
    assert PHONE in out and "Rückruf" in out
    assert "offen" in out and "webhook_http (503)" in out

    assert main(["show", done]) == 0
    out = capsys.readouterr().out
    assert SUMMARY_TEXT in out and "zugestellt" in out
    assert EMAIL not in out
    assert "nicht mehr gespeichert" in out


def test_show_unknown_reference_fails(box: Outbox, capsys: pytest.CaptureFixture[str]) -> None:
    two_cases(box)
    assert main(["show", "SIA-ZZZZZZ"]) == 1
    captured = capsys.readouterr()
    assert "Unbekannte Referenz: SIA-ZZZZZZ" in captured.err
    assert captured.out == ""


# ---------------------------------------------------------------------- export


def test_export_json_of_pending_cases_includes_the_contact(box: Outbox, capsys: pytest.CaptureFixture[str]) -> None:
    waiting, done = two_cases(box)
    assert main(["export"]) == 0
    captured = capsys.readouterr()
    records = json.loads(captured.out)
    assert [r["reference"] for r in records] == [waiting]
    record = records[0]
    assert record["contact"] == {"phone": PHONE}
    assert record["summary"] == SUMMARY
    assert record["summary_text"] == SUMMARY_TEXT
    assert record["status"] == PENDING and record["attempts"] == 1
    assert "Kontaktdaten" in captured.err  # the desk is warned

    assert main(["export", "--status", "all", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert {r["reference"]: r["contact"] for r in records} == {waiting: {"phone": PHONE}, done: None}


def test_export_csv(box: Outbox, capsys: pytest.CaptureFixture[str]) -> None:
    waiting, _ = two_cases(box)
    assert main(["export", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 1
    row = rows[0]
    assert row["Referenz"] == waiting
    assert row["Status"] == "offen"
    assert row["Bundesland"] == "Sachsen"
    assert row["Beweise"] == "messages, witnesses"
    assert row["Kontaktweg"] == "telefon"
    assert row["Telefon"] == "'" + PHONE  # no formula in spreadsheets
    assert row["E-Mail"] == ""
    assert row["Zusammenfassung"] == SUMMARY_TEXT


def test_export_to_a_private_file(box: Outbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    waiting, _ = two_cases(box)
    target = tmp_path / "export.json"
    assert main(["export", "--output", str(target)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "1 Fall" in captured.err and str(target) in captured.err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert json.loads(target.read_text(encoding="utf-8"))[0]["reference"] == waiting
    assert main(["export", "--output", str(tmp_path / "missing" / "x.json")]) == 1


# ---------------------------------------------------------------------- mark / purge


def test_mark_delivered_by_hand_deletes_the_contact(box: Outbox, capsys: pytest.CaptureFixture[str]) -> None:
    waiting, _ = two_cases(box)
    assert main(["mark", waiting, "--delivered"]) == 0
    assert "als zugestellt vermerkt" in capsys.readouterr().out
    case = box.get(waiting)
    assert case is not None
    assert (case.status, case.delivered_via, case.personal) == (DELIVERED, "manuell", None)
    assert PHONE.encode() not in outbox_bytes(box.path)

    assert main(["mark", waiting, "--delivered"]) == 0
    assert "bereits" in capsys.readouterr().out


def test_mark_errors(box: Outbox, capsys: pytest.CaptureFixture[str]) -> None:
    waiting, _ = two_cases(box)
    assert main(["mark", "SIA-ZZZZZZ", "--delivered"]) == 1
    assert "Unbekannte Referenz" in capsys.readouterr().err
    assert main(["mark", waiting]) == 2  # --delivered is required
    assert "Fehler" in capsys.readouterr().err
    case = box.get(waiting)
    assert case is not None and case.status == PENDING


def test_purge_deletes_old_delivered_cases(box: Outbox, capsys: pytest.CaptureFixture[str]) -> None:
    waiting, done = two_cases(box)  # delivered in March 2026
    recent = box.enqueue(SUMMARY, SUMMARY_TEXT, None)
    box.mark_delivered(recent.reference, "smtp")
    assert main(["purge", "--older-than-days", "30"]) == 0
    assert "1 Fall gelöscht" in capsys.readouterr().out
    assert box.get(done) is None
    assert box.get(waiting) is not None
    assert box.get(recent.reference) is not None
    assert main(["purge", "--older-than-days", "-1"]) == 2
    assert "keine ganze Zahl" in capsys.readouterr().err


# ---------------------------------------------------------------------- deliver / worker


def test_deliver_with_the_default_sink_explains_that_it_is_off(box: Outbox, capsys: pytest.CaptureFixture[str]) -> None:
    waiting, _ = two_cases(box)
    assert main(["deliver"]) == 0
    out = capsys.readouterr().out
    assert "ausgeschaltet" in out and "1 Fall" in out
    case = box.get(waiting)
    assert case is not None and case.status == PENDING and case.attempts == 1


def test_deliver_config_error_names_the_variable(
    box: Outbox, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STARK_HANDOFF_SINK", "smtp")
    assert main(["deliver"]) == 2
    err = capsys.readouterr().err
    assert "Konfigurationsfehler" in err and "STARK_SMTP_HOST" in err and "fehlt" in err
    monkeypatch.setenv("STARK_HANDOFF_SINK", "brieftaube")
    assert main(["deliver"]) == 2
    assert "STARK_HANDOFF_SINK" in capsys.readouterr().err


def test_deliver_one_pass_over_smtp(
    box: Outbox, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE})
    with fake_smtp() as server:
        smtp_env(monkeypatch, server.port)
        assert main(["deliver"]) == 0
    assert "1 zugestellt, 0 fehlgeschlagen" in capsys.readouterr().out
    assert len(server.envelopes) == 1
    assert case.reference in str(server.messages()[0]["Subject"])
    stored = box.get(case.reference)
    assert stored is not None and stored.status == DELIVERED and stored.personal is None
    assert_private(caplog.text)


def test_deliver_reports_failures_with_exit_code_1(
    box: Outbox, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE})
    smtp_env(monkeypatch, free_port())  # nobody listens
    assert main(["deliver"]) == 1
    captured = capsys.readouterr()
    assert "0 zugestellt, 1 fehlgeschlagen" in captured.out
    assert "erneut" in captured.err
    stored = box.get(case.reference)
    assert stored is not None and stored.status == PENDING and stored.last_error == "smtp_connection"


def test_worker_needs_an_automatic_sink(box: Outbox, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["worker", "--interval", "0.1"]) == 2
    assert "STARK_HANDOFF_SINK" in capsys.readouterr().err


def test_worker_delivers_until_sigterm(
    box: Outbox, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE})
    original = signal.getsignal(signal.SIGTERM)

    def terminate_when_done() -> None:
        watcher = Outbox(box.path)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            stored = watcher.get(case.reference)
            if signal.getsignal(signal.SIGTERM) is not original and stored and stored.status == DELIVERED:
                os.kill(os.getpid(), signal.SIGTERM)
                return
            time.sleep(0.02)
        os.kill(os.getpid(), signal.SIGINT)  # fail loudly instead of hanging

    with fake_smtp() as server:
        smtp_env(monkeypatch, server.port)
        killer = threading.Thread(target=terminate_when_done, daemon=True)
        killer.start()
        assert main(["worker", "--interval", "0.05"]) == 0
        killer.join(timeout=5)
    out = capsys.readouterr().out
    assert "Worker läuft" in out
    assert "1 zugestellt" in out
    assert "Worker beendet: 1 zugestellt" in out
    assert len(server.envelopes) == 1
    assert signal.getsignal(signal.SIGTERM) is original  # handlers removed again


# ---------------------------------------------------------------------- usage, errors, logs


def test_usage_errors_exit_2_in_german(outbox_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "Fehler:" in capsys.readouterr().err
    assert main(["list", "--status", "lost"]) == 2
    err = capsys.readouterr().err
    assert "ungültige Auswahl" in err and "Aufruf:" in err
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "Aufruf:" in out and "Befehle" in out and "export" in out


def test_unreadable_outbox_is_an_error(outbox_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outbox_path.parent.mkdir(parents=True)
    outbox_path.write_bytes(b"this is not a database" * 100)
    assert main(["list"]) == 1
    assert "Fehler" in capsys.readouterr().err


def test_commands_log_no_personal_data(
    box: Outbox, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    waiting, _ = two_cases(box)
    for argv in (
        ["list"],
        ["show", waiting],
        ["export", "--format", "csv"],
        ["export", "--status", "all"],
        ["mark", waiting, "--delivered"],
        ["purge", "--older-than-days", "0"],
        ["-v", "list"],
    ):
        assert main(argv) == 0, argv
    capsys.readouterr()
    assert waiting in caplog.text  # references are logged
    assert_private(caplog.text)


def outbox_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


@pytest.fixture(autouse=True)
def _restore_handoff_log_level() -> Iterator[None]:
    """``-v`` raises the package's log level; put it back for the other tests."""
    logger = logging.getLogger("bot.handoff")
    level = logger.level
    yield
    logger.setLevel(level)
