"""The curated knowledge base: articles (``knowledge/articles/*.md``) and platform notes.

Articles are Markdown files with YAML front matter (format in ``knowledge/README.md``). They are
parsed and checked against the schema once, through :func:`knowledge_base`; an invalid knowledge
base refuses to load with every problem named by file and field. ``make validate`` runs the same
checks (plus warnings such as overdue reviews) through ``python -m bot.validate``.

``knowledge/offences.yml`` says per incident intent whether a Strafantrag is needed (format in
the file's header); :func:`check_offences` validates it and :func:`knowledge_base` refuses to load
without a valid one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.contacts import Directory, load_directory
from bot.issues import Issue, KnowledgeError, errors_only
from bot.paths import KNOWLEDGE_DIR

# Section headings an article may use, in the order they must appear, with the short key used
# in button payloads (/show_section{"section": "<key>"}).
SECTIONS: dict[str, str] = {
    "Jetzt tun": "jetzt",
    "Vorbeugen": "vorbeugen",
    "Beweise sichern": "beweise",
    "Rechtliche Einordnung": "recht",
    "Hilfe holen": "hilfe",
}
LEGAL_SECTION = "recht"
CONTEXT_KINDS = frozenset({"platform", "bundesland", "role"})
ROLE_GROUPS = frozenset({"ehrenamt", "hauptamt"})
REQUIRED_FIELDS = ("id", "title", "intents", "summary", "sources", "reviewed")
# Every incident and question intent must be answered by exactly one article.
ANSWERED_PREFIXES = ("report_", "ask_")
ANSWERED_INTENTS = frozenset({"request_human"})
# conversation intents answered by responses, and the aspect intents and question buttons that
# ask about the conversation's topic (knowledge/aspects.yml, bot/asking.py)
NOT_ANSWERED = frozenset(
    {"ask_privacy", "ask_capabilities", "ask_cost", "ask_duration", "ask_what_now", "ask_meaning", "ask_question"}
)
MESSAGE_LIMIT = 600
SUMMARY_LIMIT = 450
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DISCLAIMER_PATTERN = re.compile(r"keine\s+Rechtsberatung", re.IGNORECASE)
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.DOTALL)
OFFENCES_FILE = "offences.yml"
INCIDENT_PREFIX = "report_"
# required: only on a Strafantrag; relative: unless the prosecution affirms a special public
# interest; none: prosecuted ex officio (no three-month period).
STRAFANTRAG_KINDS = ("required", "relative", "none")
OFFENCE_FIELDS = frozenset({"strafantrag", "offence", "paragraphs", "note", "sources", "checked"})
LAW_SITE = "https://www.gesetze-im-internet.de/"


@dataclass(frozen=True)
class Source:
    """Where a group of facts comes from."""

    title: str
    url: str


@dataclass(frozen=True)
class Section:
    """One part of an article, sent as its own message(s)."""

    key: str
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    """A curated answer to one or more intents."""

    id: str
    title: str
    intents: tuple[str, ...]
    summary: str
    sections: tuple[Section, ...]
    context: frozenset[str]
    role_notes: dict[str, str]
    related: tuple[str, ...]
    contacts: tuple[str, ...]
    sources: tuple[Source, ...]
    reviewed: date
    path: Path

    def section(self, key: str) -> Section | None:
        """The section with button key ``key``, if the article has it."""
        return next((s for s in self.sections if s.key == key), None)


@dataclass(frozen=True)
class Platform:
    """How to report and document on one platform or channel."""

    name: str
    kind: str
    report: str
    evidence: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Offence:
    """Whether the offence behind an incident intent needs a Strafantrag.

    Attributes:
        intent: The incident intent (``report_threat``).
        strafantrag: ``required``, ``relative`` or ``none`` (see :data:`STRAFANTRAG_KINDS`).
        offence: German subject of the domain's sentences ("Eine Bedrohung").
        paragraphs: The norms as the bot names them ("§ 241 StGB").
        note: Optional German sentence for incidents that mix offences.
        sources: The law texts, at least one on gesetze-im-internet.de.
        checked: When the entry was last checked against the law texts.
    """

    intent: str
    strafantrag: str
    offence: str
    paragraphs: str
    note: str | None
    sources: tuple[Source, ...]
    checked: date

    @property
    def needs_strafantrag(self) -> bool:
        """True unless the offence is prosecuted ex officio."""
        return self.strafantrag != "none"


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the actions answer from, validated."""

    articles: dict[str, Article]
    by_intent: dict[str, Article]
    platforms: dict[str, Platform]
    directory: Directory
    warnings: tuple[Issue, ...] = field(default=())
    offences: dict[str, Offence] = field(default_factory=dict)

    def article_for(self, intent: str) -> Article | None:
        """The article answering ``intent``, if any."""
        return self.by_intent.get(intent)

    def offence_for(self, intent: str | None) -> Offence | None:
        """Whether the incident ``intent`` needs a Strafantrag, if the intent is known."""
        return self.offences.get(intent) if intent else None


