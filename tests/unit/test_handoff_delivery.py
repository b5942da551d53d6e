"""Delivering outbox cases: retries with backoff, the webhook and SMTP sinks on loopback, configuration.

No internet: the webhook receiver is a real aiohttp server on 127.0.0.1, the mail server a tiny
fake SMTP server written below (also used by the CLI tests).
"""

from __future__ import annotations

import asyncio
import base64
import email
import email.policy
import hashlib
import hmac
import json
import logging
import socket
import socketserver
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot.handoff.delivery import DeliveryReport, default_backoff, deliver_due, run_worker
from bot.handoff.outbox import DELIVERED, PENDING, Outbox, OutboxCase
from bot.handoff.sinks import (
    ConfigError,
    DeliveryError,
    OutboxOnlySink,
    SmtpSink,
    WebhookSink,
    is_automatic,
    load_texts,
    sink_from_env,
)

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
PHONE = "+49 351 4455667"
EMAIL = "gemeinderat.beispiel@example.org"
SECRET = "s3cr3t-for-tests"
SUMMARY: dict[str, Any] = {
    "incidents": ["report_threat"],
    "bundesland": "Sachsen",
    "incident_date": "2026-02-27",
    "deadline": "2026-05-27",
    "evidence": ["letter"],
    "wish": "anzeige",
    "contact_preference": "telefon",
}
SUMMARY_TEXT = "• Was: Drohung per Brief an den Bürgermeister\n• Bundesland: Sachsen"
SECRETS = (PHONE, EMAIL, SUMMARY_TEXT, "Bürgermeister", SECRET)


def quick(attempts: int) -> timedelta:
    """Backoff for tests: one second, so the next pass a second later retries."""
    return timedelta(seconds=1)


@pytest.fixture
def box(tmp_path: Path) -> Outbox:
    return Outbox(tmp_path / "outbox.sqlite3")


def assert_no_secrets_logged(caplog: pytest.LogCaptureFixture) -> None:
    for secret in SECRETS:
        assert secret not in caplog.text, f"{secret!r} was logged"


# ---------------------------------------------------------------------- a recording sink


@dataclass
class RecordingSink:
    """Fails ``failures`` times, then records what it delivers."""

    failures: int = 0
    name: str = "recording"
    delivered: list[OutboxCase] = field(default_factory=list)

    async def deliver(self, case: OutboxCase) -> None:
        if self.failures > 0:
            self.failures -= 1
            raise DeliveryError("test_down", 503)
        self.delivered.append(case)


async def test_due_case_is_delivered_marked_and_its_contact_deleted(box: Outbox) -> None:
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE}, now=T0)
    sink = RecordingSink()
    report = await deliver_due(box, sink, now=T0)
    assert report == DeliveryReport(delivered=1, failed=0)
    assert [c.reference for c in sink.delivered] == [case.reference]
    assert sink.delivered[0].personal == {"phone": PHONE}
    stored = box.get(case.reference)
    assert stored is not None
    assert (stored.status, stored.delivered_via, stored.personal) == (DELIVERED, "recording", None)
    assert await deliver_due(box, sink, now=T0 + timedelta(hours=1)) == DeliveryReport()
    assert len(sink.delivered) == 1


async def test_failures_are_retried_with_backoff_until_delivered(box: Outbox) -> None:
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE}, now=T0)
    sink = RecordingSink(failures=3)
    seen: list[int] = []

    def backoff(attempts: int) -> timedelta:
        seen.append(attempts)
        return timedelta(minutes=attempts)

    assert await deliver_due(box, sink, now=T0, backoff=backoff) == DeliveryReport(0, 1)
    failed = box.get(case.reference)
    assert failed is not None
    assert (failed.status, failed.attempts, failed.last_error) == (PENDING, 1, "test_down (503)")
    assert failed.next_attempt_at == T0 + timedelta(minutes=1)
    assert failed.personal == {"phone": PHONE}
    # not due yet: nothing happens
    assert await deliver_due(box, sink, now=T0 + timedelta(seconds=59), backoff=backoff) == DeliveryReport()
    moment = T0
    for _ in range(2):
        moment += timedelta(hours=1)
        assert await deliver_due(box, sink, now=moment, backoff=backoff) == DeliveryReport(0, 1)
    assert seen == [1, 2, 3]
    assert await deliver_due(box, sink, now=moment + timedelta(hours=1), backoff=backoff) == DeliveryReport(1, 0)
    done = box.get(case.reference)
    assert done is not None and done.status == DELIVERED and done.attempts == 3
    assert len(sink.delivered) == 1


