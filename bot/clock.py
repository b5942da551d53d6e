"""The current time in Germany; one function so tests can set the clock."""

from __future__ import annotations

from datetime import datetime

from bot.hours import BERLIN


def now() -> datetime:
    """Timezone-aware current time in Europe/Berlin."""
    return datetime.now(BERLIN)
