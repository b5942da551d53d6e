"""The case summary: categories recognised from the conversation, contact details validated,
and per incident whether a Strafantrag is needed (knowledge/offences.yml) and until when."""

from __future__ import annotations

from datetime import date

import pytest

from bot.case import (
    CaseFacts,
    is_decline,
    normalise_contact,
    personal_data,
    recognise_evidence,
    recognise_preference,
    recognise_wish,
    summary_payload,
    summary_text,
)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Ich habe Screenshots von allen Kommentaren gemacht"], ("screenshots",)),
        (["Mir wurde per Brief mit dem Tod gedroht"], ("letter",)),
        (["habe keine screenshots gemacht"], ()),
        (["Es gibt zwei Zeugen, und ich habe Fotos vom Auto"], ("photos", "witnesses")),
        (["ich war beim Arzt und habe ein Attest"], ("medical",)),
        (["ich habe schon Anzeige erstattet"], ("report_filed",)),
        (["Er schreibt mir ständig Nachrichten", "und E-Mails"], ("messages",)),
        (["Ich weiß nicht, was ich tun soll"], ()),
    ],
)
def test_evidence_is_recognised_as_categories(texts: list[str], expected: tuple[str, ...]) -> None:
    assert recognise_evidence(texts) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anzeige und Strafantrag", "anzeige"),
        ("Sicherheit für mich und meine Familie", "sicherheit"),
        ("Seelische Unterstützung", "seelisch"),
        ("Rechtliche Orientierung", "recht"),
        ("Orientierung und Beratung", "beratung"),
        ("ich will einfach mit jemandem reden", "seelisch"),
        ("hmm, weiß nicht", "sonstiges"),
    ],
)
def test_wish_categories(text: str, expected: str) -> None:
    assert recognise_wish(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rückruf per Telefon", "telefon"),
        ("bitte anrufen", "telefon"),
        ("Antwort per E-Mail", "email"),
        ("Anonym, ich melde mich selbst", "anonym"),
        ("lieber nicht", "anonym"),
        ("egal", None),
        ("telefon oder mail", None),
    ],
)
def test_contact_preference(text: str, expected: str | None) -> None:
    assert recognise_preference(text) == expected


@pytest.mark.parametrize(
    ("preference", "text", "expected"),
    [
        ("telefon", "0151 2345678", "0151 2345678"),
        ("telefon", "+49 30 1234567", "+49 30 1234567"),
        ("telefon", "030/123456", "030/123456"),
        ("telefon", "1234", None),
        ("telefon", "ruf mich an", None),
        ("telefon", "0151 2345678 9999 8888 7777", None),
        ("email", "anna.muster@beispiel.de", "anna.muster@beispiel.de"),
        ("email", "anna.muster@beispiel.de.", "anna.muster@beispiel.de"),
        ("email", "anna at beispiel punkt de", None),
        ("email", "0151 2345678", None),
        ("anonym", "0151 2345678", None),
    ],
)
def test_contact_details_are_validated(preference: str, text: str, expected: str | None) -> None:
    assert normalise_contact(preference, text) == expected


@pytest.mark.parametrize("text", ["lieber nicht", "Nein", "möchte ich nicht", "doch lieber anonym"])
def test_declining_contact_details(text: str) -> None:
    assert is_decline(text)


def test_decline_does_not_match_a_number() -> None:
    assert not is_decline("0151 2345678")


FACTS = CaseFacts(
    incidents=("report_threat",),
    bundesland="Sachsen",
    incident_date=date(2026, 9, 2),
    deadline=date(2026, 12, 2),
    evidence=("letter",),
    wish="anzeige",
    contact_preference="telefon",
    contact_detail="0151 2345678",
)


