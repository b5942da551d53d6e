"""Conversation quality over multi-turn sets: short turns, no repetition, 110 only where it fits.

Every conversation of the given sets is held with the trained bot (real action server, a new
session after "Hallo"), and its bot turns are measured as the person reads them:

* words per bot turn (all messages of one reply together): median and maximum;
* 110 mentions per conversation, for conversations whose turns never expect an emergency
  (the welcome carries 110 once for everyone and is not counted);
* identical consecutive replies (the same text twice in a row);
* fallback turns ("nicht verstanden");
* Starke Stelle offers (the handoff question) per conversation.

Sets are the safety sets (``conversations:`` with ``turns: [{user, expect}]``) or a list of
``{name, turns: [text, ...]}`` as in ``tests/safety/conversations_manual.yml`` (a leading
"Hallo" there is skipped: every conversation begins with it anyway).

    python -m tools.quality tests/safety/crisis_dev13.yml tests/safety/conversations_manual.yml
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# 110 as a number of its own, not inside "0800 110 …" (as in tools/safety_eval.py).
_N110 = re.compile(r"(?<!\d)(?<!\d )110(?!\d)(?! \d)")
_FALLBACK = re.compile(r"nicht verstanden|nicht sicher, ob ich Sie richtig verstanden")
_WORD = re.compile(r"\w+")
# Tags that say a turn is an emergency: 110 belongs there.
_DANGER_TAGS = frozenset({"110_first", "emergency_full", "police_yes", "wait_for_police", "112_first"})

# The thresholds (issue 8, section 5).
THRESHOLDS: dict[str, float] = {
    "median_words": 80,
    "max_words": 150,
    "calm_110_mean": 1.0,
    "identical_consecutive": 0,
    "fallback_rate": 0.05,
    "handoff_offers_max": 1,
}


@dataclass(frozen=True)
class Held:
    """One conversation as held: the user's turns, the bot's replies to each, and whether any
    turn expects an emergency reply."""

    name: str
    users: tuple[str, ...]
    replies: tuple[tuple[str, ...], ...]
    expects_danger: bool


def conversations_of(data: Any) -> list[tuple[str, list[str], bool]]:
    """(name, user turns, expects danger) for each conversation of a set."""
    items = data.get("conversations") or [] if isinstance(data, dict) else data or []
    found = []
    for index, item in enumerate(items):
        turns = item.get("turns") or []
        users = [str(t["user"]) if isinstance(t, dict) else str(t) for t in turns]
        if users and users[0].strip().lower() in {"hallo", "hi", "servus", "moin", "guten tag"}:
            users = users[1:]
        danger = any(_expects_danger(t) for t in turns if isinstance(t, dict))
        name = str(item.get("persona") or item.get("name") or f"#{index + 1}")
        found.append((name, users, danger))
    return found


def _expects_danger(turn: dict[str, Any]) -> bool:
    """A turn of a safety set (tags) or of a dialogue set (``expect: emergency``) that expects 110."""
    expect = turn.get("expect")
    if isinstance(expect, str):
        return expect == "emergency"
    return bool(set(expect or []) & _DANGER_TAGS)


def words(replies: Iterable[str]) -> int:
    return sum(len(_WORD.findall(r)) for r in replies)


def measure(held: Sequence[Held], handoff_question: str) -> dict[str, Any]:
    """The quality figures over ``held`` conversations."""
    turn_words = [words(r) for c in held for r in c.replies]
    turns = len(turn_words)
    calm = [c for c in held if not c.expects_danger]
    calm_110 = [sum(len(_N110.findall(t)) for r in c.replies for t in r) for c in calm]
    identical = sum(
        1 for c in held for before, after in zip(c.replies, c.replies[1:], strict=False) if after and after == before
    )
    fallbacks = sum(1 for c in held for r in c.replies if any(_FALLBACK.search(t) for t in r))
    offers = [sum(1 for r in c.replies for t in r if t == handoff_question) for c in held]
    return {
        "conversations": len(held),
        "turns": turns,
        "median_words": statistics.median(turn_words) if turn_words else 0,
        "max_words": max(turn_words, default=0),
        "turns_over_150_words": sum(w > THRESHOLDS["max_words"] for w in turn_words),
        "calm_conversations": len(calm),
        "calm_110_mean": statistics.mean(calm_110) if calm_110 else 0.0,
        "calm_110_max": max(calm_110, default=0),
        "identical_consecutive": identical,
        "fallback_rate": fallbacks / turns if turns else 0.0,
        "handoff_offers_max": max(offers, default=0),
        "handoff_offers_mean": statistics.mean(offers) if offers else 0.0,
    }


def missed_thresholds(figures: dict[str, Any]) -> list[str]:
    """The figures above their threshold."""
    return [f"{name} {figures[name]:.3g} > {limit:g}" for name, limit in THRESHOLDS.items() if figures[name] > limit]


LABELS = {
    "median_words": "Wörter je Bot-Zug, Median (≤ 80)",
    "max_words": "Wörter je Bot-Zug, Maximum (≤ 150)",
    "turns_over_150_words": "Bot-Züge über 150 Wörter",
    "calm_110_mean": "„110“ je ruhigem Gespräch, Mittel (≤ 1; ohne Begrüßung)",
    "calm_110_max": "„110“ je ruhigem Gespräch, Maximum",
    "identical_consecutive": "gleiche Antwort zweimal hintereinander (0)",
    "fallback_rate": "„nicht verstanden“-Züge (≤ 5 %)",
    "handoff_offers_max": "Angebot der Starken Stelle je Gespräch, Maximum (≤ 1)",
    "handoff_offers_mean": "Angebot der Starken Stelle je Gespräch, Mittel",
}


def report_lines(name: str, figures: dict[str, Any]) -> list[str]:
    lines = [f"Gesprächsqualität {name}: {figures['conversations']} Gespräche, {figures['turns']} Bot-Züge"]
    for key, label in LABELS.items():
        value = figures[key]
        shown = f"{value:.1%}" if key == "fallback_rate" else (f"{value:.2f}" if isinstance(value, float) else value)
        lines.append(f"  {label}: {shown}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", type=Path, nargs="+")
    parser.add_argument("--json", type=Path, help="write the figures per set here")
    parser.add_argument("--model", type=Path, help="a trained model instead of the newest in models/")
    args = parser.parse_args(argv)
    from tools.conversation import live_bot, response_text
    from tools.evaluate import quiet_rasa_logs

    quiet_rasa_logs()
    question = response_text("utter_ask_handoff_consent")
    report: dict[str, Any] = {}
    missed_all: list[str] = []
    with live_bot(args.model) as talk:
        for path in args.sets:
            found = conversations_of(yaml.safe_load(path.read_text(encoding="utf-8")))
            held = [
                Held(name, tuple(users), tuple(tuple(r) for r in talk(users)), danger) for name, users, danger in found
            ]
            figures = measure(held, question)
            print("\n".join(report_lines(path.name, figures)), flush=True)
            missed_all += [f"{path.name}: {m}" for m in missed_thresholds(figures)]
            report[path.name] = figures
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    if missed_all:
        print("NICHT BESTANDEN: " + "; ".join(missed_all))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
