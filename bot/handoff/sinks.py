"""Where cases go: the outbox only (the desk exports them), e-mail via SMTP, or a webhook.

A sink delivers one case or raises :class:`DeliveryError` with a short error *kind* (such as
``smtp_connection`` or ``webhook_http``), never with case texts or contact details. The texts of
the e-mail and of the webhook's ``text`` field come from ``knowledge/handoff.yml``.

:func:`sink_from_env` builds the sink from ``STARK_HANDOFF_SINK`` and its variables; secrets
(SMTP password, webhook secret) are only ever read from the environment.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import ipaddress
import json
import logging
import os
import re
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from functools import cache
from pathlib import Path
from typing import Any, ClassVar, Protocol
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import yaml

from bot.handoff.outbox import OutboxCase, utc
from bot.paths import KNOWLEDGE_DIR

logger = logging.getLogger(__name__)

TEXTS_FILE = KNOWLEDGE_DIR / "handoff.yml"
BERLIN = ZoneInfo("Europe/Berlin")
LOOPBACK_NAMES = frozenset({"localhost"})
SMTP_TIMEOUT_SECONDS = 15.0
WEBHOOK_TIMEOUT_SECONDS = 10.0
SMTP_SECURITY = ("starttls", "ssl", "none")
SMTP_DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 587}
SINK_NAMES = ("outbox", "smtp", "webhook")
ADDRESS = re.compile(r"^[^@\s<>,;\"()\[\]\\]+@[^@\s<>,;\"()\[\]\\]+\.[^@\s<>,;\"()\[\]\\]+$")
HEADER_REFERENCE = "X-Stark-Reference"
HEADER_SIGNATURE = "X-Stark-Signature"
HEADER_IDEMPOTENCY = "Idempotency-Key"
USER_AGENT = "stark-im-amt-handoff/1"


class DeliveryError(Exception):
    """A delivery attempt failed; ``kind`` says how (no personal data, no case text)."""

    def __init__(self, kind: str, status: int | None = None) -> None:
        """Error kind such as ``webhook_http``; ``status`` is an HTTP or SMTP reply code if known."""
        self.kind = kind
        self.status = status
        super().__init__(f"{kind} ({status})" if status is not None else kind)


class ConfigError(ValueError):
    """The sink configuration is missing or invalid; the message is German and names the variable."""

    def __init__(self, variable: str, problem: str) -> None:
        """``variable`` is the environment variable at fault, ``problem`` a German description."""
        self.variable = variable
        super().__init__(f"{variable}: {problem}")


class Sink(Protocol):
    """Something that hands a case to the Starke Stelle."""

    name: str

    async def deliver(self, case: OutboxCase) -> None:
        """Deliver ``case`` or raise :class:`DeliveryError`."""
        ...


def is_automatic(sink: Sink) -> bool:
    """Whether the sink delivers by itself (False for :class:`OutboxOnlySink`)."""
    return bool(getattr(sink, "automatic", True))


# ---------------------------------------------------------------------- texts


@dataclass(frozen=True)
class HandoffTexts:
    """The German templates from ``knowledge/handoff.yml``."""

    created_at_format: str
    mail_subject: str
    mail_body: str
    webhook_text: str
    contact_phone: str
    contact_email: str
    contact_anonymous: str
    contact_deleted: str


@cache
def load_texts(path: Path = TEXTS_FILE) -> HandoffTexts:
    """Read and check the templates (every field must be a non-empty string).

    Raises:
        ValueError: If the file is missing, unreadable or lacks a field.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path.name} ist nicht lesbar ({type(exc).__name__})") from None

    def text(*keys: str) -> str:
        value: Any = data
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{path.name}: Text {'.'.join(keys)} fehlt")
        return value

    return HandoffTexts(
        created_at_format=text("created_at_format"),
        mail_subject=text("mail", "subject"),
        mail_body=text("mail", "body"),
        webhook_text=text("webhook", "text"),
        contact_phone=text("contact", "phone"),
        contact_email=text("contact", "email"),
        contact_anonymous=text("contact", "anonymous"),
        contact_deleted=text("contact", "deleted"),
    )


def _texts() -> HandoffTexts:
    try:
        return load_texts()
    except ValueError as exc:
        raise ConfigError("knowledge/handoff.yml", str(exc)) from None


def format_created_at(case: OutboxCase, texts: HandoffTexts | None = None) -> str:
    """The creation time in German local time, e.g. ``03.02.2026, 14:05 Uhr``."""
    texts = texts or _texts()
    return case.created_at.astimezone(BERLIN).strftime(texts.created_at_format)


