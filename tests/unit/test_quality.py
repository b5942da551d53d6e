"""The conversation-quality figures (tools.quality), on conversations written out by hand."""

from __future__ import annotations

from tools.quality import Held, conversations_of, measure, missed_thresholds

QUESTION = "Soll ich der Starken Stelle eine Zusammenfassung geben?"


def held(replies: list[list[str]], danger: bool = False) -> Held:
    return Held("x", tuple("?" for _ in replies), tuple(tuple(r) for r in replies), danger)


def test_figures_count_what_the_person_reads() -> None:
    calm = held(
        [
            ["eins zwei drei", QUESTION],
            ["eins zwei drei", QUESTION],
            ["Das habe ich leider nicht verstanden. In akuter Gefahr: 110."],
        ]
    )
    danger = held([["Rufen Sie jetzt 110.", "Notruf 110"]], danger=True)
    figures = measure([calm, danger], QUESTION)
    assert figures["turns"] == 4
    assert figures["max_words"] == 11
    assert figures["identical_consecutive"] == 1
    assert figures["fallback_rate"] == 0.25
    assert figures["calm_110_mean"] == 1  # the danger conversation's 110s are not counted
    assert figures["handoff_offers_max"] == 2
    missed = missed_thresholds(figures)
    assert any(m.startswith("identical_consecutive") for m in missed)
    assert any(m.startswith("handoff_offers_max") for m in missed)
    assert any(m.startswith("fallback_rate") for m in missed)


def test_a_short_varied_conversation_meets_every_threshold() -> None:
    figures = measure([held([["Guten Tag."], ["Gern, hier ist die Antwort."]])], QUESTION)
    assert missed_thresholds(figures) == []


def test_a_110_inside_a_phone_number_is_not_counted() -> None:
    figures = measure([held([["Die Starke Stelle: 0800 110 99 44."]])], QUESTION)
    assert figures["calm_110_mean"] == 0


def test_both_set_formats_are_read() -> None:
    safety = {"conversations": [{"persona": "P", "turns": [{"user": "a", "expect": ["110_first"]}, {"user": "b"}]}]}
    manual = [{"name": "M", "turns": ["Hallo", "c", "d"]}]
    assert conversations_of(safety) == [("P", ["a", "b"], True)]
    assert conversations_of(manual) == [("M", ["c", "d"], False)]
    dialogue = {
        "conversations": [
            {"id": "a1", "turns": [{"user": "e", "expect": "emergency"}, {"user": "f", "expect": "answer"}]}
        ]
    }
    calm = {"conversations": [{"id": "a2", "turns": [{"user": "g", "expect": "answer"}]}]}
    assert conversations_of(dialogue)[0][2] is True
    assert conversations_of(calm)[0][2] is False