def test_summary_text_names_everything_the_user_said() -> None:
    text = summary_text(FACTS)
    assert text.splitlines() == [
        "• Was: Drohung",
        "• Bundesland: Sachsen",
        "• Wann: Mittwoch, 2. September 2026",
        "• Strafantrag (Drohung): nicht nötig – wird von Amts wegen verfolgt",
        "• Beweise: Brief",
        "• Anliegen: Hilfe bei Anzeige und Strafantrag",
        "• Kontakt: Rückruf unter 0151 2345678",
    ]


def test_summary_without_contact_and_with_gaps() -> None:
    text = summary_text(CaseFacts(date_unknown=True), include_contact=False)
    assert "Was: allgemeine Frage" in text
    assert "Bundesland: nicht genannt" in text
    assert "Wann: unbekannt" in text
    assert "Kontakt" not in text
    assert "Frist" not in text


def test_payload_is_not_personal_and_personal_data_is_separate() -> None:
    payload = summary_payload(FACTS)
    assert "0151" not in str(payload)
    assert payload == {
        "incidents": ["report_threat"],
        "bundesland": "Sachsen",
        "incident_date": "2026-09-02",
        "deadline": None,  # a threat needs no Strafantrag: there is no deadline to pass on
        "strafantrag": {"report_threat": "none"},
        "evidence": ["letter"],
        "wish": "anzeige",
        "contact_preference": "telefon",
    }
    assert personal_data(FACTS) == {"phone": "0151 2345678"}
    assert personal_data(CaseFacts(contact_preference="anonym", contact_detail=None)) is None


# --------------------------------------------------------------------------- Strafantrag per incident


def strafantrag_lines(facts: CaseFacts) -> list[str]:
    return [line for line in summary_text(facts, include_contact=False).splitlines() if "Strafantrag (" in line]


def test_an_insult_with_a_date_says_until_when() -> None:
    facts = CaseFacts(incidents=("report_insult",), incident_date=date(2026, 9, 2), deadline=date(2026, 12, 2))
    assert strafantrag_lines(facts) == [
        "• Strafantrag (Beleidigung): nötig – Frist (gerechnet) bis Mittwoch, 2. Dezember 2026"
    ]
    payload = summary_payload(facts)
    assert (payload["deadline"], payload["strafantrag"]) == ("2026-12-02", {"report_insult": "required"})


def test_stalking_without_a_date_names_the_rule_and_the_public_interest() -> None:
    (line,) = strafantrag_lines(CaseFacts(incidents=("report_stalking",), date_unknown=True))
    assert line.startswith("• Strafantrag (Nachstellung / Stalking): nötig, außer die Staatsanwaltschaft bejaht")
    assert "drei Monate ab Kenntnis von Tat und Täter" in line and "bis" not in line


def test_threat_and_insult_each_get_their_line_and_the_deadline_stays() -> None:
    facts = CaseFacts(
        incidents=("emergency", "report_threat", "report_insult"),
        incident_date=date(2026, 9, 2),
        deadline=date(2026, 12, 2),
    )
    assert strafantrag_lines(facts) == [
        "• Strafantrag (Drohung): nicht nötig – wird von Amts wegen verfolgt",
        "• Strafantrag (Beleidigung): nötig – Frist (gerechnet) bis Mittwoch, 2. Dezember 2026",
    ]
    payload = summary_payload(facts)
    assert payload["deadline"] == "2026-12-02"
    assert payload["strafantrag"] == {"report_threat": "none", "report_insult": "required"}


def test_a_threat_is_never_given_a_deadline_in_the_summary() -> None:
    facts = CaseFacts(incidents=("report_threat",), incident_date=date(2026, 6, 1), deadline=date(2026, 9, 1))
    text = summary_text(facts, include_contact=False)
    assert "Frist" not in text and "1. September 2026" not in text
    assert summary_payload(facts)["deadline"] is None


def test_without_a_known_incident_the_computed_deadline_is_still_shown() -> None:
    text = summary_text(CaseFacts(deadline=date(2026, 12, 2)), include_contact=False)
    assert "Frist für einen Strafantrag (gerechnet): bis Mittwoch, 2. Dezember 2026" in text
