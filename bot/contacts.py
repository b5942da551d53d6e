"""The contact directory (``knowledge/contacts.yml``): who helps, in which Land, on which topic.

:meth:`Directory.lookup` returns a ranked, stable list: 110 first when danger was mentioned, then
the Land's own offers for the topic, the Starke Stelle (always present), then nationwide offers
for the topic, each group in file order (the curated order).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from bot.hours import Hours, availability, parse_hours
from bot.issues import Issue
from bot.phrases import format_time, format_when, phrases

LANDS = (
    "Baden-Württemberg",
    "Bayern",
    "Berlin",
    "Brandenburg",
    "Bremen",
    "Hamburg",
    "Hessen",
    "Mecklenburg-Vorpommern",
    "Niedersachsen",
    "Nordrhein-Westfalen",
    "Rheinland-Pfalz",
    "Saarland",
    "Sachsen",
    "Sachsen-Anhalt",
    "Schleswig-Holstein",
    "Thüringen",
)
NATIONAL = "national"
ALL_TOPICS = "all"
STARKE_STELLE = "starke_stelle"
# Asking who helps is not a topic: every entry of the Land is relevant.
GENERAL_TOPICS = frozenset({"ask_contacts", "ask_starke_stelle", "request_human"})
KINDS = frozenset({"notruf", "polizei", "justiz", "meldestelle", "beratung", "opferhilfe", "krisenhilfe"})
REQUIRED = ("id", "name", "scope", "kind", "topics", "hours", "description", "source", "verified")


@dataclass(frozen=True)
class Contact:
    """One entry of the directory."""

    id: str
    name: str
    scope: str
    kind: str
    topics: frozenset[str]
    hours: Hours
    emergency: bool
    description: str
    source_title: str
    source_url: str
    verified: date
    phone: str | None = None
    email: str | None = None
    web: str | None = None
    note: str | None = None

    def serves(self, topic: str | None) -> bool:
        """Whether the entry is relevant for ``topic`` (an intent name; None or a general
        'who helps?' intent = any)."""
        return topic is None or topic in GENERAL_TOPICS or ALL_TOPICS in self.topics or topic in self.topics


@dataclass(frozen=True)
class Directory:
    """All contacts in file order, plus honest notes for Länder without a dedicated offer."""

    contacts: tuple[Contact, ...]
    land_notes: dict[str, str]

    def get(self, contact_id: str) -> Contact | None:
        """The entry with ``contact_id``."""
        return next((c for c in self.contacts if c.id == contact_id), None)

    def for_land(self, land: str) -> list[Contact]:
        """The Land's own entries, in file order."""
        return [c for c in self.contacts if c.scope == land]

    def lookup(self, land: str | None, topic: str | None = None, danger: bool = False, limit: int = 6) -> list[Contact]:
        """Ranked contacts for a Land (None = nationwide only) and topic; most specific first."""
        ranked: list[Contact] = []

        def add(candidates: Iterable[Contact]) -> None:
            ranked.extend(c for c in candidates if c not in ranked)

        if danger:
            add(c for c in self.contacts if c.emergency)
        if land:
            add(c for c in self.contacts if c.scope == land and c.serves(topic))
        add(c for c in self.contacts if c.id == STARKE_STELLE)
        add(c for c in self.contacts if c.scope == NATIONAL and not c.emergency and c.serves(topic))
        if topic == "emergency":
            add(c for c in self.contacts if c.emergency)
        if len(ranked) <= limit:
            return ranked
        keep = ranked[:limit]
        if STARKE_STELLE not in {c.id for c in keep}:
            keep[-1] = next(c for c in ranked if c.id == STARKE_STELLE)
        return keep

    def land_note(self, land: str | None) -> str | None:
        """The honest 'no dedicated offer known' note for ``land``, if it has one."""
        return self.land_notes.get(land) if land else None


def load_directory(path: Path, issues: list[Issue], known_intents: Iterable[str] = ()) -> Directory | None:
    """Parse and validate ``contacts.yml``; problems are appended to ``issues``."""
    file = f"knowledge/{path.name}"
    if not path.exists():
        issues.append(Issue.error(file, "-", "Datei fehlt"))
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    intents = set(known_intents)
    contacts: list[Contact] = []
    seen: set[str] = set()
    for index, raw in enumerate(data.get("contacts") or []):
        contact = _parse_contact(raw, f"contacts[{index}]", file, issues, intents)
        if contact is None:
            continue
        if contact.id in seen:
            issues.append(Issue.error(file, f"contacts[{index}].id", f"'{contact.id}' doppelt"))
        seen.add(contact.id)
        contacts.append(contact)
    if STARKE_STELLE not in seen:
        issues.append(Issue.error(file, "contacts", "die Starke Stelle fehlt"))
    if not any(c.emergency for c in contacts):
        issues.append(Issue.error(file, "contacts", "kein Notruf-Eintrag (emergency: true)"))
    notes = data.get("land_notes") or {}
    for land in notes:
        if land not in LANDS:
            issues.append(Issue.error(file, f"land_notes.{land}", "kein Bundesland"))
    for land in LANDS:
        if not any(c.scope == land for c in contacts) and not str(notes.get(land) or "").strip():
            issues.append(Issue.error(file, "land_notes", f"{land}: weder ein Landesangebot noch ein Hinweis"))
    return Directory(tuple(contacts), {str(k): " ".join(str(v).split()) for k, v in notes.items()})