async def test_outbox_only_sink_leaves_cases_waiting(box: Outbox) -> None:
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE}, now=T0)
    sink = OutboxOnlySink()
    assert not is_automatic(sink)
    assert is_automatic(RecordingSink())
    assert await deliver_due(box, sink, now=T0) == DeliveryReport()
    stored = box.get(case.reference)
    assert stored is not None
    assert (stored.status, stored.attempts, stored.last_error) == (PENDING, 0, None)
    assert [c.reference for c in box.claim_due(T0)] == [case.reference]  # not even leased


async def test_unexpected_sink_errors_record_only_the_type(box: Outbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)

    class BrokenSink:
        name = "broken"

        async def deliver(self, case: OutboxCase) -> None:
            raise RuntimeError(f"cannot handle {case.personal} / {case.summary_text}")

    case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE}, now=T0)
    assert await deliver_due(box, BrokenSink(), now=T0, backoff=quick) == DeliveryReport(0, 1)
    stored = box.get(case.reference)
    assert stored is not None and stored.last_error == "unexpected:RuntimeError"
    assert case.reference in caplog.text
    assert_no_secrets_logged(caplog)


async def test_a_hanging_sink_times_out_within_the_lease(box: Outbox) -> None:
    class HangingSink:
        name = "hanging"

        async def deliver(self, case: OutboxCase) -> None:
            await asyncio.sleep(30)

    case = box.enqueue(SUMMARY, SUMMARY_TEXT, None, now=T0)
    report = await asyncio.wait_for(deliver_due(box, HangingSink(), now=T0, lease_seconds=0.2), timeout=5)
    assert report == DeliveryReport(0, 1)
    stored = box.get(case.reference)
    assert stored is not None and stored.last_error == "timeout"


async def test_restart_delivers_what_an_earlier_process_stored(tmp_path: Path) -> None:
    path = tmp_path / "var" / "outbox.sqlite3"
    first = Outbox(path)
    reference = first.enqueue(SUMMARY, SUMMARY_TEXT, {"email": EMAIL}, now=T0).reference
    del first  # the process ends

    sink = RecordingSink()
    report = await deliver_due(Outbox(path), sink, now=T0 + timedelta(minutes=5))

    assert report == DeliveryReport(1, 0)
    assert [c.reference for c in sink.delivered] == [reference]
    assert sink.delivered[0].personal == {"email": EMAIL}
    stored = Outbox(path).get(reference)
    assert stored is not None and stored.status == DELIVERED and stored.personal is None


async def test_worker_delivers_and_stops_when_asked(box: Outbox) -> None:
    sink = RecordingSink(failures=1)
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, None)
    stop = asyncio.Event()
    reports: list[DeliveryReport] = []
    task = asyncio.create_task(run_worker(box, sink, 0.02, stop, on_report=reports.append))
    # the first pass fails; the retry waits for the real backoff (~30 s), so move it forward
    for _ in range(200):
        await asyncio.sleep(0.01)
        stored = box.get(case.reference)
        if stored is not None and stored.attempts == 1:
            break
    box.mark_failed(case.reference, "test_down", None, datetime.now(timezone.utc))
    for _ in range(300):
        if sink.delivered:
            break
        await asyncio.sleep(0.01)
    stop.set()
    total = await asyncio.wait_for(task, timeout=5)
    assert [c.reference for c in sink.delivered] == [case.reference]
    assert total.delivered == 1 and total.failed >= 1
    assert sum(r.delivered for r in reports) == 1


# ---------------------------------------------------------------------- backoff


def test_backoff_doubles_from_thirty_seconds() -> None:
    middle = lambda: 0.5  # noqa: E731 - no jitter
    assert [default_backoff(n, middle).total_seconds() for n in range(1, 8)] == [
        30,
        60,
        120,
        240,
        480,
        960,
        1920,
    ]


