"""The knowledge base: schema checks by file and field, and the real articles and directory."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.contacts import LANDS
from bot.domain import domain_intents
from bot.knowledge import (
    KNOWLEDGE_DIR,
    MESSAGE_LIMIT,
    NOT_ANSWERED,
    check_knowledge,
    knowledge_base,
    split_message,
)

ROOT = Path(__file__).parents[2]
FACTS_FILE = KNOWLEDGE_DIR / "facts.md"
FACTS = FACTS_FILE.read_text(encoding="utf-8")
INTENTS = ["report_threat", "ask_evidence", "emergency"]
# A phone number as the knowledge base and the domain write it (0800 300 99 44, 030 / 252 088 38,
# 116 006, 06131/65-65250); 110 and 112 are too short to match and need no entry.
PHONE_NUMBER = re.compile(r"(?<![\d§.])(?:0\d{2,4}|116)[\d /\-]{3,}\d")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Format examples in the handoff prompts (utter_contact_invalid_phone / _email), not real contacts.
EXAMPLES = {"01512345678", "name@beispiel.de"}

ARTICLE = """---
id: {id}
title: Bedrohung
intents: [{intent}]
summary: >-
  Nehmen Sie die Drohung ernst. Sichern Sie Beweise.
related: [{related}]
contacts: [starke_stelle]
sources:
  - title: Stark im Amt
    url: {url}
reviewed: {reviewed}
---
## Jetzt tun
In akuter Gefahr: 110.

Zweiter Absatz.

## Beweise sichern
Brief aufbewahren.
"""

CONTACTS = """version: 1
contacts:
  - id: polizei_notruf
    name: Polizei
    scope: national
    kind: notruf
    topics: [emergency]
    phone: "110"
    hours: {always: true}
    emergency: true
    description: Notruf.
    source: {title: x, url: "https://example.org"}
    verified: 2026-01-01
  - id: starke_stelle
    name: Starke Stelle
    scope: national
    kind: beratung
    topics: [all]
    phone: "0800 300 99 44"
    hours: {weekly: [{days: [mo, di, mi, do, fr], from: "09:00", to: "16:00"}], holiday_region: NW}
    description: Lotse.
    source: {title: x, url: "https://example.org"}
    verified: 2026-01-01
land_notes:
""" + "".join(f"  {land}: Kein eigenes Angebot bekannt.\n" for land in LANDS)

PLATFORMS = """version: 1
platforms:
  Facebook:
    kind: social
    report: Melden.
    evidence: Screenshot.
    sources: [{title: x, url: "https://example.org"}]
