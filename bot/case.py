"""The case summary handed to the Starke Stelle, built from categories, never from free text.

``knowledge/case.yml`` names the labels and the patterns; this module recognises evidence,
wishes and contact preferences, validates contact details, and renders the summary the user sees
before anything is sent ("Soll ich das so weitergeben?"). Per incident it says whether a
Strafantrag is needed and until when (``knowledge/offences.yml``), or that none is needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.knowledge import Offence, knowledge_base
from bot.paths import KNOWLEDGE_DIR
from bot.phrases import format_date
from bot.topics import load_topics

CASE_FILE = KNOWLEDGE_DIR / "case.yml"
NEGATION = re.compile(r"\b(kein\w*|nicht|ohne|nichts)\W+(?:\w+\W+){0,2}$", re.IGNORECASE)
PHONE = re.compile(r"^\+?[0-9][0-9 ()/\-]{5,22}[0-9]$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$")
PREFERENCES = ("telefon", "email", "anonym")


@dataclass(frozen=True)
class CaseFacts:
    """What the summary says; ``contact_detail`` is the only personal datum."""

    incidents: tuple[str, ...] = ()
    bundesland: str | None = None
    incident_date: date | None = None
    date_unknown: bool = False
    deadline: date | None = None
    evidence: tuple[str, ...] = ()
    wish: str | None = None
    contact_preference: str | None = None
    contact_detail: str | None = None


@cache
def case_config(path: Path = CASE_FILE) -> dict[str, Any]:
    """``knowledge/case.yml`` with its patterns compiled."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for group in ("evidence", "wishes"):
        for entry in data[group].values():
            entry["compiled"] = [re.compile(p, re.IGNORECASE) for p in entry.get("patterns") or []]
    data["preference_compiled"] = {
        key: [re.compile(p, re.IGNORECASE) for p in patterns] for key, patterns in data["contact_preference"].items()
    }
    data["decline_compiled"] = [re.compile(p, re.IGNORECASE) for p in data["decline"]]
    return data


def _matches(pattern: re.Pattern[str], text: str) -> bool:
    """A match that is not negated just before it ("keine Screenshots")."""
    return any(not NEGATION.search(text[: m.start()]) for m in pattern.finditer(text))


def recognise_evidence(texts: Iterable[str]) -> tuple[str, ...]:
    """Evidence categories the user mentioned, in the order of ``case.yml``."""
    found = set()
    entries = case_config()["evidence"]
    for text in texts:
        for key, entry in entries.items():
            if any(_matches(p, text) for p in entry["compiled"]):
                found.add(key)
    return tuple(k for k in entries if k in found)


def recognise_wish(text: str) -> str:
    """The wish category for an answer to 'Wobei soll die Starke Stelle Sie unterstützen?'."""
    for key, entry in case_config()["wishes"].items():
        if any(p.search(text) for p in entry["compiled"]):
            return str(key)
    return "sonstiges"


def recognise_preference(text: str) -> str | None:
    """'telefon', 'email' or 'anonym' from a short answer; None if unclear."""
    compiled = case_config()["preference_compiled"]
    hits = [key for key in PREFERENCES if any(p.search(text) for p in compiled[key])]
    return hits[0] if len(hits) == 1 else None


def is_decline(text: str) -> bool:
    """Whether the user declines to give contact details ('lieber nicht', 'nein', ...)."""
    return any(p.search(text) for p in case_config()["decline_compiled"])


def normalise_contact(preference: str, text: str) -> str | None:
    """The validated phone number or e-mail address, or None if it does not look like one."""
    value = text.strip().strip(".,;")
    if preference == "telefon":
        digits = re.sub(r"\D", "", value)
        return value if PHONE.match(value) and 6 <= len(digits) <= 15 else None
    if preference == "email":
        return value if EMAIL.match(value) and len(value) <= 254 else None
    return None


_PHONE_IN_TEXT = re.compile(r"(?<![\w])\+?\d[\d ()/\-]{5,22}\d(?![\w])")
_EMAIL_IN_TEXT = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")


def find_contact(text: str) -> tuple[str, str] | None:
    """("telefon", number) or ("email", address) written anywhere in a free-text message
    ("Rückruf bitte unter 0171 2345678, am besten morgen vormittag"), else None."""
    for preference, pattern in (("email", _EMAIL_IN_TEXT), ("telefon", _PHONE_IN_TEXT)):
        for match in pattern.finditer(text):
            value = normalise_contact(preference, match.group(0))
            if value is not None:
                return preference, value
    return None