def test_backoff_is_capped_at_one_hour() -> None:
    for attempts in (8, 9, 20, 1000):
        for rand in (lambda: 0.0, lambda: 0.5, lambda: 0.999999):
            assert default_backoff(attempts, rand) <= timedelta(hours=1)
        assert default_backoff(attempts, lambda: 0.0) == timedelta(minutes=54)  # jitter around the cap
    assert default_backoff(8, lambda: 0.5) == timedelta(hours=1)


def test_backoff_jitter_stays_within_ten_percent() -> None:
    low = default_backoff(3, lambda: 0.0).total_seconds()
    high = default_backoff(3, lambda: 0.999999).total_seconds()
    assert low == pytest.approx(108)
    assert high == pytest.approx(132, abs=0.01)
    samples = {default_backoff(3).total_seconds() for _ in range(50)}
    assert len(samples) > 1  # real jitter
    assert all(108 <= s <= 132 for s in samples)


# ---------------------------------------------------------------------- webhook on loopback


@dataclass
class Receiver:
    """A webhook endpoint that answers ``status`` and keeps what it accepted."""

    status: int = 503
    requests: int = 0
    accepted: list[tuple[dict[str, str], bytes]] = field(default_factory=list)

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        self.requests += 1
        if 200 <= self.status < 300:
            self.accepted.append((dict(request.headers), body))
        return web.Response(status=self.status, text="ok" if self.status == 200 else "down")


@asynccontextmanager
async def webhook_server(receiver: Receiver, port: int) -> AsyncIterator[None]:
    app = web.Application()
    app.router.add_post("/hook", receiver.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    try:
        yield
    finally:
        await runner.cleanup()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_webhook_down_then_up_delivers_exactly_once_signed(box: Outbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    port = free_port()
    sink = WebhookSink(f"http://127.0.0.1:{port}/hook", secret=SECRET, timeout=3)
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE}, now=T0)
    receiver = Receiver(status=503)

    # nobody listens
    assert await deliver_due(box, sink, now=T0, backoff=quick) == DeliveryReport(0, 1)
    stored = box.get(case.reference)
    assert stored is not None and stored.last_error == "webhook_connection"

    async with webhook_server(receiver, port):
        # the receiver is there but unavailable
        assert await deliver_due(box, sink, now=T0 + timedelta(seconds=5), backoff=quick) == DeliveryReport(0, 1)
        stored = box.get(case.reference)
        assert stored is not None and stored.last_error == "webhook_http (503)" and stored.attempts == 2
        assert receiver.requests == 1 and receiver.accepted == []

        receiver.status = 200
        assert await deliver_due(box, sink, now=T0 + timedelta(seconds=10), backoff=quick) == DeliveryReport(1, 0)
        # later passes send nothing more
        assert await deliver_due(box, sink, now=T0 + timedelta(hours=5), backoff=quick) == DeliveryReport()

    assert receiver.requests == 2
    assert len(receiver.accepted) == 1
    headers, raw = receiver.accepted[0]
    assert headers["Idempotency-Key"] == case.reference
    expected = "sha256=" + hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["X-Stark-Signature"], expected)
    assert headers["Content-Type"].startswith("application/json")
    payload = json.loads(raw)
    assert set(payload) == {"reference", "created_at", "summary", "text", "contact"}
    assert payload["reference"] == case.reference
    assert datetime.fromisoformat(payload["created_at"]) == T0
    assert payload["summary"] == SUMMARY
    assert payload["contact"] == {"phone": PHONE}
    assert SUMMARY_TEXT in payload["text"] and case.reference in payload["text"] and PHONE in payload["text"]

    stored = box.get(case.reference)
    assert stored is not None
    assert (stored.status, stored.delivered_via, stored.personal) == (DELIVERED, "webhook", None)
    assert_no_secrets_logged(caplog)