def contact_payload(case: OutboxCase) -> dict[str, str]:
    """``{"preference": ..., "phone"|"email": ...}``; ``preference`` is telefon, email or anonym."""
    preference = str(case.summary.get("contact_preference") or "anonym")
    personal = case.personal or {}
    if personal.get("phone"):
        return {"preference": "telefon", "phone": personal["phone"]}
    if personal.get("email"):
        return {"preference": "email", "email": personal["email"]}
    return {"preference": preference if preference in ("telefon", "email") else "anonym"}


def contact_line(case: OutboxCase, texts: HandoffTexts | None = None) -> str:
    """The German contact line for the desk (phone, e-mail, anonymous, or already deleted)."""
    texts = texts or _texts()
    contact = contact_payload(case)
    if "phone" in contact:
        return texts.contact_phone.format(phone=contact["phone"], reference=case.reference)
    if "email" in contact:
        return texts.contact_email.format(email=contact["email"], reference=case.reference)
    if contact["preference"] in ("telefon", "email"):
        return texts.contact_deleted.format(reference=case.reference)
    return texts.contact_anonymous.format(reference=case.reference)


def render(template: str, case: OutboxCase, texts: HandoffTexts | None = None) -> str:
    """Fill a template with the case's reference, creation time, summary text and contact line."""
    texts = texts or _texts()
    return template.format(
        reference=case.reference,
        created_at=format_created_at(case, texts),
        summary_text=case.summary_text,
        contact=contact_line(case, texts),
    )


# ---------------------------------------------------------------------- checks


def is_loopback(host: str) -> bool:
    """Whether ``host`` is localhost or a loopback address (127.0.0.0/8, ::1)."""
    name = host.strip().strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def webhook_url_problem(url: str) -> str | None:
    """Why ``url`` is not acceptable for the webhook (German), or None if it is."""
    try:
        parts = urlsplit(url.strip())
        hostname = parts.hostname
        _ = parts.port  # raises ValueError for an invalid port
    except ValueError:
        return "keine gültige URL"
    if not hostname:
        return "keine gültige URL (Host fehlt)"
    if parts.username or parts.password:
        return "Zugangsdaten gehören nicht in die URL (STARK_WEBHOOK_SECRET verwenden)"
    if parts.scheme == "https":
        return None
    if parts.scheme == "http" and is_loopback(hostname):
        return None
    return "nur https:// ist erlaubt (http:// nur für 127.0.0.1, localhost oder ::1)"


def address_problem(address: str) -> str | None:
    """Why ``address`` is not a plain e-mail address (German), or None."""
    if not ADDRESS.match(address) or len(address) > 254:
        return f"„{address}“ ist keine gültige E-Mail-Adresse"
    return None


# ---------------------------------------------------------------------- sinks


class OutboxOnlySink:
    """No automatic delivery: cases wait in the outbox until the desk exports and marks them."""

    name = "outbox"
    automatic: ClassVar[bool] = False

    async def deliver(self, case: OutboxCase) -> None:
        """Never delivers: automatic delivery is switched off.

        Raises:
            DeliveryError: Always (``disabled``); :func:`deliver_due` does not call it.
        """
        raise DeliveryError("disabled")

    def __repr__(self) -> str:
        """Name only."""
        return "OutboxOnlySink()"


