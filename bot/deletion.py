"""Deleting a conversation on request: what the action and the tracker store agree on.

"Bitte löschen Sie alles" runs ``action_delete_conversation``. The action returns a ``Restarted``
event that carries :func:`deletion_marker` in its metadata; our tracker store
(``components/tracker_store.py``) sees either of the two in the latest turn and deletes every
stored event of the conversation instead of saving it. Events are read in Rasa's serialised form
(``Event.as_dict()``, the same dicts ``rasa_sdk`` sends), so this module needs no Rasa.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bot.text import compile_folded, fold

DELETE_ACTION = "action_delete_conversation"
MARKER_KEY = "stark_im_amt"
MARKER_VALUE = "delete_conversation"


# What a request to delete names: the conversation, the data, "alles". Without it, "löschen" in
# a longer message is about something else ("erstmal löschen" at a fire, "Kommentare löschen").
DELETION_OBJECT = compile_folded(
    r"\b(?:gespräch\w*|chat\w*|daten|verlauf|alles|nachrichten|unterhaltung|konversation|gespeichert\w*|"
    r"speicher\w*|protokoll|das\s+hier|meine\s+angaben|vergiss|vergessen|spuren)\b|/l(?:ö|oe)schen"
)
# "löschen", "bitte löschen", "/loeschen": short enough to be the request itself.
_SHORT_REQUEST_WORDS = 2


def asks_for_deletion(text: str) -> bool:
    """Whether a message the classifier read as a deletion request really asks for one."""
    return len(text.split()) <= _SHORT_REQUEST_WORDS or bool(DELETION_OBJECT.search(fold(text)))


def deletion_marker() -> dict[str, str]:
    """Event metadata that asks the tracker store to delete the conversation."""
    return {MARKER_KEY: MARKER_VALUE}


def is_deletion_event(event: Mapping[str, Any]) -> bool:
    """Whether ``event`` is the deletion action having run or carries the deletion marker."""
    if event.get("event") == "action" and event.get("name") == DELETE_ACTION:
        return True
    metadata = event.get("metadata")
    return isinstance(metadata, Mapping) and metadata.get(MARKER_KEY) == MARKER_VALUE


def deletion_requested(events_newest_first: Iterable[Mapping[str, Any]]) -> bool:
    """Whether the latest turn (the events after the last user message) asks for deletion."""
    for event in events_newest_first:
        if is_deletion_event(event):
            return True
        if event.get("event") == "user":
            return False
    return False
