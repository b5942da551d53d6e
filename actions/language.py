"""The short reply to a message in another language (knowledge/languages.yml)."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.events import last_bot_turn
from bot.language import load_languages

LANGUAGE_KEY = "language"  # set in the parse result by components.language.LanguageGuard


class ActionOtherLanguage(Action):
    """Say, in the user's language, that the assistant speaks German, and where help is."""

    def name(self) -> str:
        """Used by data/rules/language.yml."""
        return "action_other_language"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Reply in the detected language (English where we have no text for it)."""
        code = str((tracker.latest_message or {}).get(LANGUAGE_KEY) or "")
        again = "utter_foreign_language" in last_bot_turn(tracker)
        dispatcher.utter_message(response="utter_foreign_language", reply=load_languages().reply(code, again=again))
        return []
