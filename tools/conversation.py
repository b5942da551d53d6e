"""Drive the trained assistant in-process, with a real action server (tests and evaluation)."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ENDPOINTS = ROOT / "endpoints.yml"


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def action_server(timeout: float = 60) -> Iterator[str]:
    """Run the project's action server (rasa_sdk) on a free loopback port; yield its webhook."""
    port = free_port()
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2")
    process = subprocess.Popen(
        [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=1):
                    break
            except OSError as exc:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("Action-Server ist nicht gestartet") from exc
                time.sleep(0.5)
        yield f"{url}/webhook"
    finally:
        process.terminate()
        process.wait(timeout=20)


def response_text(name: str, variant: int = -1) -> str:
    """The text of a domain response as the user sees it (by default the last, unconditional
    variant), with the Starke Stelle's phone and hours filled in as the session start sets them."""
    from actions.session import starke_stelle_slots
    from bot.domain import load_domain

    variants = load_domain()["responses"][name]
    text = " ".join(str(variants[variant]["text"]).split())
    for event in starke_stelle_slots():
        text = text.replace("{" + str(event["name"]) + "}", str(event["value"]))
    return text


def newest_model(models_dir: Path = ROOT / "models") -> Path | None:
    """The model Rasa would load from ``models_dir``."""
    models = sorted(models_dir.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def load_agent(model: Path, action_webhook: str, loop: asyncio.AbstractEventLoop) -> Any:
    """Load the trained assistant, talking to the given action server, with the tracker store of
    endpoints.yml (so conversations are deleted and expire as in the running server)."""
    from rasa.core.agent import Agent
    from rasa.core.tracker_store import TrackerStore
    from rasa.core.utils import AvailableEndpoints
    from rasa.utils.endpoints import EndpointConfig

    asyncio.set_event_loop(loop)
    # As in endpoints.yml: the domain goes only to the actions that need it.
    endpoint = EndpointConfig(url=action_webhook, enable_selective_domain=True)
    tracker_store = TrackerStore.create(AvailableEndpoints.read_endpoints(str(ENDPOINTS)).tracker_store)
    return Agent.load(str(model), action_endpoint=endpoint, tracker_store=tracker_store)


class Conversation:
    """Talks to the trained bot as one user, through Rasa's full message handling."""

    def __init__(self, agent: Any, loop: asyncio.AbstractEventLoop) -> None:
        self.agent = agent
        self.loop = loop
        self.sender = f"conv-{uuid.uuid4().hex[:12]}"

    def say(self, text: str) -> list[str]:
        """Send ``text``; return the bot's reply texts in order (whitespace normalised)."""
        return [" ".join(str(r.get("text", "")).split()) for r in self.say_full(text)]

    def say_full(self, text: str) -> list[dict[str, Any]]:
        """Send ``text``; return the bot's replies as Rasa sends them (text, buttons, ...)."""
        replies = self.loop.run_until_complete(self.agent.handle_text(text, sender_id=self.sender))
        return list(replies or [])

    def first_reply(self, text: str) -> str:
        """The first reply to ``text`` once the session has started (with "Hallo")."""
        self.say("Hallo")
        replies = self.say(text)
        return replies[0] if replies else ""

    def tracker(self) -> Any:
        """The conversation's tracker (to check form state)."""
        return self.loop.run_until_complete(self.agent.processor.get_tracker(self.sender))


Talk = Callable[[Sequence[str]], list[list[str]]]


@contextmanager
def live_conversations(model: Path | None = None) -> Iterator[Callable[[], Conversation]]:
    """The trained bot (``model`` or the newest in models/) with a real action server.

    Yields a factory of new conversations (each a new sender, nothing said yet).
    """
    model = model or newest_model()
    if model is None:
        raise SystemExit("Kein Dialogmodell in models/: zuerst 'make train'.")
    loop = asyncio.new_event_loop()
    try:
        with action_server() as webhook:
            agent = load_agent(model, webhook, loop)
            yield lambda: Conversation(agent, loop)
    finally:
        loop.close()


@contextmanager
def live_bot(model: Path | None = None) -> Iterator[Talk]:
    """Yields ``talk(messages)``: one new conversation with the live bot that begins with
    "Hallo" (as a visitor's chat begins with the welcome); returns the bot's replies to each of
    ``messages``."""
    with live_conversations(model) as new:

        def talk(messages: Sequence[str]) -> list[list[str]]:
            conversation = new()
            conversation.say("Hallo")
            return [conversation.say(m) for m in messages]

        yield talk
