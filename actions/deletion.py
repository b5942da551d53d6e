"""Deletion on request ("Bitte löschen Sie alles"): confirm, end the conversation, mark it for deletion.

The tracker store (``components/tracker_store.py``) deletes the conversation when it saves this
turn; the ``Restarted`` event carries the marker it looks for (:mod:`bot.deletion`) and also
resets the conversation should a store without deletion be configured.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, Restarted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.deletion import DELETE_ACTION, deletion_marker

CASE_REFERENCE = "case_reference"


class ActionDeleteConversation(Action):
    """Confirm in one sentence that the conversation is deleted; a handed-over case stays."""

    def name(self) -> str:
        """The action the deletion rules run (data/rules/smalltalk.yml)."""
        return DELETE_ACTION

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Confirm, then restart with the deletion marker and wait for the next message."""
        reference = tracker.get_slot(CASE_REFERENCE)
        if reference:
            dispatcher.utter_message(response="utter_conversation_deleted_case_kept", reference=reference)
        else:
            dispatcher.utter_message(response="utter_conversation_deleted")
        restarted = Restarted()
        restarted["metadata"] = deletion_marker()
        # Restarted would run action_session_start (the greeting) next; listen instead.
        return [restarted, FollowupAction("action_listen")]
