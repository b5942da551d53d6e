"""The place and language NLU components on Rasa messages (without a trained model)."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message

from components.language import LanguageGuard
from components.places import PlaceResolver
from components.safety_net import SafetyNet


def message(text: str, entities: list[dict] | None = None, intent: str = "inform_state") -> Message:
    parsed = Message(data={"text": text})
    parsed.set("entities", entities or [])
    parsed.set("intent", {"name": intent, "confidence": 0.9})
    parsed.set("intent_ranking", [{"name": intent, "confidence": 0.9}])
    return parsed


def lands(parsed: Message) -> list[str]:
    return [e["value"] for e in parsed.get("entities") if e["entity"] == "bundesland"]


def test_a_place_becomes_the_land() -> None:
    parsed = message("Ich bin aus dem Kreis Gütersloh")
    PlaceResolver(PlaceResolver.get_default_config()).process([parsed])
    assert lands(parsed) == ["Nordrhein-Westfalen"]
    assert parsed.get("entities")[0]["place"] == "Gütersloh"


def test_a_named_land_is_kept_and_completed() -> None:
    given = {"entity": "bundesland", "value": "Sachsen", "start": 18, "end": 25, "extractor": "RegexEntityExtractor"}
    parsed = message("Wo bekomme ich in Sachsen-Anhalt Beratung?", [given])
    PlaceResolver(PlaceResolver.get_default_config()).process([parsed])
    assert lands(parsed) == ["Sachsen-Anhalt"]
    kept = message("Ich bin in Sachsen, bei Leipzig", [dict(given, start=11, end=18)])
    PlaceResolver(PlaceResolver.get_default_config()).process([kept])
    assert lands(kept) == ["Sachsen"]


def test_an_english_message_becomes_other_language_unless_safety_decided() -> None:
    guard = LanguageGuard(LanguageGuard.get_default_config())
    parsed = message("Hello, can you help me? I am being threatened.", intent="report_threat")
    SafetyNet(SafetyNet.get_default_config()).process([parsed])
    guard.process([parsed])
    assert parsed.get("intent")["name"] == "other_language" and parsed.get("language") == "en"
    german = message("Ich werde bedroht, was kann ich tun?", intent="report_threat")
    guard.process([german])
    assert german.get("intent")["name"] == "report_threat"
    forced = message("Hilfe, er bricht gerade ein, help me please", intent="report_threat")
    SafetyNet(SafetyNet.get_default_config()).process([forced])
    guard.process([forced])
    assert forced.get("intent")["name"] == "emergency"