def _parse_contact(raw: Any, where: str, file: str, issues: list[Issue], intents: set[str]) -> Contact | None:
    if not isinstance(raw, dict):
        issues.append(Issue.error(file, where, "muss ein Objekt sein"))
        return None
    name = raw.get("id") or where
    where = f"contacts.{name}"
    ok = True
    for key in REQUIRED:
        if raw.get(key) in (None, "", []):
            issues.append(Issue.error(file, f"{where}.{key}", "Pflichtfeld fehlt"))
            ok = False
    if not ok:
        return None
    if raw["scope"] != NATIONAL and raw["scope"] not in LANDS:
        issues.append(Issue.error(file, f"{where}.scope", f"'{raw['scope']}': 'national' oder ein Bundesland"))
        ok = False
    if raw["kind"] not in KINDS:
        issues.append(Issue.error(file, f"{where}.kind", f"erlaubt: {', '.join(sorted(KINDS))}"))
        ok = False
    topics = raw["topics"]
    if not isinstance(topics, list):
        issues.append(Issue.error(file, f"{where}.topics", "Liste von Intents oder [all]"))
        return None
    for topic in topics:
        if topic != ALL_TOPICS and intents and topic not in intents:
            issues.append(Issue.error(file, f"{where}.topics", f"unbekannter Intent '{topic}'"))
            ok = False
    source = raw["source"]
    if not isinstance(source, dict) or not str(source.get("url") or "").startswith("https://"):
        issues.append(Issue.error(file, f"{where}.source", "Quelle ohne https-URL"))
        ok = False
    if not any(raw.get(k) for k in ("phone", "email", "web")) and not raw.get("note"):
        issues.append(Issue.error(file, where, "weder phone, email, web noch note"))
        ok = False
    web = raw.get("web")
    if web and not str(web).startswith("https://"):
        issues.append(Issue.error(file, f"{where}.web", "nur https-Adressen"))
        ok = False
    if not isinstance(raw["verified"], date):
        issues.append(Issue.error(file, f"{where}.verified", "Datum im Format JJJJ-MM-TT"))
        ok = False
    try:
        hours = parse_hours(raw["hours"])
    except ValueError as error:
        issues.append(Issue.error(file, f"{where}.hours", str(error)))
        return None
    if not ok:
        return None
    return Contact(
        id=str(raw["id"]),
        name=str(raw["name"]),
        scope=str(raw["scope"]),
        kind=str(raw["kind"]),
        topics=frozenset(str(t) for t in topics),
        hours=hours,
        emergency=bool(raw.get("emergency", False)),
        description=" ".join(str(raw["description"]).split()),
        source_title=str(source.get("title") or ""),
        source_url=str(source["url"]),
        verified=raw["verified"],
        phone=str(raw["phone"]) if raw.get("phone") else None,
        email=str(raw["email"]) if raw.get("email") else None,
        web=str(web) if web else None,
        note=" ".join(str(raw["note"]).split()) if raw.get("note") else None,
    )


def describe_availability(contact: Contact, now: datetime) -> str:
    """'jetzt erreichbar (bis 16 Uhr)', 'gerade nicht erreichbar – wieder ab Montag, 9 Uhr', ..."""
    table = phrases()["availability"]
    state = availability(contact.hours, now)
    if state.state == "open" and state.open_until is not None:
        return str(table["open"]).format(until=format_time(state.open_until))
    if state.state == "closed":
        if state.next_open is None:
            return str(table["closed_no_next"])
        return str(table["closed"]).format(next=format_when(state.next_open, now.astimezone(state.next_open.tzinfo)))
    if state.state == "unknown" and not contact.web:
        return str(table["unknown_no_web"])
    return str(table[state.state])


def format_contact(contact: Contact, now: datetime, with_description: bool = True, compact: bool = False) -> str:
    """One contact as a short block of text for a chat message; ``compact``: one way to reach
    it (phone, else e-mail, else web), no description and no note on the hours (for lists)."""
    table = phrases()["contact"]
    ways = [x for x in (contact.phone, contact.email, contact.web) if x]
    channels = str(table["separator"]).join(ways[:1] if compact else ways)
    template = table["line"] if channels else table["line_no_channels"]
    lines = [
        str(template).format(name=contact.name, channels=channels, availability=describe_availability(contact, now))
    ]
    if contact.hours.note and not compact:
        lines.append(str(table["hours_note"]).format(hours_note=contact.hours.note))
    if with_description and not compact:
        lines.append(str(table["description"]).format(description=contact.description))
    if contact.note:
        lines.append(str(table["note"]).format(note=contact.note))
    return "\n".join(lines)


def reachable_now(contacts: Iterable[Contact], now: datetime) -> list[Contact]:
    """The contacts reachable at ``now`` (24/7 or currently open), in the given order."""
    return [c for c in contacts if availability(c.hours, now).state in ("always", "open")]