def _label(path: Path) -> str:
    """'knowledge/articles/x.md' for a file under a knowledge directory, wherever that lies."""
    parts = path.parts
    if "knowledge" in parts:
        return "/".join(parts[len(parts) - parts[::-1].index("knowledge") - 1 :])
    return path.name


def split_message(paragraphs: Iterable[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Group paragraphs into chat messages of at most ``limit`` characters.

    Splits only between paragraphs; a single paragraph longer than ``limit`` (the schema forbids
    it) is sent on its own rather than cut mid-sentence.
    """
    messages: list[str] = []
    current = ""
    for paragraph in (p.strip() for p in paragraphs):
        if not paragraph:
            continue
        candidate = f"{current}\n\n{paragraph}" if current else paragraph
        if current and len(candidate) > limit:
            messages.append(current)
            current = paragraph
        else:
            current = candidate
    if current:
        messages.append(current)
    return messages


def _sources(raw: Any, file: str, field_name: str, issues: list[Issue]) -> tuple[Source, ...]:
    if not isinstance(raw, list) or not raw:
        issues.append(Issue.error(file, field_name, "mindestens eine Quelle (title + url) angeben"))
        return ()
    sources = []
    for index, entry in enumerate(raw):
        where = f"{field_name}[{index}]"
        if not isinstance(entry, dict):
            issues.append(Issue.error(file, where, "Quelle muss title und url haben"))
            continue
        title, url = entry.get("title"), entry.get("url")
        if not isinstance(title, str) or not title.strip():
            issues.append(Issue.error(file, f"{where}.title", "Titel fehlt"))
        if not isinstance(url, str) or not url.startswith("https://"):
            issues.append(Issue.error(file, f"{where}.url", "Quelle ohne https-URL"))
            continue
        sources.append(Source(str(title), url))
    return tuple(sources)


def _normalise(paragraph: str) -> str:
    """Join wrapped lines; keep list items ("- ...") on their own lines as "• ..."."""
    lines: list[str] = []
    for raw in paragraph.strip().splitlines():
        line = raw.strip()
        if line.startswith(("- ", "* ")):
            lines.append("• " + line[2:].strip())
        elif (lines and not lines[-1].startswith("• ")) or (lines and raw.startswith("  ")):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return "\n".join(lines)


def _parse_sections(body: str, file: str, issues: list[Issue]) -> tuple[Section, ...]:
    sections: list[Section] = []
    order = list(SECTIONS)
    last_index = -1
    chunks = re.split(r"^## +(.+?)\s*$", body, flags=re.MULTILINE)
    if chunks[0].strip():
        issues.append(Issue.error(file, "text", "Text vor der ersten Abschnittsüberschrift (## ...)"))
    for title, text in zip(chunks[1::2], chunks[2::2], strict=True):
        where = f"## {title}"
        if title not in SECTIONS:
            issues.append(Issue.error(file, where, f"unbekannter Abschnitt; erlaubt: {', '.join(order)}"))
            continue
        index = order.index(title)
        if index <= last_index:
            issues.append(
                Issue.error(file, where, "Abschnitte doppelt oder nicht in der Reihenfolge " + ", ".join(order))
            )
        last_index = max(last_index, index)
        paragraphs = tuple(_normalise(p) for p in re.split(r"\n\s*\n", text) if p.strip())
        if not paragraphs:
            issues.append(Issue.error(file, where, "Abschnitt ist leer"))
        for number, paragraph in enumerate(paragraphs, start=1):
            if len(paragraph) > MESSAGE_LIMIT:
                issues.append(
                    Issue.error(
                        file, f"{where} Absatz {number}", f"{len(paragraph)} Zeichen, höchstens {MESSAGE_LIMIT}"
                    )
                )
            if re.search(r"^#{1,6} |\]\(|<[a-z]+", paragraph, flags=re.MULTILINE):
                issues.append(
                    Issue.error(file, f"{where} Absatz {number}", "keine Links, HTML oder Unterüberschriften")
                )
        if DISCLAIMER_PATTERN.search(text):
            issues.append(Issue.error(file, where, "'keine Rechtsberatung' sagt der Bot selbst, einmal pro Gespräch"))
        sections.append(Section(SECTIONS[title], title, paragraphs))
    if len(sections) < 2:
        issues.append(Issue.error(file, "text", "mindestens zwei Abschnitte"))
    return tuple(sections)


def parse_article(path: Path, issues: list[Issue]) -> Article | None:
    """Parse one article file; problems are appended to ``issues``."""
    file = _label(path)
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        issues.append(Issue.error(file, "front matter", "Datei muss mit YAML zwischen '---'-Zeilen beginnen"))
        return None
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        issues.append(Issue.error(file, "front matter", f"kein gültiges YAML: {error}"))
        return None
    if not isinstance(meta, dict):
        issues.append(Issue.error(file, "front matter", "muss ein YAML-Objekt sein"))
        return None
    before = len(issues)
    for name in REQUIRED_FIELDS:
        if meta.get(name) in (None, "", []):
            issues.append(Issue.error(file, name, "Pflichtfeld fehlt"))
    unknown = set(meta) - {*REQUIRED_FIELDS, "context", "notes", "related", "contacts"}
    for name in sorted(unknown):
        issues.append(Issue.error(file, name, "unbekanntes Feld"))
    if meta.get("id") and meta["id"] != path.stem:
        issues.append(Issue.error(file, "id", f"'{meta['id']}' passt nicht zum Dateinamen '{path.stem}'"))
    if meta.get("id") and not ID_PATTERN.match(str(meta["id"])):
        issues.append(Issue.error(file, "id", "nur Kleinbuchstaben, Ziffern und '-'"))
    summary = " ".join(str(meta.get("summary") or "").split())
    if len(summary) > SUMMARY_LIMIT:
        issues.append(Issue.error(file, "summary", f"{len(summary)} Zeichen, höchstens {SUMMARY_LIMIT}"))
    reviewed = meta.get("reviewed")
    if meta.get("reviewed") is not None and not isinstance(reviewed, date):
        issues.append(Issue.error(file, "reviewed", "Datum im Format JJJJ-MM-TT"))
    context = meta.get("context") or []
    if not isinstance(context, list) or not set(context) <= CONTEXT_KINDS:
        issues.append(Issue.error(file, "context", f"erlaubt: {', '.join(sorted(CONTEXT_KINDS))}"))
        context = []
    role_notes: dict[str, str] = {}
    for index, note in enumerate(meta.get("notes") or []):
        group = (note.get("when") or {}).get("role_group") if isinstance(note, dict) else None
        if group not in ROLE_GROUPS or not str(note.get("text") or "").strip():
            issues.append(Issue.error(file, f"notes[{index}]", "braucht when.role_group (ehrenamt|hauptamt) und text"))
            continue
        role_notes[group] = " ".join(str(note["text"]).split())
    if role_notes and "role" not in context:
        issues.append(Issue.error(file, "notes", "Rollenhinweise brauchen context: [role]"))
    intents = meta.get("intents") or []
    if not isinstance(intents, list) or not all(isinstance(i, str) for i in intents):
        issues.append(Issue.error(file, "intents", "Liste von Intent-Namen"))
        intents = []
    sources = _sources(meta.get("sources"), file, "sources", issues)
    sections = _parse_sections(match.group(2), file, issues)
    if any(i.severity == "error" for i in issues[before:]) or not isinstance(reviewed, date):
        return None
    return Article(
        id=str(meta["id"]),
        title=str(meta["title"]),
        intents=tuple(intents),
        summary=summary,
        sections=sections,
        context=frozenset(context),
        role_notes=role_notes,
        related=tuple(str(r) for r in meta.get("related") or []),
        contacts=tuple(str(c) for c in meta.get("contacts") or []),
        sources=sources,
        reviewed=reviewed,
        path=path,
    )


def load_platforms(path: Path, issues: list[Issue]) -> dict[str, Platform]:
    """Parse ``knowledge/platforms.yml``."""
    file = _label(path)
    if not path.exists():
        issues.append(Issue.error(file, "-", "Datei fehlt"))
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    platforms: dict[str, Platform] = {}
    for name, entry in (data.get("platforms") or {}).items():
        where = f"platforms.{name}"
        if not isinstance(entry, dict):
            issues.append(Issue.error(file, where, "muss ein Objekt sein"))
            continue
        for key in ("kind", "report", "evidence"):
            if not str(entry.get(key) or "").strip():
                issues.append(Issue.error(file, f"{where}.{key}", "Pflichtfeld fehlt"))
        sources = _sources(entry.get("sources"), file, f"{where}.sources", issues)
        platforms[str(name)] = Platform(
            name=str(name),
            kind=str(entry.get("kind") or ""),
            report=" ".join(str(entry.get("report") or "").split()),
            evidence=" ".join(str(entry.get("evidence") or "").split()),
            sources=sources,
        )
    return platforms


def check_knowledge(
    root: Path = KNOWLEDGE_DIR,
    known_intents: Iterable[str] | None = None,
    today: date | None = None,
    max_age_days: int = 365,
) -> tuple[list[Issue], KnowledgeBase | None]:
    """Validate the whole knowledge base; return all issues and, without errors, the base."""
    from bot.domain import domain_intents

    intents = set(known_intents if known_intents is not None else domain_intents())
    today = today or date.today()
    issues: list[Issue] = []
    directory = load_directory(root / "contacts.yml", issues, known_intents=intents)
    articles: dict[str, Article] = {}
    for path in sorted((root / "articles").glob("*.md")):
        article = parse_article(path, issues)
        if article is not None:
            articles[article.id] = article
    by_intent: dict[str, Article] = {}
    for article in articles.values():
        file = _label(article.path)
        for intent in article.intents:
            if intent not in intents:
                issues.append(Issue.error(file, "intents", f"unbekannter Intent '{intent}'"))
            elif intent in by_intent:
                issues.append(Issue.error(file, "intents", f"'{intent}' beantwortet schon {by_intent[intent].id}"))
            else:
                by_intent[intent] = article
        for target in article.related:
            if target not in articles and not (root / "articles" / f"{target}.md").exists():
                issues.append(Issue.error(file, "related", f"toter Querverweis auf '{target}'"))
        for contact in article.contacts:
            if directory is not None and directory.get(contact) is None:
                issues.append(Issue.error(file, "contacts", f"unbekannter Kontakt '{contact}'"))
        age = (today - article.reviewed).days
        if age > max_age_days:
            issues.append(Issue.warning(file, "reviewed", f"zuletzt geprüft vor {age} Tagen (Grenze {max_age_days})"))
        if article.reviewed > today:
            issues.append(Issue.error(file, "reviewed", "Datum liegt in der Zukunft"))
    for intent in sorted(
        i for i in intents if (i.startswith(ANSWERED_PREFIXES) or i in ANSWERED_INTENTS) and i not in NOT_ANSWERED
    ):
        if intent not in by_intent:
            issues.append(Issue.error("knowledge/articles", "intents", f"kein Artikel beantwortet '{intent}'"))
    platforms = load_platforms(root / "platforms.yml", issues)
    if errors_only(issues) or directory is None:
        return issues, None
    warnings = tuple(i for i in issues if i.severity == "warning")
    return issues, KnowledgeBase(articles, by_intent, platforms, directory, warnings)


def _text(entry: dict[str, Any], key: str, file: str, where: str, issues: list[Issue]) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        issues.append(Issue.error(file, f"{where}.{key}", "Pflichtfeld fehlt (Text)"))
        return ""
    return " ".join(value.split())


def _offence(intent: str, entry: Any, file: str, issues: list[Issue], today: date, max_age_days: int) -> Offence | None:
    where = f"offences.{intent}"
    if not isinstance(entry, dict):
        issues.append(Issue.error(file, where, "muss ein Objekt sein"))
        return None
    before = len(issues)
    for name in sorted(set(entry) - OFFENCE_FIELDS):
        issues.append(Issue.error(file, f"{where}.{name}", "unbekanntes Feld"))
    kind = entry.get("strafantrag")
    if kind not in STRAFANTRAG_KINDS:
        issues.append(Issue.error(file, f"{where}.strafantrag", f"erlaubt: {', '.join(STRAFANTRAG_KINDS)}"))
    offence = _text(entry, "offence", file, where, issues)
    paragraphs = _text(entry, "paragraphs", file, where, issues)
    if paragraphs and "§" not in paragraphs:
        issues.append(Issue.error(file, f"{where}.paragraphs", "keine Norm genannt (§ …)"))
    note = entry.get("note")
    if note is not None and (not isinstance(note, str) or not note.strip()):
        issues.append(Issue.error(file, f"{where}.note", "leer; weglassen oder Text angeben"))
    sources = _sources(entry.get("sources"), file, f"{where}.sources", issues)
    if sources and not any(s.url.startswith(LAW_SITE) for s in sources):
        issues.append(Issue.error(file, f"{where}.sources", f"mindestens eine Quelle auf {LAW_SITE}"))
    checked = entry.get("checked")
    if not isinstance(checked, date):
        issues.append(Issue.error(file, f"{where}.checked", "Prüfdatum im Format JJJJ-MM-TT"))
    elif checked > today:
        issues.append(Issue.error(file, f"{where}.checked", "Datum liegt in der Zukunft"))
    elif (today - checked).days > max_age_days:
        age = (today - checked).days
        issues.append(
            Issue.warning(file, f"{where}.checked", f"zuletzt geprüft vor {age} Tagen (Grenze {max_age_days})")
        )
    if errors_only(issues[before:]) or not isinstance(checked, date):
        return None
    return Offence(
        intent=intent,
        strafantrag=str(kind),
        offence=offence,
        paragraphs=paragraphs,
        note=" ".join(note.split()) if isinstance(note, str) else None,
        sources=sources,
        checked=checked,
    )


def load_offences(
    path: Path, issues: list[Issue], known_intents: Iterable[str], today: date, max_age_days: int = 365
) -> dict[str, Offence]:
    """Parse ``knowledge/offences.yml``; problems are appended to ``issues`` (file and key named).

    Every incident intent (``report_*``) of ``known_intents`` needs exactly one entry.
    """
    file = _label(path)
    if not path.exists():
        issues.append(Issue.error(file, "-", "Datei fehlt"))
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        issues.append(Issue.error(file, "-", f"kein gültiges YAML: {error}"))
        return {}
    raw = data.get("offences") if isinstance(data, dict) else None
    if not isinstance(raw, dict):
        issues.append(Issue.error(file, "offences", "fehlt oder ist kein Objekt (Intent → Eintrag)"))
        return {}
    intents = set(known_intents)
    offences: dict[str, Offence] = {}
    for intent, entry in raw.items():
        name = str(intent)
        if name not in intents or not name.startswith(INCIDENT_PREFIX):
            issues.append(Issue.error(file, f"offences.{name}", "unbekannter Vorfall-Intent"))
            continue
        offence = _offence(name, entry, file, issues, today, max_age_days)
        if offence is not None:
            offences[name] = offence
    for intent in sorted(i for i in intents if i.startswith(INCIDENT_PREFIX) and i not in raw):
        issues.append(Issue.error(file, "offences", f"kein Eintrag für '{intent}'"))
    return offences


def check_offences(
    root: Path = KNOWLEDGE_DIR,
    known_intents: Iterable[str] | None = None,
    today: date | None = None,
    max_age_days: int = 365,
) -> tuple[list[Issue], dict[str, Offence] | None]:
    """Validate ``offences.yml``; return all issues and, without errors, the entries by intent."""
    from bot.domain import domain_intents

    intents = list(known_intents if known_intents is not None else domain_intents())
    issues: list[Issue] = []
    offences = load_offences(root / OFFENCES_FILE, issues, intents, today or date.today(), max_age_days)
    return issues, (None if errors_only(issues) else offences)


@cache
def knowledge_base() -> KnowledgeBase:
    """The validated knowledge base, loaded once; raises :class:`KnowledgeError` if invalid."""
    issues, base = check_knowledge()
    offence_issues, offences = check_offences()
    if base is None or offences is None:
        raise KnowledgeError(errors_only([*issues, *offence_issues]))
    return replace(
        base, warnings=(*base.warnings, *(i for i in offence_issues if i.severity == "warning")), offences=offences
    )