"""


def make_base(tmp_path: Path, **article: str) -> Path:
    root = tmp_path / "knowledge"
    (root / "articles").mkdir(parents=True)
    values = {
        "id": "bedrohung",
        "intent": "report_threat",
        "related": "",
        "url": "https://www.stark-im-amt.de/",
        "reviewed": "2026-11-01",
    }
    values.update(article)
    (root / "articles" / f"{values['id']}.md").write_text(ARTICLE.format(**values), encoding="utf-8")
    (root / "contacts.yml").write_text(CONTACTS, encoding="utf-8")
    (root / "platforms.yml").write_text(PLATFORMS, encoding="utf-8")
    return root


def problems(root: Path, **kwargs: object) -> list[str]:
    issues, _ = check_knowledge(root, known_intents=["report_threat", "emergency"], today=date(2026, 11, 25), **kwargs)
    return [str(i) for i in issues]


def test_a_valid_fixture_loads(tmp_path: Path) -> None:
    issues, base = check_knowledge(
        make_base(tmp_path), known_intents=["report_threat", "emergency"], today=date(2026, 11, 25)
    )
    assert issues == []
    assert base is not None
    article = base.article_for("report_threat")
    assert article is not None
    assert [s.key for s in article.sections] == ["jetzt", "beweise"]
    assert article.sections[0].paragraphs == ("In akuter Gefahr: 110.", "Zweiter Absatz.")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"intent": "report_unknown"}, "FEHLER knowledge/articles/bedrohung.md [intents]: unbekannter Intent"),
        ({"related": "gibt-es-nicht"}, "[related]: toter Querverweis auf 'gibt-es-nicht'"),
        ({"url": "http://www.stark-im-amt.de/"}, "[sources[0].url]: Quelle ohne https-URL"),
        ({"url": "''"}, "[sources[0].url]: Quelle ohne https-URL"),
        ({"reviewed": "2024-01-01"}, "WARNUNG knowledge/articles/bedrohung.md [reviewed]: zuletzt geprüft vor"),
        ({"reviewed": "2027-01-01"}, "[reviewed]: Datum liegt in der Zukunft"),
    ],
)
def test_schema_problems_are_named_by_file_and_field(tmp_path: Path, change: dict[str, str], expected: str) -> None:
    found = problems(make_base(tmp_path, **change))
    assert any(expected in p for p in found), found


def test_missing_fields_and_unknown_sections(tmp_path: Path) -> None:
    root = make_base(tmp_path)
    path = root / "articles" / "bedrohung.md"
    text = (
        path.read_text(encoding="utf-8").replace("title: Bedrohung\n", "").replace("## Beweise sichern", "## Sonstiges")
    )
    path.write_text(text, encoding="utf-8")
    found = problems(root)
    assert any("[title]: Pflichtfeld fehlt" in p for p in found)
    assert any("[## Sonstiges]: unbekannter Abschnitt" in p for p in found)


def test_long_paragraphs_and_disclaimers_are_errors(tmp_path: Path) -> None:
    root = make_base(tmp_path)
    path = root / "articles" / "bedrohung.md"
    long = "Wort " * 130
    text = path.read_text(encoding="utf-8").replace("Zweiter Absatz.", long + "\n\nDies ist keine Rechtsberatung.")
    path.write_text(text, encoding="utf-8")
    found = problems(root)
    assert any("[## Jetzt tun Absatz 2]" in p and "höchstens 600" in p for p in found)
    assert any("'keine Rechtsberatung' sagt der Bot selbst" in p for p in found)


def test_review_age_is_configurable(tmp_path: Path) -> None:
    root = make_base(tmp_path, reviewed="2026-10-01")
    assert not any("zuletzt geprüft" in p for p in problems(root))
    assert any("zuletzt geprüft vor 55 Tagen (Grenze 30)" in p for p in problems(root, max_age_days=30))


def test_missing_article_for_an_intent_is_an_error(tmp_path: Path) -> None:
    issues, base = check_knowledge(
        make_base(tmp_path), known_intents=["report_threat", "ask_evidence", "emergency"], today=date(2026, 11, 25)
    )
    assert base is None
    assert any("kein Artikel beantwortet 'ask_evidence'" in str(i) for i in issues)


def test_directory_problems(tmp_path: Path) -> None:
    root = make_base(tmp_path)
    contacts = root / "contacts.yml"
    text = contacts.read_text(encoding="utf-8")
    text = text.replace(
        '    source: {title: x, url: "https://example.org"}\n    verified: 2026-01-01\nland_notes:',
        "    verified: 2026-01-01\nland_notes:",
    )
    text = text.replace("  Bremen: Kein eigenes Angebot bekannt.\n", "")
    contacts.write_text(text, encoding="utf-8")
    found = problems(root)
    assert any("knowledge/contacts.yml [contacts.starke_stelle.source]: Pflichtfeld fehlt" in p for p in found)
    assert any("Bremen: weder ein Landesangebot noch ein Hinweis" in p for p in found)
    assert any("die Starke Stelle fehlt" in p for p in found)


def test_split_message_keeps_paragraphs_whole() -> None:
    paragraphs = ["a" * 300, "b" * 250, "c" * 100, "d" * 590]
    messages = split_message(paragraphs)
    assert messages == ["a" * 300 + "\n\n" + "b" * 250, "c" * 100, "d" * 590]
    assert all(len(m) <= MESSAGE_LIMIT for m in messages)


# --------------------------------------------------------------------------- the real knowledge base


def test_the_real_knowledge_base_is_valid() -> None:
    issues, base = check_knowledge(KNOWLEDGE_DIR, today=date.today())
    assert base is not None, "\n".join(str(i) for i in issues)
    assert [str(i) for i in issues if i.severity == "error"] == []


def test_every_incident_and_question_intent_has_an_article() -> None:
    base = knowledge_base()
    wanted = {i for i in domain_intents() if i.startswith(("report_", "ask_")) and i not in NOT_ANSWERED}
    wanted.add("request_human")
    assert wanted - set(base.by_intent) == set()
    assert len(base.articles) >= 25


def test_every_land_has_an_offer_or_an_honest_note() -> None:
    directory = knowledge_base().directory
    for land in LANDS:
        assert directory.for_land(land) or directory.land_note(land), land


def test_no_directory_entry_without_source_and_verified_date() -> None:
    for contact in knowledge_base().directory.contacts:
        assert contact.source_url.startswith("https://"), contact.id
        assert contact.verified <= date.today(), contact.id


def digits(number: str) -> str:
    """A phone number reduced to its digits: '0800 300 99 44' and '08003009944' are the same."""
    return re.sub(r"\D", "", number)


def numbers_in_facts() -> set[str]:
    """The digits of every number-like run in knowledge/facts.md."""
    return {digits(m) for m in re.findall(r"\+?\d[\d /\-]{2,}\d", FACTS)}


def knowledge_texts() -> dict[str, str]:
    """Articles, their questions and answers, and the contact directory, by file name."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted((KNOWLEDGE_DIR / "articles").glob("*.md"))}
    for path in sorted((KNOWLEDGE_DIR / "questions").glob("*.yml")):  # what the bot says: the answers
        entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("questions") or []
        texts[f"questions/{path.name}"] = "\n".join(str(q.get("answer") or "") for q in entries)
    texts["contacts.yml"] = (KNOWLEDGE_DIR / "contacts.yml").read_text(encoding="utf-8")
    return texts


