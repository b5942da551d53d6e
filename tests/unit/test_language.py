"""A message in another language (bot/language.py, knowledge/languages.yml)."""

from __future__ import annotations

import re

import pytest

from bot.language import foreign_language, load_languages


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hello, I am a mayor and I get death threats. What can I do?", "en"),
        ("Do you speak English?", "en"),
        ("I need help please", "en"),
        ("Je suis menacé par un voisin", "fr"),
        ("Merhaba, tehdit ediliyorum, yardım edin", "tr"),
    ],
)
def test_foreign_messages_are_recognised(text: str, code: str) -> None:
    assert foreign_language(text) == code


@pytest.mark.parametrize(
    "text",
    ["Ich werde bedroht", "wat soll ich jetz machen", "Shitstorm auf Facebook was tun", "ok", "Hi", "Stalking"],
)
def test_german_dialect_and_short_messages_stay_german(text: str) -> None:
    assert foreign_language(text) is None


def test_every_reply_names_110_112_the_telefonseelsorge_and_the_starke_stelle() -> None:
    config = load_languages()
    assert "en" in config.replies
    for code, reply in config.replies.items():
        for number in ("110", "112", "0800 111 0 111", "0800 300 99 44"):
            assert re.search(rf"(?<!\d){re.escape(number)}(?!\d)", reply), (code, number)
    assert config.reply("xx") == config.replies["en"]


def test_a_second_message_in_a_row_gets_a_shorter_reply() -> None:
    config = load_languages()
    assert config.reply("en", again=True) != config.reply("en")
    assert "110" in config.reply("en", again=True)
    assert config.reply("tr", again=True) == config.reply("tr")  # no shorter one: the same