def incident_offences(facts: CaseFacts) -> list[Offence]:
    """The offence entries of the reported incidents, in the order reported (no emergency)."""
    base = knowledge_base()
    return [o for o in (base.offence_for(i) for i in facts.incidents) if o is not None]


def case_deadline(facts: CaseFacts) -> date | None:
    """The Strafantrag deadline, unless every reported incident is prosecuted ex officio."""
    offences = incident_offences(facts)
    if offences and not any(o.needs_strafantrag for o in offences):
        return None
    return facts.deadline


def strafantrag_lines(facts: CaseFacts, labels: dict[str, Any], topics: dict[str, str]) -> list[str]:
    """One line per incident: Strafantrag needed and until when, or not needed."""
    offences = incident_offences(facts)
    if not offences:
        return [str(labels["deadline"]).format(value=format_date(facts.deadline))] if facts.deadline else []
    lines = []
    for offence in offences:
        incident = topics.get(offence.intent, offence.intent)
        if not offence.needs_strafantrag:
            lines.append(str(labels["strafantrag_none"]).format(incident=incident))
        elif facts.deadline:
            label = labels[f"strafantrag_{offence.strafantrag}"]
            lines.append(str(label).format(incident=incident, deadline=format_date(facts.deadline)))
        else:
            lines.append(str(labels[f"strafantrag_{offence.strafantrag}_no_date"]).format(incident=incident))
    return lines


def summary_lines(facts: CaseFacts, include_contact: bool = True) -> list[str]:
    """The summary as German lines, labels from ``case.yml``."""
    config = case_config()
    labels = config["summary"]
    topics = load_topics().by_intent
    not_given = str(labels["not_given"])
    incidents = ", ".join(topics.get(i, i) for i in facts.incidents) or str(labels["general_question"])
    if facts.incident_date:
        when = format_date(facts.incident_date)
    elif facts.date_unknown:
        when = str(labels["unknown_date"])
    else:
        when = not_given
    evidence = ", ".join(str(config["evidence"][k]["label"]) for k in facts.evidence) or not_given
    wish = str(config["wishes"][facts.wish]["label"]) if facts.wish in config["wishes"] else not_given
    lines = [
        str(labels["incidents"]).format(value=incidents),
        str(labels["bundesland"]).format(value=facts.bundesland or not_given),
        str(labels["when"]).format(value=when),
    ]
    lines.extend(strafantrag_lines(facts, labels, topics))
    lines.append(str(labels["evidence"]).format(value=evidence))
    lines.append(str(labels["wish"]).format(value=wish))
    if include_contact:
        if facts.contact_preference == "telefon" and facts.contact_detail:
            lines.append(str(labels["contact_phone"]).format(value=facts.contact_detail))
        elif facts.contact_preference == "email" and facts.contact_detail:
            lines.append(str(labels["contact_email"]).format(value=facts.contact_detail))
        else:
            lines.append(str(labels["contact_anonymous"]))
    return [f"• {line}" for line in lines]


def summary_text(facts: CaseFacts, include_contact: bool = True) -> str:
    """The summary as one text block."""
    return "\n".join(summary_lines(facts, include_contact))


def summary_payload(facts: CaseFacts) -> dict[str, Any]:
    """The machine-readable, non-personal part of the case (for the outbox and the webhook).

    ``strafantrag`` maps each incident to ``required``, ``relative`` or ``none``; ``deadline`` is
    None when no incident needs a Strafantrag.
    """
    deadline = case_deadline(facts)
    return {
        "incidents": list(facts.incidents),
        "bundesland": facts.bundesland,
        "incident_date": facts.incident_date.isoformat() if facts.incident_date else None,
        "deadline": deadline.isoformat() if deadline else None,
        "strafantrag": {o.intent: o.strafantrag for o in incident_offences(facts)},
        "evidence": list(facts.evidence),
        "wish": facts.wish,
        "contact_preference": facts.contact_preference or "anonym",
    }


def personal_data(facts: CaseFacts) -> dict[str, str] | None:
    """The contact detail, kept apart so the outbox can delete it once delivered."""
    if facts.contact_detail and facts.contact_preference == "telefon":
        return {"phone": facts.contact_detail}
    if facts.contact_detail and facts.contact_preference == "email":
        return {"email": facts.contact_detail}
    return None