def domain_response_texts() -> dict[str, str]:
    """Every response text of every domain file (all variations), keyed 'file:response'."""
    texts: dict[str, str] = {}
    for path in sorted((ROOT / "domain").glob("*.yml")):
        responses = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses") or {}
        for name, variations in responses.items():
            parts = [str(v.get("text") or "") for v in variations or [] if isinstance(v, dict)]
            texts[f"{path.name}:{name}"] = "\n".join(parts)
    return texts


def test_facts_file_is_part_of_the_project() -> None:
    """The facts live in the project: a clone without ../shared must pass these tests."""
    assert FACTS_FILE.is_file()
    assert "shared" not in str(FACTS_FILE.relative_to(ROOT))


def test_every_fact_has_a_source_a_date_and_a_confidence() -> None:
    """Each numbered fact row names an https source (or says there is none), a check date and a
    confidence; 'unsicher' rows are the ones that may lack a source."""
    rows = [line for line in FACTS.splitlines() if re.match(r"\| [A-Z][A-Z0-9-]*\d* \|", line)]
    assert len(rows) > 50
    for row in rows:
        confidence = row.rstrip(" |").rsplit("|", 1)[-1].strip()
        assert re.match(r"(hoch|mittel|unsicher)\b", confidence), row
        assert re.search(r"\| \d{4}-\d{2}-\d{2} \|", row), row
        assert "https://" in row or confidence.startswith("unsicher"), row


def test_every_phone_number_in_knowledge_is_in_the_facts_file() -> None:
    """Never an invented number: every phone number in articles and directory occurs in facts.md."""
    known = numbers_in_facts()
    for name, text in knowledge_texts().items():
        for number in PHONE_NUMBER.findall(text):
            assert digits(number) in known, f"{name}: {number}"


def test_every_phone_number_in_domain_responses_is_in_the_facts_file() -> None:
    """The same rule for the domain's own texts (handoff, smalltalk, safety, ...)."""
    known = numbers_in_facts() | EXAMPLES
    found = 0
    for name, text in domain_response_texts().items():
        for number in PHONE_NUMBER.findall(text):
            found += 1
            assert digits(number) in known, f"{name}: {number}"
    assert found > 0  # the Starke Stelle's number is in several responses today


def test_every_email_and_web_address_is_in_the_facts_file() -> None:
    """E-mail addresses in articles, directory and domain, and the directory's web addresses,
    occur in facts.md (a web address may be the start of a longer source URL there)."""
    texts = {**knowledge_texts(), **domain_response_texts()}
    for name, text in texts.items():
        for address in EMAIL.findall(text):
            assert address in FACTS or address in EXAMPLES, f"{name}: {address}"
    for contact in knowledge_base().directory.contacts:
        if contact.web:
            assert contact.web.rstrip("/") in FACTS, f"{contact.id}: {contact.web}"


def test_uncertain_facts_are_not_claimed() -> None:
    """knowledge/facts.md marks these uncertain or outdated: no article may state them as fact."""
    text = "\n".join(knowledge_texts().values())
    assert not re.search(r"§ ?188[^.]*ohne (Straf)?[Aa]ntrag verfolgt", text)
    assert not re.search(r"(vier|4) Jahre[^.]*Auskunftssperre|Auskunftssperre[^.]*(vier|4) Jahre", text)
    # facts.md M3: group membership counts, but the authority still assesses the individual risk
    assert not re.search(r"[Ss]chon die Zugehörigkeit|zählt[^.]*bereits als Tatsache", text)
    # facts.md B1: the BSI dropped the regular password change in 2020
    assert not re.search(r"Passw[öo]rt[^.\n]*regelmäßig ändern", text)
    # facts.md N11: the men's help line is not staffed around the clock
    assert not re.search(r"Gewalt an Männern[^.\n]*(?<!nicht )rund um die Uhr", text)
    # facts.md R4: a withdrawn Strafantrag cannot be filed again (not "after the end of the case")
    assert not re.search(r"bis zum Abschluss des Verfahrens zurücknehmen, danach", text)


# A call-back or a contact form of the Starke Stelle is documented nowhere (facts.md S16).
CALL_BACK_PROMISE = re.compile(
    r"Sie zurückrufen|ruft Sie[^.]*zurück|für einen Rückruf|Rückrufservice|Kontaktformular der Starken Stelle"
)


@pytest.mark.parametrize("source", ["knowledge", "domain"])
def test_no_call_back_or_contact_form_is_promised(source: str) -> None:
    texts = knowledge_texts() if source == "knowledge" else domain_response_texts()
    promises = {name: m.group(0) for name, text in texts.items() if (m := CALL_BACK_PROMISE.search(text))}
    assert promises == {}


def test_knowledge_base_is_copied_not_shared(tmp_path: Path) -> None:
    """The fixture copy of the real base validates too (no hidden absolute paths)."""
    shutil.copytree(KNOWLEDGE_DIR, tmp_path / "knowledge")
    issues, base = check_knowledge(tmp_path / "knowledge", today=date.today())
    assert base is not None, "\n".join(str(i) for i in issues)
