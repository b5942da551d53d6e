"""Actions over the knowledge base, the directory, the deadline and the handoff form.

Real CollectingDispatcher and Tracker; the clock is set where opening hours or dates matter.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.contacts import FIRST_CONTACTS, ActionListContacts, ActionListMoreContacts, ActionStarkeStelleStatus
from actions.deadline import ActionTellDeadline, ValidateDeadlineForm
from actions.handoff import ValidateHandoffForm
from actions.knowledge import ActionAnswerKnowledge, ActionShowSection
from bot import clock
from bot.hours import BERLIN
from bot.knowledge import MESSAGE_LIMIT, knowledge_base

DOMAIN: dict[str, Any] = {"responses": {}}


def tracker(
    intent: str = "greet",
    slots: dict[str, Any] | None = None,
    events: list[dict[str, Any]] | None = None,
    entities: list[dict[str, Any]] | None = None,
) -> Tracker:
    latest = {"intent": {"name": intent, "confidence": 0.9}, "entities": entities or [], "text": ""}
    return Tracker("u1", slots or {}, latest, events or [], False, None, None, "action_listen")


def user(intent: str, text: str = "") -> dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


def responses(dispatcher: CollectingDispatcher) -> list[str]:
    return [m["response"] for m in dispatcher.messages]


def set_clock(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    monkeypatch.setattr(clock, "now", lambda: moment)


def slot_values(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


# --------------------------------------------------------------------------- knowledge


async def test_question_gets_summary_and_section_buttons() -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionAnswerKnowledge().run(dispatcher, tracker("ask_evidence"), DOMAIN)
    article = knowledge_base().article_for("ask_evidence")
    assert article is not None
    assert dispatcher.messages[0]["part"] == article.summary
    buttons = dispatcher.messages[-1]["buttons"]
    assert [b["title"] for b in buttons][-2:] == ["Ansprechpartner", "Mit der Starken Stelle sprechen"]
    assert [b["title"] for b in buttons][:-2] == [s.title for s in article.sections]
    assert slot_values(events) == {
        "article": article.id,
        "sections_shown": [],
        "last_answer": "summary:beweise-sichern",
    }


async def test_platform_and_role_change_the_answer() -> None:
    dispatcher = CollectingDispatcher()
    await ActionAnswerKnowledge().run(
        dispatcher, tracker("ask_platform_report", slots={"platform": "Facebook"}), DOMAIN
    )
    assert "utter_platform_note" in responses(dispatcher)
    assert dispatcher.messages[1]["platform"] == "Facebook"

    dispatcher = CollectingDispatcher()
    slots = {"role": "Gemeinderat/Gemeinderätin"}
    await ActionAnswerKnowledge().run(dispatcher, tracker("ask_address_protection", slots=slots), DOMAIN)
    article = knowledge_base().article_for("ask_address_protection")
    assert article is not None
    assert dispatcher.messages[1] == {**dispatcher.messages[1], "response": "utter_role_note"}
    assert dispatcher.messages[1]["note"] == article.role_notes["ehrenamt"]


async def test_bundesland_adds_the_lands_offers_or_the_honest_note() -> None:
    dispatcher = CollectingDispatcher()
    await ActionAnswerKnowledge().run(dispatcher, tracker("ask_contacts", slots={"bundesland": "Hessen"}), DOMAIN)
    offers = [m for m in dispatcher.messages if m["response"] == "utter_land_offers"]
    assert len(offers) == 1 and "Hessen gegen Hetze" in offers[0]["contacts"]  # the heading once
    listed = "\n".join(m.get("contacts", "") for m in dispatcher.messages)
    assert "Starke Stelle" in listed
    assert all(len(m.get("contacts", "")) <= 600 for m in dispatcher.messages)

    dispatcher = CollectingDispatcher()
    await ActionAnswerKnowledge().run(dispatcher, tracker("ask_contacts", slots={"bundesland": "Hamburg"}), DOMAIN)
    assert "utter_land_none_known" in responses(dispatcher)


async def test_section_is_split_at_paragraphs_and_legal_note_is_said_once() -> None:
    article = knowledge_base().article_for("report_threat")
    assert article is not None
    dispatcher = CollectingDispatcher()
    entities = [{"entity": "section", "value": "recht"}]
    events = await ActionShowSection().run(
        dispatcher, tracker("show_section", slots={"article": article.id}, entities=entities), DOMAIN
    )
    assert responses(dispatcher)[:2] == ["utter_no_legal_advice", "utter_article_section_title"]
    parts = [m["part"] for m in dispatcher.messages if m["response"] == "utter_article_part"]
    section = article.section("recht")
    assert section is not None
    assert "\n\n".join(parts) == "\n\n".join(section.paragraphs)
    assert all(len(p) <= MESSAGE_LIMIT for p in parts)
    assert slot_values(events) == {"sections_shown": ["recht"], "legal_note_shown": True}

    dispatcher = CollectingDispatcher()
    slots = {"article": article.id, "legal_note_shown": True}
    await ActionShowSection().run(dispatcher, tracker("show_section", slots=slots, entities=entities), DOMAIN)
    assert "utter_no_legal_advice" not in responses(dispatcher)


async def test_more_without_a_section_shows_the_next_unread_one() -> None:
    article = knowledge_base().article_for("report_threat")
    assert article is not None
    dispatcher = CollectingDispatcher()
    slots = {"article": article.id, "sections_shown": [article.sections[0].key]}
    await ActionShowSection().run(dispatcher, tracker("show_section", slots=slots), DOMAIN)
    assert dispatcher.messages[0]["title"] == article.sections[1].title
    remaining = [b["title"] for b in dispatcher.messages[-1]["buttons"]]
    assert article.sections[0].title not in remaining and article.sections[1].title not in remaining


async def test_more_without_an_article_asks_for_a_topic() -> None:
    dispatcher = CollectingDispatcher()
    await ActionShowSection().run(dispatcher, tracker("show_section"), DOMAIN)
    assert responses(dispatcher) == ["utter_no_article"]


# --------------------------------------------------------------------------- contacts


async def test_contacts_for_a_land_are_ranked_most_specific_first(monkeypatch: pytest.MonkeyPatch) -> None:
    set_clock(monkeypatch, datetime(2026, 11, 25, 10, 0, tzinfo=BERLIN))
    dispatcher = CollectingDispatcher()
    events = [user("report_threat"), user("ask_contacts")]
    await ActionListContacts().run(dispatcher, tracker("ask_contacts", {"bundesland": "Sachsen"}, events), DOMAIN)
    listing = "\n".join(m["contacts"] for m in dispatcher.messages if m["response"] == "utter_contacts_part")
    assert responses(dispatcher)[0] == "utter_contacts_intro_land"
    assert listing.index("ZASTEX") < listing.index("Starke Stelle")
    assert "jetzt erreichbar (bis 16 Uhr)" in listing
    assert "110" not in listing.split("\n")[0]  # no danger mentioned: 110 is not pushed first
    # The first few only; "Weitere Stellen" lists the rest, in rank order, none twice.
    assert listing.count("• ") <= FIRST_CONTACTS and "WEISSER RING" not in listing
    assert "utter_contacts_more" in responses(dispatcher)
    more = CollectingDispatcher()
    shown = [*events, {"event": "bot", "metadata": {"utter_action": "utter_contacts_more"}}]
    await ActionListMoreContacts().run(more, tracker("more_contacts", {"bundesland": "Sachsen"}, shown), DOMAIN)
    rest = "\n".join(m["contacts"] for m in more.messages if m["response"] == "utter_contacts_part")
    assert "WEISSER RING" in rest and "ZASTEX" not in rest and "Starke Stelle" not in rest


async def test_danger_puts_110_first_and_hamburg_gets_the_honest_note(monkeypatch: pytest.MonkeyPatch) -> None:
    set_clock(monkeypatch, datetime(2026, 11, 28, 22, 0, tzinfo=BERLIN))  # Saturday night
    dispatcher = CollectingDispatcher()
    events = [user("report_stalking"), {"event": "bot", "metadata": {"utter_action": "utter_ask_in_danger"}}]
    events.append(user("affirm"))
    await ActionListContacts().run(dispatcher, tracker("ask_contacts", {"bundesland": "Hamburg"}, events), DOMAIN)
    assert responses(dispatcher)[:2] == ["utter_contacts_intro_land", "utter_land_none_known"]
    listing = "\n".join(m["contacts"] for m in dispatcher.messages if m["response"] == "utter_contacts_part")
    assert listing.startswith("• Notruf")
    assert "Starke Stelle" in listing and "wieder ab Montag, 9 Uhr" in listing


async def test_starke_stelle_status_outside_hours_names_what_is_reachable(monkeypatch: pytest.MonkeyPatch) -> None:
    set_clock(monkeypatch, datetime(2026, 12, 25, 11, 0, tzinfo=BERLIN))  # Christmas Day
    dispatcher = CollectingDispatcher()
    await ActionStarkeStelleStatus().run(dispatcher, tracker(), DOMAIN)
    status = dispatcher.messages[0]
    assert status["phone"] == "0800 300 99 44"
    assert status["availability"] == "gerade nicht erreichbar – wieder ab Montag, 9 Uhr"
    now_reachable = dispatcher.messages[1]["contacts"]
    assert "TelefonSeelsorge" in now_reachable and "110" in now_reachable


async def test_starke_stelle_status_in_hours_lists_nothing_else(monkeypatch: pytest.MonkeyPatch) -> None:
    set_clock(monkeypatch, datetime(2026, 11, 25, 15, 59, tzinfo=BERLIN))
    dispatcher = CollectingDispatcher()
    await ActionStarkeStelleStatus().run(dispatcher, tracker(), DOMAIN)
    assert responses(dispatcher) == ["utter_starke_stelle_status"]
    assert dispatcher.messages[0]["availability"] == "jetzt erreichbar (bis 16 Uhr)"


# --------------------------------------------------------------------------- deadline


@pytest.mark.parametrize(
    ("answer", "slots", "said"),
    [
        ("am 2. September", {"incident_date": "2026-09-02", "date_attempts": 0}, []),
        ("vor zwei Monaten", {"incident_date": "2026-09-25", "date_attempts": 0}, []),
        ("weiß ich nicht mehr", {"incident_date": "unbekannt"}, []),
        ("morgen", {"incident_date": None, "date_attempts": 1}, ["utter_date_future"]),
        ("irgendwann im Sommer", {"incident_date": None, "date_attempts": 1}, ["utter_date_vague"]),
        ("blau", {"incident_date": None, "date_attempts": 1}, ["utter_date_unparseable"]),
    ],
)
async def test_date_answers_are_read_or_asked_again(
    monkeypatch: pytest.MonkeyPatch, answer: str, slots: dict[str, Any], said: list[str]
) -> None:
    set_clock(monkeypatch, datetime(2026, 11, 25, 12, 0, tzinfo=BERLIN))
    dispatcher = CollectingDispatcher()
    result = await ValidateDeadlineForm().validate_incident_date(answer, dispatcher, tracker(), DOMAIN)
    assert result == slots
    assert responses(dispatcher) == said


async def test_a_question_instead_of_a_date_is_answered_and_pauses_the_form(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    set_clock(monkeypatch, datetime(2026, 11, 25, 12, 0, tzinfo=BERLIN))
    dispatcher = CollectingDispatcher()
    form = tracker("ask_evidence", slots={"requested_slot": "incident_date"})
    form.latest_message["text"] = "wie sichere ich beweise"
    events = await ValidateDeadlineForm().run(dispatcher, form, DOMAIN)
    said = responses(dispatcher)
    assert said[0] in {"utter_article_part", "utter_qa_answer"} and said[-1] == "utter_paused_deadline_form"
    assert "utter_date_unparseable" not in said  # never "Das Datum habe ich nicht verstanden"
    slots = slot_values(events)
    assert slots["incident_date"] is None and slots["paused_form"] == "deadline_form"
    assert "date_attempts" not in slots  # not counted as a failed date
    assert any(e.get("event") == "active_loop" and e.get("name") is None for e in events)
    assert any(e.get("event") == "followup" and e.get("name") == "action_listen" for e in events)


async def test_a_date_in_the_deadline_form_is_never_taken_for_a_question(monkeypatch: pytest.MonkeyPatch) -> None:
    set_clock(monkeypatch, datetime(2026, 11, 25, 12, 0, tzinfo=BERLIN))
    form = tracker("ask_evidence", slots={"requested_slot": "incident_date"})
    form.latest_message["text"] = "vor drei Tagen"
    assert ValidateDeadlineForm().is_answer("incident_date", "vor drei Tagen", form)
    assert ValidateDeadlineForm().is_answer("incident_date", "weiß ich nicht", form)
    assert not ValidateDeadlineForm().is_answer("incident_date", "wie sichere ich beweise", form)


async def test_a_date_the_nlu_files_as_a_question_is_still_a_date(monkeypatch: pytest.MonkeyPatch) -> None:
    set_clock(monkeypatch, datetime(2026, 11, 25, 12, 0, tzinfo=BERLIN))
    dispatcher = CollectingDispatcher()
    result = await ValidateDeadlineForm().validate_incident_date(
        "vor drei Wochen", dispatcher, tracker("ask_evidence"), DOMAIN
    )
    assert result == {"incident_date": "2026-11-04", "date_attempts": 0}
    assert responses(dispatcher) == []


async def test_third_unclear_date_gives_up_politely(monkeypatch: pytest.MonkeyPatch) -> None:
    set_clock(monkeypatch, datetime(2026, 11, 25, 12, 0, tzinfo=BERLIN))
    dispatcher = CollectingDispatcher()
    result = await ValidateDeadlineForm().validate_incident_date(
        "blau", dispatcher, tracker(slots={"date_attempts": 2}), DOMAIN
    )
    assert result == {"incident_date": "unbekannt", "date_attempts": 0}
    assert responses(dispatcher) == ["utter_date_give_up"]


@pytest.mark.parametrize(
    ("start", "today", "response", "last_day", "days"),
    [
        ("2026-09-02", date(2026, 11, 25), "utter_deadline_soon", "Mittwoch, 2. Dezember 2026", "7 Tage"),
        # 12 December 2026 is a Saturday: the period ends on Monday (§ 77b Abs. 1 S. 2 StGB)
        ("2026-09-12", date(2026, 11, 25), "utter_deadline_open", "Montag, 14. Dezember 2026", "19 Tage"),
        ("2026-09-09", date(2026, 11, 25), "utter_deadline_open", "Mittwoch, 9. Dezember 2026", "14 Tage"),
        ("2026-09-08", date(2026, 11, 25), "utter_deadline_soon", "Dienstag, 8. Dezember 2026", "13 Tage"),
        ("2026-08-25", date(2026, 11, 25), "utter_deadline_last_day", "Mittwoch, 25. November 2026", "0 Tage"),
        ("2026-08-24", date(2026, 11, 25), "utter_deadline_passed", "Dienstag, 24. November 2026", "0 Tage"),
        ("2027-11-30", date(2028, 2, 28), "utter_deadline_soon", "Dienstag, 29. Februar 2028", "1 Tag"),
    ],
)
async def test_deadline_is_told_with_last_day_and_days_left(
    monkeypatch: pytest.MonkeyPatch, start: str, today: date, response: str, last_day: str, days: str
) -> None:
    set_clock(monkeypatch, datetime(today.year, today.month, today.day, 12, 0, tzinfo=BERLIN))
    dispatcher = CollectingDispatcher()
    await ActionTellDeadline().run(dispatcher, tracker(slots={"incident_date": start}), DOMAIN)
    message = dispatcher.messages[0]
    assert (message["response"], message["last_day"], message["days"]) == (response, last_day, days)


async def test_unknown_date_gets_the_general_rule() -> None:
    dispatcher = CollectingDispatcher()
    await ActionTellDeadline().run(dispatcher, tracker(slots={"incident_date": "unbekannt"}), DOMAIN)
    assert responses(dispatcher) == ["utter_deadline_general"]


# --------------------------------------------------------------------------- handoff form


@pytest.mark.parametrize(
    ("slots", "required"),
    [
        ({}, ["handoff_consent", "handoff_wish", "contact_preference", "contact_detail"]),
        ({"handoff_consent": False}, ["handoff_consent"]),
        (
            {"handoff_consent": True, "contact_preference": "anonym"},
            ["handoff_consent", "handoff_wish", "contact_preference"],
        ),
        (
            {"handoff_consent": True, "contact_preference": "telefon"},
            ["handoff_consent", "handoff_wish", "contact_preference", "contact_detail"],
        ),
    ],
)
async def test_contact_details_are_only_asked_for_a_call_back(slots: dict[str, Any], required: list[str]) -> None:
    form = ValidateHandoffForm()
    result = await form.required_slots(list(required), CollectingDispatcher(), tracker(slots=slots), DOMAIN)
    assert result == required


async def test_invalid_contact_is_asked_once_then_anonymous() -> None:
    form = ValidateHandoffForm()
    slots = {"contact_preference": "telefon"}
    dispatcher = CollectingDispatcher()
    result = await form.validate_contact_detail("ruf an", dispatcher, tracker(slots=slots), DOMAIN)
    assert result == {"contact_detail": None, "contact_attempts": 1}
    assert responses(dispatcher) == ["utter_contact_invalid_phone"]
    dispatcher = CollectingDispatcher()
    result = await form.validate_contact_detail(
        "ruf an", dispatcher, tracker(slots={**slots, "contact_attempts": 1}), DOMAIN
    )
    assert result == {"contact_detail": None, "contact_preference": "anonym", "contact_attempts": 0}
    assert responses(dispatcher) == ["utter_contact_declined"]


async def test_valid_email_and_declined_contact() -> None:
    form = ValidateHandoffForm()
    dispatcher = CollectingDispatcher()
    result = await form.validate_contact_detail(
        " anna@beispiel.de ", dispatcher, tracker(slots={"contact_preference": "email"}), DOMAIN
    )
    assert result == {"contact_detail": "anna@beispiel.de", "contact_attempts": 0}
    result = await form.validate_contact_detail(
        "lieber nicht", dispatcher, tracker(slots={"contact_preference": "email"}), DOMAIN
    )
    assert result["contact_preference"] == "anonym"


async def test_wish_and_preference_are_stored_as_categories() -> None:
    form = ValidateHandoffForm()
    dispatcher = CollectingDispatcher()
    wish = await form.validate_handoff_wish("Sicherheit für mich und meine Familie", dispatcher, tracker(), DOMAIN)
    assert wish == {"handoff_wish": "sicherheit"}
    preference = await form.validate_contact_preference("vielleicht", dispatcher, tracker(), DOMAIN)
    assert preference == {"contact_preference": None}
    assert responses(dispatcher) == ["utter_preference_unclear"]


async def test_weitere_stellen_before_any_list_gets_the_first_list(monkeypatch: pytest.MonkeyPatch) -> None:
    set_clock(monkeypatch, datetime(2026, 11, 25, 10, 0, tzinfo=BERLIN))
    dispatcher = CollectingDispatcher()
    events = [user("more_contacts")]
    await ActionListMoreContacts().run(dispatcher, tracker("more_contacts", {"bundesland": "Sachsen"}, events), DOMAIN)
    assert responses(dispatcher)[0] == "utter_contacts_intro_land"
    listing = "\n".join(m["contacts"] for m in dispatcher.messages if m["response"] == "utter_contacts_part")
    assert "ZASTEX" in listing and "Starke Stelle" in listing
