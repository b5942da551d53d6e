"""One mechanism for messages inside a form that do not answer its question.

Every form's validation action derives from :class:`DigressionAwareForm`. When the user asks a
question instead of answering ("Ist das eigentlich vertraulich?" while the handoff asks for
consent), presses a section or question button, or says "zurück", the question is answered and
the form is *paused*: nothing is stored in its slot, the form stops asking, and one short line
with a button offers to go on later (``utter_paused_<form>``; the button sends ``/resume_form``,
and :class:`ActionResumeForm` starts the paused form again where it stopped). Answers are
recognised before questions: a date, a wish button or "Rückruf per Telefon" is always the
answer, whatever the NLU thinks. "wiederholen" repeats the
form's question. "abbrechen" and "löschen" leave every form (data/rules/smalltalk.yml), a wish
for a person starts the handoff (data/rules/handoff.yml).
"""

from __future__ import annotations

from abc import ABCMeta, abstractmethod
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.events import latest_intent
from actions.knowledge import ARTICLE_SLOT, current_topic, say, unplaced_decision
from actions.questions import answer_intent, is_question
from bot.asking import Decision, incident_follow_up, looks_like_question
from bot.history import slot_values
from bot.knowledge import knowledge_base
from bot.language import load_languages

DIGRESSION_SLOT = "form_digression"  # True once a paused form is resumed: its question comes briefly
PAUSED_SLOT = "paused_form"
REQUESTED_SLOT = "requested_slot"
REPEAT_INTENT = "repeat"
HUMAN_INTENT = "request_human"
LANGUAGE_INTENT = "other_language"
# Messages the classifier could not place: answered only if they plainly ask one of our questions.
UNRECOGNISED = frozenset({"nlu_fallback", "out_of_scope"})
HANDOFF_FORM = "handoff_form"
CONTACTS_FORM = "contacts_form"
PLACE_SLOT = "bundesland"  # also the entity of a Land, Kreis or town (components/places.py)


class DigressionAwareForm(FormValidationAction, metaclass=ABCMeta):
    """Form validation that answers a question and pauses the form (abstract: the action server
    registers only the forms' own validation actions)."""

    @abstractmethod
    def name(self) -> str:
        """``validate_<form name>``."""

    def is_answer(self, slot: str, text: str, tracker: Tracker) -> bool:
        """Whether ``text`` answers the form's question for ``slot`` (forms override this)."""
        return False

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Answer a question and pause the form; "wiederholen": ask again; else validate."""
        requested = tracker.get_slot(REQUESTED_SLOT)
        intent = latest_intent(tracker)
        text = str((tracker.latest_message or {}).get("text") or "")
        if requested and intent == LANGUAGE_INTENT:
            # A message in another language: the reply in it; the form waits (not re-asked in German).
            dispatcher.utter_message(
                response="utter_foreign_language",
                reply=load_languages().reply(str((tracker.latest_message or {}).get("language") or "")),
            )
            return self._leave(str(requested), "action_listen", paused=True)
        if requested and not self.is_answer(str(requested), text, tracker):
            if intent == HUMAN_INTENT and self.form_name() != HANDOFF_FORM:
                # "Können Sie das an die Starke Stelle weitergeben?" during the date question: the
                # handoff starts (data/rules/handoff.yml goes on after action_handoff_reset).
                return self._leave(str(requested), "action_handoff_reset", paused=False)
            if intent == REPEAT_INTENT:
                return [SlotSet(str(requested), None), SlotSet(DIGRESSION_SLOT, False)]
            if self._asks_for_place(tracker, intent, str(requested)):
                # "Ich bin aus dem Landkreis Fulda, was gibt's da?" during the date question: the
                # contacts there; the form can be resumed later.
                dispatcher.utter_message(response=f"utter_paused_{self.form_name()}")
                return self._leave(str(requested), CONTACTS_FORM, paused=True)
            events = self._answer(dispatcher, tracker, domain, intent, text)
            if events is not None:
                dispatcher.utter_message(response=f"utter_paused_{self.form_name()}")
                return [
                    *events,
                    SlotSet(DIGRESSION_SLOT, True),
                    *self._leave(str(requested), "action_listen", paused=True),
                ]
        events = await super().run(dispatcher, tracker, domain)
        filled = any(e.get("event") == "slot" and e.get("name") != REQUESTED_SLOT for e in events)
        if not requested or not filled:
            # The form starts (its first question keeps its variant), or nothing was extracted:
            # no event of ours, so Rasa rejects the form and the rules answer ("löschen").
            return events
        return [*events, SlotSet(PAUSED_SLOT, None), SlotSet(DIGRESSION_SLOT, False)]

    def _leave(self, requested: str, next_action: str, *, paused: bool) -> list[EventType]:
        """Stop the form without storing anything in its slot; ``paused``: it can be resumed."""
        pause = [SlotSet(PAUSED_SLOT, self.form_name())] if paused else []
        return [
            SlotSet(requested, None),
            SlotSet(REQUESTED_SLOT, None),
            *pause,
            ActiveLoop(None),
            FollowupAction(next_action),
        ]

    def _asks_for_place(self, tracker: Tracker, intent: str, requested: str) -> bool:
        """A place named in a message the classifier could not place (or a wish for contacts)
        while this form asks for something else."""
        if self.form_name() == CONTACTS_FORM or requested == PLACE_SLOT:
            return False
        named = next(tracker.get_latest_entity_values(PLACE_SLOT), None)
        return bool(named) and intent in {*UNRECOGNISED, "inform_state", "ask_contacts"}

    @staticmethod
    def _answer(
        dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, intent: str, text: str
    ) -> list[Any] | None:
        """The answer to a question in the form, or None if the message is no question."""
        topics = [str(v) for v in slot_values(tracker.events, ARTICLE_SLOT) if v]
        if is_question(intent) or incident_follow_up(intent, text, topics, knowledge_base()):
            # (a report of the incident already handled, asked as a question: "ist es zu spät?")
            return answer_intent(dispatcher, tracker, domain, intent)
        if intent not in UNRECOGNISED:  # "abbrechen", "löschen", a crisis, "ja"/"nein": the rules decide
            return None
        decision = unplaced_decision(tracker)
        if decision.kind == "question":
            return say(dispatcher, tracker, decision)
        if looks_like_question(text):  # a question we have no answer for: say so, never "no date"
            topic = current_topic(tracker)
            return say(dispatcher, tracker, Decision("none", topic) if topic else Decision("ask_topic"))
        return None


class ActionResumeForm(Action):
    """ "Frist berechnen", "Weiter mit der Zusammenfassung": the paused form goes on."""

    def name(self) -> str:
        """Used by data/rules/forms.yml."""
        return "action_resume_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Run the paused form next (it asks what is still open), or say nothing is open."""
        paused = str(tracker.get_slot(PAUSED_SLOT) or "")
        if paused not in (domain.get("forms") or {}):
            dispatcher.utter_message(response="utter_nothing_to_resume")
            return []
        return [SlotSet(PAUSED_SLOT, None), SlotSet(DIGRESSION_SLOT, True), FollowupAction(paused)]
