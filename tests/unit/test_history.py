"""Reading the conversation history over event dicts (bot/history.py)."""

from __future__ import annotations

from bot.history import previous_bot_turn, previous_value, slot_values


def user(text: str) -> dict:
    return {"event": "user", "text": text}


def bot(text: str) -> dict:
    return {"event": "bot", "text": text}


def slot(name: str, value: object) -> dict:
    return {"event": "slot", "name": name, "value": value}


def test_previous_bot_turn_is_what_the_user_saw_before_the_latest_message() -> None:
    events = [user("a"), bot("eins"), user("b"), bot("zwei"), bot("drei"), user("nochmal")]
    assert [e["text"] for e in previous_bot_turn(events)] == ["zwei", "drei"]
    assert previous_bot_turn([user("nochmal")]) == []


def test_previous_value_of_a_slot() -> None:
    events = [slot("article", "stalking"), slot("article", "stalking"), slot("article", "beweise-sichern")]
    assert slot_values(events, "article") == ["stalking", "beweise-sichern"]
    assert previous_value(events, "article") == "stalking"
    assert previous_value(events[:1], "article") is None
