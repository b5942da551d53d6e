"""Shared fixtures: the trained model, a real action server, and a conversation driver."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tools.conversation import Conversation, action_server, load_agent, newest_model, response_text

ROOT = Path(__file__).resolve().parents[1]

__all__ = ["Conversation", "response_text"]


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
def agent(model_path: Path, event_loop_for_agent: asyncio.AbstractEventLoop) -> Iterator[Any]:
    """The trained assistant with a real action server."""
    from rasa.utils.log_utils import configure_structlog

    # Rasa logs parsed message texts at DEBUG; keep them out of test output like out of logs.
    configure_structlog(logging.WARNING)
    logging.getLogger("rasa").setLevel(logging.WARNING)
    with action_server() as webhook:
        yield load_agent(model_path, webhook, event_loop_for_agent)


@pytest.fixture
def conversation(agent: Any, event_loop_for_agent: asyncio.AbstractEventLoop) -> Conversation:
    """A fresh conversation with a new sender id."""
    return Conversation(agent, event_loop_for_agent)
