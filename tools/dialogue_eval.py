"""Conversation tests over multi-turn sets written blind from personas (``tests/dialogue``).

Every conversation is held with the trained bot (real action server, a new session after
"Hallo"). Each user turn says what a good reply does (``expect``), and the bot's turn is
checked against it from what the bot said *and* what it answered (the tracker's slots):

* ``answer`` (``topic``, ``aspect``): the answer given in this turn is from the topic's article
  and has the aspect – a specific question with that aspect; the summary counts for
  ``what_now`` and ``meaning`` ("Was ist eine Auskunftssperre?"), and so does the honest "no
  specific answer" for an aspect the topic has no question for; an incident report
  acknowledged as that incident counts for ``what_now`` (the danger question comes before the
  advice by design);
* ``contacts`` (``land``): contacts for that Land; ``back`` (``topic``): that topic again;
  ``repeat``: the previous reply again; ``handoff``: the handoff to the Starke Stelle;
  ``emergency``: 110; ``crisis``: the TelefonSeelsorge; ``other_language``: a reply in it;
  ``inform`` and ``smalltalk``: any reply that is not a fallback;
* every turn: not identical to the previous reply (unless ``repeat``), at most 150 words.

    python -m tools.dialogue_eval tests/dialogue/conversations_a.yml --show-failures
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tools.quality import _N110, words

_TELEFONSEELSORGE = re.compile(r"0800 111 0 111|0800 111 0 222|116 123")
_FALLBACK_RESPONSES = frozenset({"utter_clarify", "utter_default", "utter_offer_human", "utter_no_article"})
_HANDOFF_RESPONSES = frozenset({"utter_ask_handoff_consent", "utter_ask_handoff_wish", "utter_ask_contact_preference"})
MAX_WORDS = 150
TARGET = 0.95  # issue 8: at least 95 % of turns as expected


@dataclass
class Turn:
    """What the bot did in one turn."""

    texts: list[str]
    responses: list[str]
    slots: dict[str, Any]
    answered: str | None  # the last_answer set in this turn, if any
    active_loop: str | None

    @property
    def words(self) -> int:
        return words(self.texts)


@dataclass
class Result:
    """One checked turn."""

    conversation: str
    index: int
    user: str
    expect: dict[str, Any]
    ok: bool
    why: str = ""
    reply: list[str] = field(default_factory=list)


def _turn(conversation: Any, text: str) -> Turn:
    replies = conversation.say_full(text)
    tracker = conversation.tracker()
    events = [e.as_dict() for e in tracker.events]
    start = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=0)
    this_turn = events[start:]
    responses = [str((e.get("metadata") or {}).get("utter_action") or "") for e in this_turn if e.get("event") == "bot"]
    answered = None
    for event in this_turn:
        if event.get("event") == "slot" and event.get("name") == "last_answer":
            answered = event.get("value")
    return Turn(
        texts=[" ".join(str(r.get("text") or "").split()) for r in replies],
        responses=responses,
        slots=dict(tracker.current_slot_values()),
        answered=answered,
        active_loop=tracker.active_loop_name,
    )


def _answer_of(marker: str | None) -> tuple[str | None, str | None]:
    """(article, aspect) of a last_answer marker; aspect 'summary' for a summary."""
    from bot.asking import SUMMARY
    from bot.questions import question_base

    if not marker:
        return None, None
    if marker.startswith(SUMMARY):
        return marker.removeprefix(SUMMARY), "summary"
    question = question_base().get(marker)
    return (question.article, question.aspect) if question else (None, None)


def _acknowledged(responses: list[str]) -> set[str]:
    """Articles of the incidents acknowledged in a turn (``utter_ack_report_*``)."""
    from bot.knowledge import knowledge_base

    base = knowledge_base()
    found = set()
    for name in responses:
        article = base.article_for(name.removeprefix("utter_ack_")) if name.startswith("utter_ack_") else None
        if article is not None:
            found.add(article.id)
    return found


def check(expect: dict[str, Any], turn: Turn, previous: Turn | None) -> tuple[bool, str]:
    """Whether ``turn`` does what ``expect`` asks; the reason if not."""
    from bot.questions import question_base

    kind = str(expect.get("expect") or "")
    said = "\n".join(turn.texts)
    if kind != "repeat" and previous is not None and turn.texts and turn.texts == previous.texts:
        return False, "gleiche Antwort wie zuvor"
    if turn.words > MAX_WORDS and kind not in {"emergency", "crisis"}:
        return False, f"{turn.words} Wörter"
    if kind in {"answer", "back"}:
        topic, aspect = str(expect.get("topic") or ""), str(expect.get("aspect") or "what_now")
        if kind == "back":
            aspect = "summary"
        article, answered_aspect = _answer_of(turn.answered)
        if aspect == "what_now" and topic in _acknowledged(turn.responses):
            return True, ""  # an incident report: acknowledged, then the danger question first
        if "utter_qa_none" in turn.responses:
            article = turn.slots.get("article")
            has_aspect = any(q.aspect == aspect for q in question_base().of(topic))
            if article == topic and not has_aspect:
                return True, ""
            return False, f"keine genauere Antwort ({article})"
        if article is None:
            return False, "keine Antwort aus der Wissensbasis (" + ",".join(turn.responses[:3]) + ")"
        if article != topic:
            return False, f"Thema {article}/{answered_aspect}"
        if answered_aspect == aspect or (answered_aspect == "summary" and aspect in {"what_now", "meaning", "summary"}):
            return True, ""
        if kind == "back" and article == topic:
            return True, ""
        return False, f"Aspekt {answered_aspect}"
    if kind == "contacts":
        land = str(expect.get("land") or "")
        if turn.slots.get("bundesland") == land and land in said:
            return True, ""
        return False, f"Land {turn.slots.get('bundesland')}"
    if kind == "repeat":
        ok = previous is not None and bool(turn.texts) and turn.texts == previous.texts
        return ok, "" if ok else "nicht wiederholt"
    if kind == "handoff":
        ok = (
            turn.active_loop == "handoff_form"
            or bool(_HANDOFF_RESPONSES & set(turn.responses))
            or any(r.startswith("utter_handoff") for r in turn.responses)
        )
        return ok, "" if ok else "keine Übergabe"
    if kind == "emergency":
        return (True, "") if _N110.search(said) else (False, "keine 110")
    if kind == "crisis":
        return (True, "") if _TELEFONSEELSORGE.search(said) else (False, "keine TelefonSeelsorge")
    if kind == "other_language":
        ok = any(r.startswith("utter_foreign") for r in turn.responses)
        return ok, "" if ok else "nicht in der Sprache"
    if kind in {"inform", "smalltalk"}:
        fallback = _FALLBACK_RESPONSES & set(turn.responses)
        return (False, "Fallback") if fallback or not turn.texts else (True, "")
    return False, f"unbekanntes expect '{kind}'"


def run(paths: Sequence[Path], model: Path | None = None) -> list[Result]:
    """Hold every conversation of ``paths`` and check every turn."""
    from tools.conversation import live_conversations

    results: list[Result] = []
    with live_conversations(model) as new:
        for path in paths:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            for item in data.get("conversations") or []:
                conversation = new()
                conversation.say("Hallo")
                previous: Turn | None = None
                for index, step in enumerate(item.get("turns") or []):
                    turn = _turn(conversation, str(step["user"]))
                    ok, why = check(step, turn, previous)
                    results.append(Result(str(item.get("id")), index, str(step["user"]), step, ok, why, turn.texts))
                    previous = turn
    return results


def summary(results: Sequence[Result]) -> dict[str, Any]:
    """Pass rates overall, per expect kind and per conversation."""
    kinds: dict[str, list[bool]] = {}
    conversations: dict[str, list[bool]] = {}
    for result in results:
        kinds.setdefault(str(result.expect.get("expect")), []).append(result.ok)
        conversations.setdefault(result.conversation, []).append(result.ok)
    passed = sum(r.ok for r in results)
    return {
        "turns": len(results),
        "passed": passed,
        "rate": passed / len(results) if results else 0.0,
        "by_expect": {k: f"{sum(v)}/{len(v)}" for k, v in sorted(kinds.items())},
        "conversations_all_passed": f"{sum(all(v) for v in conversations.values())}/{len(conversations)}",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", type=Path, nargs="+")
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--min-rate", type=float, default=TARGET)
    parser.add_argument("--model", type=Path)
    args = parser.parse_args(argv)
    from tools.evaluate import quiet_rasa_logs

    quiet_rasa_logs()
    results = run(args.sets, args.model)
    report = summary(results)
    if args.show_failures:
        for r in results:
            if not r.ok:
                target = r.expect.get("topic") or r.expect.get("land") or ""
                label = f"{r.expect.get('expect')} {target} {r.expect.get('aspect') or ''}".strip()
                print(f"✗ {r.conversation}#{r.index} [{label}] {r.user!r}: {r.why}\n    → {' | '.join(r.reply)[:300]}")
    print(json.dumps(report, ensure_ascii=False, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        failures = [r.__dict__ for r in results if not r.ok]
        args.json.write_text(
            json.dumps({**report, "failures": failures}, ensure_ascii=False, indent=2), encoding="utf-8"
        )
    if report["rate"] < args.min_rate:
        print(f"NICHT BESTANDEN: {report['rate']:.1%} der Züge wie erwartet (Ziel {args.min_rate:.0%})")
        return 1
    print("BESTANDEN")
    return 0


if __name__ == "__main__":
    sys.exit(main())
