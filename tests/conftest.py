"""Shared fixtures: the trained model, a real action server, and a conversation driver.

Conversation tests hand cases over to a real webhook receiver on loopback and keep the outbox
in a temporary directory, so nothing touches the repository's var/ or the internet.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tools.conversation import Conversation, action_server, load_agent, newest_model, response_text

ROOT = Path(__file__).resolve().parents[1]

__all__ = ["Conversation", "WebhookReceiver", "response_text"]


class WebhookReceiver:
    """A loopback HTTP server that records every JSON body posted to it."""

    def __init__(self) -> None:
        received: list[dict[str, Any]] = []
        self.received = received

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                received.append({"headers": dict(self.headers), "body": body})
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args: Any) -> None:  # keep test output clean
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/cases"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> WebhookReceiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def by_reference(self, reference: str) -> list[dict[str, Any]]:
        """Every delivery of the case ``reference``."""
        return [r for r in self.received if r["body"].get("reference") == reference]


@pytest.fixture(scope="session")
def model_path() -> Path:
    """The model `make train` produced (make test trains before running pytest)."""
    model = newest_model(ROOT / "models")
    if model is None:
        pytest.fail("Kein trainiertes Modell in models/: zuerst 'make train' ausführen.")
    return model


@pytest.fixture(scope="session")
def event_loop_for_agent() -> Iterator[asyncio.AbstractEventLoop]:
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="session")
def webhook() -> Iterator[WebhookReceiver]:
    """The support desk's webhook, as the action server's handoff sink."""
    with WebhookReceiver() as receiver:
        yield receiver


@pytest.fixture(scope="session")
def outbox_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The action server's outbox file for this test session."""
    return tmp_path_factory.mktemp("handoff") / "outbox.sqlite3"


@pytest.fixture(scope="session")
def agent(
    model_path: Path, event_loop_for_agent: asyncio.AbstractEventLoop, webhook: WebhookReceiver, outbox_path: Path
) -> Iterator[Any]:
    """The trained assistant with a real action server delivering to the loopback webhook."""
    from rasa.utils.log_utils import configure_structlog

    # Rasa logs parsed message texts at DEBUG; keep them out of test output like out of logs.
    configure_structlog(logging.WARNING)
    logging.getLogger("rasa").setLevel(logging.WARNING)
    settings = {
        "STARK_OUTBOX_PATH": str(outbox_path),
        "STARK_HANDOFF_SINK": "webhook",
        "STARK_WEBHOOK_URL": webhook.url,
    }
    saved = {key: os.environ.get(key) for key in settings}
    os.environ.update(settings)
    try:
        with action_server() as url:
            yield load_agent(model_path, url, event_loop_for_agent)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture
def conversation(agent: Any, event_loop_for_agent: asyncio.AbstractEventLoop) -> Conversation:
    """A fresh conversation with a new sender id."""
    return Conversation(agent, event_loop_for_agent)