class SmtpSink:
    """E-mail to the desk with stdlib ``smtplib`` in a worker thread."""

    name = "smtp"
    automatic: ClassVar[bool] = True

    def __init__(
        self,
        host: str,
        sender: str,
        recipients: tuple[str, ...] | list[str],
        port: int | None = None,
        user: str | None = None,
        password: str | None = None,
        security: str = "starttls",
        timeout: float = SMTP_TIMEOUT_SECONDS,
        texts: HandoffTexts | None = None,
    ) -> None:
        """Check the settings; plain SMTP (``security="none"``) is allowed to loopback hosts only.

        Raises:
            ValueError: For an unknown security mode, plain SMTP to a remote host or a bad address.
        """
        if security not in SMTP_SECURITY:
            raise ValueError(f"unbekannte Verschlüsselung „{security}“ (erlaubt: {', '.join(SMTP_SECURITY)})")
        if security == "none" and not is_loopback(host):
            raise ValueError("unverschlüsseltes SMTP ist nur zu 127.0.0.1, localhost oder ::1 erlaubt")
        if not recipients:
            raise ValueError("kein Empfänger")
        for address in (sender, *recipients):
            problem = address_problem(address)
            if problem:
                raise ValueError(problem)
        self.host = host
        self.port = port or SMTP_DEFAULT_PORTS[security]
        self.sender = sender
        self.recipients = tuple(recipients)
        self.user = user
        self._password = password
        self.security = security
        self.timeout = timeout
        self._texts = texts

    def __repr__(self) -> str:
        """Settings without the password."""
        return f"SmtpSink(host={self.host!r}, port={self.port}, security={self.security!r}, login={bool(self.user)})"

    def message(self, case: OutboxCase) -> EmailMessage:
        """The e-mail for ``case`` (subject and body from ``knowledge/handoff.yml``)."""
        texts = self._texts or _texts()
        message = EmailMessage()
        message["Subject"] = render(texts.mail_subject, case, texts)
        message["From"] = self.sender
        message["To"] = ", ".join(self.recipients)
        message["Date"] = format_datetime(utc())
        message["Message-ID"] = make_msgid(idstring=case.reference, domain=self.sender.rpartition("@")[2])
        message[HEADER_REFERENCE] = case.reference
        message["Auto-Submitted"] = "auto-generated"
        message.set_content(render(texts.mail_body, case, texts), charset="utf-8", cte="quoted-printable")
        return message

    async def deliver(self, case: OutboxCase) -> None:
        """Send the e-mail; blocking ``smtplib`` runs in a thread.

        Raises:
            DeliveryError: ``smtp_connection``, ``smtp_timeout``, ``smtp_tls``, ``smtp_auth``,
                ``smtp_starttls_unsupported``, ``smtp_refused``, ``smtp_error``.
        """
        message = self.message(case)
        await asyncio.to_thread(self._send, message)

    def _send(self, message: EmailMessage) -> None:
        try:
            client = self._connect()
            try:
                self._transact(client, message)
            finally:
                _close_quietly(client)
        except smtplib.SMTPNotSupportedError:
            raise DeliveryError("smtp_starttls_unsupported") from None
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError("smtp_auth", exc.smtp_code) from None
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
            raise DeliveryError("smtp_refused", exc.smtp_code) from None
        except smtplib.SMTPRecipientsRefused:
            raise DeliveryError("smtp_refused") from None
        except smtplib.SMTPResponseException as exc:
            raise DeliveryError("smtp_error", exc.smtp_code) from None
        except smtplib.SMTPServerDisconnected:
            raise DeliveryError("smtp_disconnected") from None
        except smtplib.SMTPException:
            raise DeliveryError("smtp_error") from None
        except ssl.SSLError:
            raise DeliveryError("smtp_tls") from None
        except TimeoutError:
            raise DeliveryError("smtp_timeout") from None
        except OSError:
            raise DeliveryError("smtp_connection") from None

    def _connect(self) -> smtplib.SMTP:
        if self.security == "ssl":
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=ssl.create_default_context())
        return smtplib.SMTP(self.host, self.port, timeout=self.timeout)

    def _transact(self, client: smtplib.SMTP, message: EmailMessage) -> None:
        client.ehlo()
        if self.security == "starttls":
            client.starttls(context=ssl.create_default_context())
            client.ehlo()
        if self.user:
            client.login(self.user, self._password or "")
        refused = client.send_message(message, from_addr=self.sender, to_addrs=list(self.recipients))
        if refused:  # accepted for the others: delivered, a resend would duplicate it for them
            logger.warning("handoff smtp: %d of %d recipients refused", len(refused), len(self.recipients))


def _close_quietly(client: smtplib.SMTP) -> None:
    """QUIT, or just close: once the message is accepted, a failing goodbye changes nothing."""
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()


