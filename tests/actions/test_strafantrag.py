"""Whether an incident needs a Strafantrag, and what the bot then says (real dispatcher and tracker).

A threat is prosecuted ex officio: it must never get the date question, a deadline or a
"too late" message – not even when its date is months ago or a rule starts the date form.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.deadline import ActionTellDeadline, ActionTellNoStrafantrag, ValidateDeadlineForm
from actions.incidents import ActionIncidentAdvice
from bot import clock
from bot.domain import load_domain
from bot.hours import BERLIN

DOMAIN: dict[str, Any] = {"responses": {}}
KINDS = {
    "report_insult": "required",
    "report_online_hate": "required",
    "report_defamation": "required",
    "report_threat": "none",
    "report_doxxing": "none",
    "report_council_intimidation": "none",
    "report_stalking": "relative",
    "report_physical_attack": "relative",
    "report_property_damage": "relative",
    "report_sexual_harassment": "relative",
}
DEADLINE_RESPONSES = {
    "utter_deadline_open",
    "utter_deadline_soon",
    "utter_deadline_last_day",
    "utter_deadline_passed",
    "utter_deadline_shifted_land",
    "utter_deadline_shifted_nationwide",
}


def user(intent: str, text: str = "") -> dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


def action(name: str) -> dict[str, Any]:
    return {"event": "action", "name": name}


def reported(intent: str, text: str = "") -> list[dict[str, Any]]:
    """The events of a report the bot acknowledged (and, where it asks, 'nein' to the danger)."""
    events = [user(intent, text), action(f"utter_ack_{intent}")]
    if KINDS[intent] != "required" and intent not in ("report_property_damage", "report_sexual_harassment"):
        events += [action("utter_ask_in_danger"), user("deny", "nein")]
    return events


def tracker(events: list[dict[str, Any]], slots: dict[str, Any] | None = None) -> Tracker:
    latest = events[-1].get("parse_data") if events else {}
    return Tracker("u1", slots or {}, latest or {}, events, False, None, None, "action_listen")


def responses(dispatcher: CollectingDispatcher) -> list[str]:
    return [m["response"] for m in dispatcher.messages]


def set_today(monkeypatch: pytest.MonkeyPatch, year: int, month: int, day: int) -> None:
    monkeypatch.setattr(clock, "now", lambda: datetime(year, month, day, 12, 0, tzinfo=BERLIN))


def rendered(message: dict[str, Any]) -> str:
    """The German text the user sees for one message (domain template filled in)."""
    template = " ".join(str(load_domain()["responses"][message["response"]][0]["text"]).split())
    return template.format(**{k: v for k, v in message.items() if isinstance(v, str)})


# --------------------------------------------------------------------------- the slot


@pytest.mark.parametrize(("intent", "kind"), sorted(KINDS.items()))
async def test_advice_sets_whether_a_strafantrag_is_needed(intent: str, kind: str) -> None:
    events = await ActionIncidentAdvice().run(CollectingDispatcher(), tracker(reported(intent)), DOMAIN)
    assert [e["value"] for e in events if e.get("name") == "strafantrag"] == [kind]


async def test_advice_without_an_incident_leaves_the_question_open() -> None:
    events = await ActionIncidentAdvice().run(CollectingDispatcher(), tracker([user("greet")]), DOMAIN)
    assert [e["value"] for e in events if e.get("name") == "strafantrag"] == [None]


# --------------------------------------------------------------------------- no date question


@pytest.mark.parametrize(("intent", "kind"), sorted(KINDS.items()))
async def test_the_date_is_asked_only_where_a_strafantrag_matters(intent: str, kind: str) -> None:
    slots = await ValidateDeadlineForm().required_slots(
        ["incident_date"], CollectingDispatcher(), tracker(reported(intent), {"strafantrag": kind}), DOMAIN
    )
    assert slots == ([] if kind == "none" else ["incident_date"])


async def test_a_threat_five_months_ago_is_never_told_it_is_too_late(monkeypatch: pytest.MonkeyPatch) -> None:
    set_today(monkeypatch, 2026, 11, 25)
    events = reported("report_threat", "vor fünf Monaten hat mir jemand per Mail gedroht")
    dispatcher = CollectingDispatcher()
    await ActionTellDeadline().run(
        dispatcher, tracker(events, {"strafantrag": "none", "incident_date": "2026-06-25"}), DOMAIN
    )
    assert responses(dispatcher) == ["utter_strafantrag_none", "utter_strafantrag_note"]
    assert not DEADLINE_RESPONSES & set(responses(dispatcher))
    text = " ".join(rendered(m) for m in dispatcher.messages)
    assert text.startswith("Eine Drohung mit einem Verbrechen")
    assert "(§ 241 Abs. 2 StGB) wird auch ohne Strafantrag verfolgt" in text
    assert "§ 241 Abs. 5" in text  # a threat of a lesser act follows that act's rules
    assert "auch später noch möglich" in text
    assert "abgelaufen" not in text and "zu spät" not in text and "2026" not in text


@pytest.mark.parametrize("intent", ["report_threat", "report_doxxing", "report_council_intimidation"])
async def test_offences_prosecuted_ex_officio_get_the_statement(intent: str) -> None:
    dispatcher = CollectingDispatcher()
    await ActionTellNoStrafantrag().run(dispatcher, tracker(reported(intent), {"strafantrag": "none"}), DOMAIN)
    said = responses(dispatcher)
    assert said[0] == "utter_strafantrag_none" and set(said) <= {"utter_strafantrag_none", "utter_strafantrag_note"}
    assert "auch später noch möglich" in rendered(dispatcher.messages[0])


async def test_council_intimidation_adds_that_insults_still_need_a_strafantrag() -> None:
    dispatcher = CollectingDispatcher()
    events = reported("report_council_intimidation")
    await ActionTellNoStrafantrag().run(dispatcher, tracker(events, {"strafantrag": "none"}), DOMAIN)
    assert responses(dispatcher) == ["utter_strafantrag_none", "utter_strafantrag_note"]
    assert rendered(dispatcher.messages[0]).startswith("Eine Nötigung (§ 240 StGB)")
    assert "Beleidigungen in der Sitzung werden dagegen nur auf Strafantrag verfolgt" in dispatcher.messages[1]["note"]


async def test_a_stale_slot_never_says_an_insult_needs_no_strafantrag() -> None:
    dispatcher = CollectingDispatcher()
    await ActionTellNoStrafantrag().run(dispatcher, tracker(reported("report_insult"), {"strafantrag": "none"}), DOMAIN)
    assert responses(dispatcher) == ["utter_deadline_general", "utter_strafantrag_required"]


# --------------------------------------------------------------------------- required and relative


@pytest.mark.parametrize(
    ("intent", "expected"),
    [
        ("report_insult", ["utter_deadline_open", "utter_strafantrag_required"]),
        ("report_online_hate", ["utter_deadline_open", "utter_strafantrag_required", "utter_strafantrag_note"]),
        ("report_stalking", ["utter_deadline_open", "utter_strafantrag_relative"]),
        ("report_physical_attack", ["utter_deadline_open", "utter_strafantrag_relative", "utter_strafantrag_note"]),
    ],
)
async def test_deadline_then_whether_the_strafantrag_is_needed(
    monkeypatch: pytest.MonkeyPatch, intent: str, expected: list[str]
) -> None:
    set_today(monkeypatch, 2026, 11, 25)
    dispatcher = CollectingDispatcher()
    slots = {"strafantrag": KINDS[intent], "incident_date": "2026-11-19"}
    await ActionTellDeadline().run(dispatcher, tracker(reported(intent), slots), DOMAIN)
    assert responses(dispatcher) == expected


async def test_relative_says_three_months_and_the_special_public_interest(monkeypatch: pytest.MonkeyPatch) -> None:
    set_today(monkeypatch, 2026, 11, 25)
    dispatcher = CollectingDispatcher()
    slots = {"strafantrag": "relative", "incident_date": "2026-11-19"}
    await ActionTellDeadline().run(dispatcher, tracker(reported("report_stalking"), slots), DOMAIN)
    deadline, relative = (rendered(m) for m in dispatcher.messages)
    assert "innerhalb von drei Monaten" in deadline and "Freitag, 19. Februar 2027" in deadline
    assert relative.startswith("Stalking (§ 238 StGB) wird grundsätzlich nur auf Strafantrag verfolgt")
    assert "besonderes öffentliches Interesse" in relative


async def test_a_date_reported_in_the_form_does_not_change_the_incident(monkeypatch: pytest.MonkeyPatch) -> None:
    """The NLU may file the date answer as another incident: the acknowledged one counts."""
    set_today(monkeypatch, 2026, 11, 25)
    events = [*reported("report_property_damage"), action("deadline_form"), user("report_threat", "gestern")]
    dispatcher = CollectingDispatcher()
    await ActionTellDeadline().run(dispatcher, tracker(events, {"incident_date": "2026-11-24"}), DOMAIN)
    assert responses(dispatcher) == ["utter_deadline_open", "utter_strafantrag_relative"]


# --------------------------------------------------------------------------- weekend and holidays


async def test_a_saturday_end_moves_to_monday_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    set_today(monkeypatch, 2026, 11, 25)
    dispatcher = CollectingDispatcher()
    slots = {"strafantrag": "required", "incident_date": "2026-09-12"}
    await ActionTellDeadline().run(dispatcher, tracker(reported("report_insult"), slots), DOMAIN)
    assert responses(dispatcher) == [
        "utter_deadline_open",
        "utter_deadline_shifted_nationwide",
        "utter_strafantrag_required",
    ]
    assert dispatcher.messages[0]["last_day"] == "Montag, 14. Dezember 2026"
    assert dispatcher.messages[0]["days"] == "19 Tage"
    shifted = rendered(dispatcher.messages[1])
    assert "Samstag, 12. Dezember 2026" in shifted and "§ 77b Abs. 1 Satz 2 StGB" in shifted
    assert "nur die bundesweiten Feiertage" in shifted


@pytest.mark.parametrize(
    ("land", "last_day", "shift"),
    [
        ("Sachsen", "Montag, 3. November 2025", "utter_deadline_shifted_land"),  # Reformationstag
        ("Bayern", "Freitag, 31. Oktober 2025", None),
        (None, "Freitag, 31. Oktober 2025", None),  # unknown Land: nationwide holidays only
    ],
)
async def test_the_lands_holidays_count_when_the_land_is_known(
    monkeypatch: pytest.MonkeyPatch, land: str | None, last_day: str, shift: str | None
) -> None:
    set_today(monkeypatch, 2025, 10, 20)
    dispatcher = CollectingDispatcher()
    slots = {"strafantrag": "relative", "incident_date": "2025-07-31", "bundesland": land}
    await ActionTellDeadline().run(dispatcher, tracker(reported("report_property_damage"), slots), DOMAIN)
    assert dispatcher.messages[0]["last_day"] == last_day
    shifts = [m for m in dispatcher.messages if m["response"].startswith("utter_deadline_shifted")]
    assert [m["response"] for m in shifts] == ([shift] if shift else [])
    if shift:
        assert shifts[0]["land"] == "Sachsen" and "Feiertage in Sachsen" in rendered(shifts[0])


async def test_one_day_left_is_singular(monkeypatch: pytest.MonkeyPatch) -> None:
    set_today(monkeypatch, 2026, 11, 25)
    dispatcher = CollectingDispatcher()
    slots = {"strafantrag": "required", "incident_date": "2026-08-26"}
    await ActionTellDeadline().run(dispatcher, tracker(reported("report_insult"), slots), DOMAIN)
    text = rendered(dispatcher.messages[0])
    assert dispatcher.messages[0]["response"] == "utter_deadline_soon"
    assert "Sie haben nur noch 1 Tag." in text and "bleiben" not in text
