"""Shared fixtures: the trained model, a real action server, and a conversation driver."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def response_text(name: str) -> str:
    """First text variant of a domain response (what the user sees)."""
    variants = DOMAIN["responses"][name]
    return " ".join(str(variants[-1]["text"]).split())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def model_path() -> Path:
    """The model `make train` produced (make test trains before running pytest)."""
    models = sorted((ROOT / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        pytest.fail("Kein trainiertes Modell in models/: zuerst 'make train' ausführen.")
    return models[-1]


@pytest.fixture(scope="session")
def action_server() -> Iterator[str]:
    """A real action server (rasa_sdk) on a free loopback port."""
    port = _free_port()
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
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=1):
                    break
            except OSError:
                if process.poll() is not None:
                    pytest.fail("Action-Server ist nicht gestartet")
                time.sleep(0.5)
        else:
            pytest.fail("Action-Server antwortet nicht")
        yield f"{url}/webhook"
    finally:
        process.terminate()
        process.wait(timeout=20)


class Conversation:
    """Talks to the trained bot as one user, through Rasa's full message handling."""

    def __init__(self, agent: Any, loop: asyncio.AbstractEventLoop) -> None:
        self.agent = agent
        self.loop = loop
        self.sender = f"test-{uuid.uuid4().hex[:12]}"

    def say(self, text: str) -> list[str]:
        """Send ``text``; return the bot's reply texts in order."""
        replies = self.loop.run_until_complete(self.agent.handle_text(text, sender_id=self.sender))
        return [" ".join(str(r.get("text", "")).split()) for r in replies or []]

    def tracker(self) -> Any:
        """The conversation's tracker (to check form state)."""
        return self.loop.run_until_complete(
            self.agent.processor.get_tracker(self.sender)  # type: ignore[union-attr]
        )


@pytest.fixture(scope="session")
def event_loop_for_agent() -> Iterator[asyncio.AbstractEventLoop]:
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="session")
def agent(model_path: Path, action_server: str, event_loop_for_agent: asyncio.AbstractEventLoop) -> Any:
    """The trained assistant with the real action server."""
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig

    asyncio.set_event_loop(event_loop_for_agent)
    return Agent.load(str(model_path), action_endpoint=EndpointConfig(url=action_server))


@pytest.fixture
def conversation(agent: Any, event_loop_for_agent: asyncio.AbstractEventLoop) -> Conversation:
    """A fresh conversation with a new sender id."""
    return Conversation(agent, event_loop_for_agent)