class WebhookSink:
    """HTTPS POST of the case as JSON, idempotent by reference, optionally HMAC-signed."""

    name = "webhook"
    automatic: ClassVar[bool] = True

    def __init__(
        self,
        url: str,
        secret: str | None = None,
        timeout: float = WEBHOOK_TIMEOUT_SECONDS,
        texts: HandoffTexts | None = None,
    ) -> None:
        """Check the URL: https, or http to 127.0.0.1 / localhost / ::1 only.

        Raises:
            ValueError: For any other URL.
        """
        problem = webhook_url_problem(url)
        if problem:
            raise ValueError(problem)
        self.url = url.strip()
        self._secret = secret
        self.timeout = timeout
        self._texts = texts

    def __repr__(self) -> str:
        """Host only, never the secret."""
        return f"WebhookSink(host={urlsplit(self.url).hostname!r}, signed={bool(self._secret)})"

    def body(self, case: OutboxCase) -> bytes:
        """The JSON body: reference, created_at, summary, text, contact.

        ``contact`` is the stored personal datum (``{"phone": ...}`` or ``{"email": ...}``) or None
        for an anonymous case; the wished way of contact is ``summary["contact_preference"]``.
        """
        texts = self._texts or _texts()
        payload = {
            "reference": case.reference,
            "created_at": case.created_at.isoformat(),
            "summary": case.summary,
            "text": render(texts.webhook_text, case, texts),
            "contact": dict(case.personal) if case.personal else None,
        }
        return json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def headers(self, body: bytes, reference: str) -> dict[str, str]:
        """Content type, ``Idempotency-Key`` and, with a secret, ``X-Stark-Signature: sha256=<hex>``."""
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": USER_AGENT,
            HEADER_IDEMPOTENCY: reference,
        }
        if self._secret:
            digest = hmac.new(self._secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
            headers[HEADER_SIGNATURE] = f"sha256={digest}"
        return headers

    async def deliver(self, case: OutboxCase) -> None:
        """POST the case; any 2xx confirms it.

        Raises:
            DeliveryError: ``webhook_http`` (with the status), ``webhook_timeout``, ``webhook_tls``,
                ``webhook_connection`` or ``webhook_error``.
        """
        import aiohttp  # only the webhook needs it; keeps the CLI and the outbox light

        body = self.body(case)
        timeout = aiohttp.ClientTimeout(total=self.timeout)
        try:
            async with (
                aiohttp.ClientSession(timeout=timeout) as session,
                session.post(
                    self.url, data=body, headers=self.headers(body, case.reference), allow_redirects=False
                ) as response,
            ):
                status = response.status
                await response.read()
        except asyncio.TimeoutError:
            raise DeliveryError("webhook_timeout") from None
        except (aiohttp.ClientSSLError, ssl.SSLError):
            raise DeliveryError("webhook_tls") from None
        except aiohttp.ClientConnectionError:
            raise DeliveryError("webhook_connection") from None
        except aiohttp.ClientError:
            raise DeliveryError("webhook_error") from None
        if not 200 <= status < 300:
            raise DeliveryError("webhook_http", status)


# ---------------------------------------------------------------------- configuration


def _optional(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


def _required(env: Mapping[str, str], name: str) -> str:
    value = _optional(env, name)
    if value is None:
        raise ConfigError(name, "fehlt – bitte in der Umgebung setzen")
    return value


def _smtp_from_env(env: Mapping[str, str]) -> SmtpSink:
    host = _required(env, "STARK_SMTP_HOST")
    sender = _required(env, "STARK_SMTP_FROM")
    recipients = [a.strip() for a in _required(env, "STARK_SMTP_TO").split(",") if a.strip()]
    if not recipients:
        raise ConfigError("STARK_SMTP_TO", "enthält keine E-Mail-Adresse")
    for name, addresses in (("STARK_SMTP_FROM", [sender]), ("STARK_SMTP_TO", recipients)):
        for address in addresses:
            problem = address_problem(address)
            if problem:
                raise ConfigError(name, problem)
    security = (_optional(env, "STARK_SMTP_SECURITY") or "starttls").lower()
    if security not in SMTP_SECURITY:
        raise ConfigError("STARK_SMTP_SECURITY", f"„{security}“ ist ungültig – erlaubt: {', '.join(SMTP_SECURITY)}")
    if security == "none" and not is_loopback(host):
        raise ConfigError(
            "STARK_SMTP_SECURITY",
            "„none“ (unverschlüsselt) ist nur zu 127.0.0.1, localhost oder ::1 erlaubt – starttls oder ssl verwenden",
        )
    port_text = _optional(env, "STARK_SMTP_PORT")
    port = SMTP_DEFAULT_PORTS[security]
    if port_text is not None:
        if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
            raise ConfigError("STARK_SMTP_PORT", f"„{port_text}“ ist keine Portnummer (1–65535)")
        port = int(port_text)
    user = _optional(env, "STARK_SMTP_USER")
    password = _optional(env, "STARK_SMTP_PASSWORD")
    if user and password is None:
        raise ConfigError("STARK_SMTP_PASSWORD", "fehlt – STARK_SMTP_USER ist gesetzt")
    if password and user is None:
        raise ConfigError("STARK_SMTP_USER", "fehlt – STARK_SMTP_PASSWORD ist gesetzt")
    texts = _texts()
    return SmtpSink(host, sender, recipients, port, user, password, security, texts=texts)


def _webhook_from_env(env: Mapping[str, str]) -> WebhookSink:
    url = _required(env, "STARK_WEBHOOK_URL")
    problem = webhook_url_problem(url)
    if problem:
        raise ConfigError("STARK_WEBHOOK_URL", problem)
    return WebhookSink(url, _optional(env, "STARK_WEBHOOK_SECRET"), texts=_texts())


def sink_from_env(env: Mapping[str, str] = os.environ) -> Sink:
    """The sink named by ``STARK_HANDOFF_SINK`` (outbox, smtp or webhook; default outbox).

    Raises:
        ConfigError: A variable is missing or invalid (the German message names it).
    """
    kind = (_optional(env, "STARK_HANDOFF_SINK") or "outbox").lower()
    if kind == "outbox":
        return OutboxOnlySink()
    if kind == "smtp":
        return _smtp_from_env(env)
    if kind == "webhook":
        return _webhook_from_env(env)
    raise ConfigError("STARK_HANDOFF_SINK", f"„{kind}“ ist unbekannt – erlaubt: {', '.join(SINK_NAMES)}")