async def test_webhook_without_secret_is_unsigned_and_redirects_are_failures(box: Outbox) -> None:
    port = free_port()
    receiver = Receiver(status=302)
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, None, now=T0)
    async with webhook_server(receiver, port):
        sink = WebhookSink(f"http://localhost:{port}/hook")
        assert await deliver_due(box, sink, now=T0, backoff=quick) == DeliveryReport(0, 1)
        receiver.status = 204
        assert await deliver_due(box, sink, now=T0 + timedelta(seconds=2), backoff=quick) == DeliveryReport(1, 0)
    headers, raw = receiver.accepted[0]
    assert "X-Stark-Signature" not in headers
    assert json.loads(raw)["contact"] is None
    stored = box.get(case.reference)
    assert stored is not None and stored.status == DELIVERED


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://stelle.example.org/hook", True),
        ("http://127.0.0.1:8080/hook", True),
        ("http://localhost/hook", True),
        ("http://[::1]:9000/hook", True),
        ("http://stelle.example.org/hook", False),
        ("http://10.0.0.5/hook", False),
        ("ftp://stelle.example.org/hook", False),
        ("https://user:pw@stelle.example.org/hook", False),
        ("nonsense", False),
    ],
)
def test_webhook_urls_must_be_https_except_loopback(url: str, ok: bool) -> None:
    if ok:
        assert WebhookSink(url).url == url
    else:
        with pytest.raises(ValueError):
            WebhookSink(url)


# ---------------------------------------------------------------------- fake SMTP server


class FakeSmtpServer(socketserver.ThreadingTCPServer):
    """Just enough SMTP for smtplib: EHLO/HELO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, auth: bool = False, data_reply: str = "250 2.0.0 queued") -> None:
        super().__init__(("127.0.0.1", 0), SmtpHandler)
        self.auth = auth
        self.data_reply = data_reply
        self.logins: list[tuple[str, str]] = []
        self.envelopes: list[tuple[str, list[str], bytes]] = []
        self.commands: list[str] = []

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def messages(self) -> list[EmailMessage]:
        parsed = []
        for _sender, _recipients, data in self.envelopes:
            message = email.message_from_bytes(data, policy=email.policy.default)
            assert isinstance(message, EmailMessage)
            parsed.append(message)
        return parsed


class SmtpHandler(socketserver.StreamRequestHandler):
    server: FakeSmtpServer

    def reply(self, *lines: str) -> None:
        self.wfile.write("".join(f"{line}\r\n" for line in lines).encode("ascii"))
        self.wfile.flush()

    def handle(self) -> None:
        self.reply("220 fake.smtp.test ESMTP")
        sender, recipients = "", []
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            command = raw.decode("utf-8", "replace").rstrip("\r\n")
            verb = command.split(" ", 1)[0].upper()
            self.server.commands.append(verb)
            if verb == "EHLO":
                extensions = ["250-fake.smtp.test", "250-8BITMIME"]
                if self.server.auth:
                    extensions.append("250-AUTH PLAIN")
                self.reply(*extensions, "250 SIZE 1000000")
            elif verb == "HELO":
                self.reply("250 fake.smtp.test")
            elif verb == "AUTH":
                _, mechanism, token = command.split(" ", 2)
                assert mechanism.upper() == "PLAIN"
                _, user, password = base64.b64decode(token).decode().split("\0")
                self.server.logins.append((user, password))
                self.reply("235 2.7.0 ok")
            elif verb == "MAIL":
                sender, recipients = command.split(":", 1)[1].split()[0].strip("<>"), []
                self.reply("250 2.1.0 ok")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 2.1.5 ok")
            elif verb == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                lines = []
                while (line := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(line[1:] if line.startswith(b"..") else line)
                if self.server.data_reply.startswith("250"):
                    self.server.envelopes.append((sender, recipients, b"".join(lines)))
                self.reply(self.server.data_reply)
            elif verb in ("RSET", "NOOP"):
                self.reply("250 ok")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


@contextmanager
def fake_smtp(auth: bool = False, data_reply: str = "250 2.0.0 queued") -> Iterator[FakeSmtpServer]:
    server = FakeSmtpServer(auth=auth, data_reply=data_reply)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


async def test_smtp_sink_sends_the_case_to_the_desk(box: Outbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"phone": PHONE}, now=T0)
    with fake_smtp(auth=True) as server:
        sink = SmtpSink(
            "127.0.0.1",
            "assistent@example.org",
            ["stelle@example.org", "vertretung@example.org"],
            port=server.port,
            user="bot",
            password="mail-pass",
            security="none",
        )
        assert await deliver_due(box, sink, now=T0) == DeliveryReport(1, 0)

    assert server.logins == [("bot", "mail-pass")]
    assert len(server.envelopes) == 1
    sender, recipients, _ = server.envelopes[0]
    assert sender == "assistent@example.org"
    assert recipients == ["stelle@example.org", "vertretung@example.org"]
    message = server.messages()[0]
    assert case.reference in str(message["Subject"])
    assert "Starke Stelle" in str(message["Subject"])
    assert message["X-Stark-Reference"] == case.reference
    body = message.get_content().replace("\r\n", "\n")
    assert PHONE in body
    assert SUMMARY_TEXT in body
    assert "02.03.2026, 10:30 Uhr" in body  # created_at in German local time
    stored = box.get(case.reference)
    assert stored is not None and stored.status == DELIVERED and stored.delivered_via == "smtp"
    assert stored.personal is None
    assert_no_secrets_logged(caplog)
    assert "mail-pass" not in caplog.text


async def test_smtp_mail_for_an_anonymous_case_says_so(box: Outbox) -> None:
    case = box.enqueue({**SUMMARY, "contact_preference": "anonym"}, SUMMARY_TEXT, None, now=T0)
    with fake_smtp() as server:
        sink = SmtpSink("localhost", "a@example.org", ["s@example.org"], port=server.port, security="none")
        assert await deliver_due(box, sink, now=T0) == DeliveryReport(1, 0)
    body = server.messages()[0].get_content()
    assert "anonym" in body and case.reference in body
    assert "AUTH" not in server.commands  # no login without a user


async def test_smtp_failures_keep_the_case_pending(box: Outbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    case = box.enqueue(SUMMARY, SUMMARY_TEXT, {"email": EMAIL}, now=T0)
    port = free_port()
    down = SmtpSink("127.0.0.1", "a@example.org", ["s@example.org"], port=port, security="none", timeout=3)
    assert await deliver_due(box, down, now=T0, backoff=quick) == DeliveryReport(0, 1)
    stored = box.get(case.reference)
    assert stored is not None and stored.last_error == "smtp_connection"

    with fake_smtp(data_reply="554 5.7.1 rejected") as server:
        rejecting = SmtpSink("127.0.0.1", "a@example.org", ["s@example.org"], port=server.port, security="none")
        assert await deliver_due(box, rejecting, now=T0 + timedelta(seconds=5), backoff=quick) == DeliveryReport(0, 1)
        stored = box.get(case.reference)
        assert stored is not None and stored.last_error == "smtp_refused (554)"

        no_tls = SmtpSink("127.0.0.1", "a@example.org", ["s@example.org"], port=server.port, security="starttls")
        assert await deliver_due(box, no_tls, now=T0 + timedelta(seconds=10), backoff=quick) == DeliveryReport(0, 1)
        stored = box.get(case.reference)
        assert stored is not None and stored.last_error == "smtp_starttls_unsupported"
    assert server.envelopes == []
    assert stored.status == PENDING and stored.attempts == 3 and stored.personal == {"email": EMAIL}
    assert_no_secrets_logged(caplog)


def test_plain_smtp_only_to_loopback() -> None:
    with pytest.raises(ValueError):
        SmtpSink("mail.example.org", "a@example.org", ["s@example.org"], security="none")
    assert SmtpSink("::1", "a@example.org", ["s@example.org"], security="none").port == 587
    assert SmtpSink("mail.example.org", "a@example.org", ["s@example.org"], security="ssl").port == 465


def test_mail_texts_come_from_the_knowledge_file() -> None:
    texts = load_texts()
    for template in (texts.mail_subject, texts.mail_body, texts.webhook_text):
        assert "{reference}" in template
    assert "{summary_text}" in texts.mail_body and "{contact}" in texts.mail_body
    assert "{phone}" in texts.contact_phone and "{email}" in texts.contact_email


# ---------------------------------------------------------------------- configuration


SMTP_ENV = {
    "STARK_HANDOFF_SINK": "smtp",
    "STARK_SMTP_HOST": "mail.example.org",
    "STARK_SMTP_FROM": "assistent@example.org",
    "STARK_SMTP_TO": "stelle@example.org, vertretung@example.org",
}


def test_default_sink_is_the_outbox() -> None:
    assert isinstance(sink_from_env({}), OutboxOnlySink)
    assert isinstance(sink_from_env({"STARK_HANDOFF_SINK": " Outbox "}), OutboxOnlySink)


def test_smtp_sink_from_environment() -> None:
    sink = sink_from_env({**SMTP_ENV, "STARK_SMTP_USER": "bot", "STARK_SMTP_PASSWORD": "geheim-123"})
    assert isinstance(sink, SmtpSink)
    assert (sink.host, sink.port, sink.security, sink.user) == ("mail.example.org", 587, "starttls", "bot")
    assert sink.recipients == ("stelle@example.org", "vertretung@example.org")
    assert "geheim-123" not in repr(sink)
    ssl_sink = sink_from_env({**SMTP_ENV, "STARK_SMTP_SECURITY": "ssl", "STARK_SMTP_PORT": "2465"})
    assert isinstance(ssl_sink, SmtpSink) and (ssl_sink.security, ssl_sink.port) == ("ssl", 2465)


def test_webhook_sink_from_environment() -> None:
    sink = sink_from_env(
        {"STARK_HANDOFF_SINK": "webhook", "STARK_WEBHOOK_URL": "https://x.example/h", "STARK_WEBHOOK_SECRET": SECRET}
    )
    assert isinstance(sink, WebhookSink) and sink.url == "https://x.example/h"
    assert SECRET not in repr(sink)


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"STARK_HANDOFF_SINK": "fax"}, "STARK_HANDOFF_SINK"),
        ({**SMTP_ENV, "STARK_SMTP_HOST": ""}, "STARK_SMTP_HOST"),
        ({k: v for k, v in SMTP_ENV.items() if k != "STARK_SMTP_FROM"}, "STARK_SMTP_FROM"),
        ({k: v for k, v in SMTP_ENV.items() if k != "STARK_SMTP_TO"}, "STARK_SMTP_TO"),
        ({**SMTP_ENV, "STARK_SMTP_TO": "keine-adresse"}, "STARK_SMTP_TO"),
        ({**SMTP_ENV, "STARK_SMTP_FROM": "x@y.de\r\nBcc: z@y.de"}, "STARK_SMTP_FROM"),
        ({**SMTP_ENV, "STARK_SMTP_PORT": "smtp"}, "STARK_SMTP_PORT"),
        ({**SMTP_ENV, "STARK_SMTP_PORT": "70000"}, "STARK_SMTP_PORT"),
        ({**SMTP_ENV, "STARK_SMTP_SECURITY": "tls1.0"}, "STARK_SMTP_SECURITY"),
        ({**SMTP_ENV, "STARK_SMTP_SECURITY": "none"}, "STARK_SMTP_SECURITY"),
        ({**SMTP_ENV, "STARK_SMTP_USER": "bot"}, "STARK_SMTP_PASSWORD"),
        ({**SMTP_ENV, "STARK_SMTP_PASSWORD": "pw"}, "STARK_SMTP_USER"),
        ({"STARK_HANDOFF_SINK": "webhook"}, "STARK_WEBHOOK_URL"),
        ({"STARK_HANDOFF_SINK": "webhook", "STARK_WEBHOOK_URL": "http://stelle.example.org/h"}, "STARK_WEBHOOK_URL"),
    ],
)
def test_configuration_errors_name_the_variable(env: dict[str, str], variable: str) -> None:
    with pytest.raises(ConfigError) as raised:
        sink_from_env(env)
    assert raised.value.variable == variable
    assert str(raised.value).startswith(f"{variable}:")
    assert any(word in str(raised.value) for word in ("fehlt", "ungültig", "unbekannt", "erlaubt", "keine"))


def test_plain_smtp_to_loopback_is_accepted_from_environment() -> None:
    env = {**SMTP_ENV, "STARK_SMTP_HOST": "127.0.0.1", "STARK_SMTP_SECURITY": "none", "STARK_SMTP_PORT": "2525"}
    sink = sink_from_env(env)
    assert isinstance(sink, SmtpSink) and (sink.security, sink.port) == ("none", 2525)
