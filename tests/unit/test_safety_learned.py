"""The learned safety reading (bot.safety.learned) and its component, without the trained bot."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.safety import assess
from bot.safety.followup import CRISIS, DANGER, END, followup
from bot.safety.learned import (
    CALM,
    LABELS,
    LEARNED,
    LEARNED_CALM,
    Reading,
    combine,
    merge_examples,
    read,
    set_examples,
    train,
)
from components.safety_classifier import SafetyClassifier
from components.safety_net import SafetyNet


def reading(label: str, confidence: float) -> Reading:
    rest = (1.0 - confidence) / (len(LABELS) - 1)
    return Reading(label, {name: (confidence if name == label else rest) for name in LABELS})


CALM_TEXT = "Wie beantrage ich eine Auskunftssperre?"


CALM_STATEMENT = "Ich brauche eine Auskunftssperre."


def test_a_sure_reading_raises_what_the_patterns_missed() -> None:
    assert assess(CALM_STATEMENT).level == "none"
    raised = combine(assess(CALM_STATEMENT), reading("acute", 0.7), CALM_STATEMENT)
    assert (raised.level, raised.kind, raised.learned) == ("acute", "danger", 0.7)
    assert LEARNED in raised.reasons
    assert combine(assess(CALM_STATEMENT), reading("medical", 0.5), CALM_STATEMENT).kind == "medical"
    assert combine(assess(CALM_STATEMENT), reading("self_harm", 0.5), CALM_STATEMENT).kind == "self_harm"
    assert combine(assess(CALM_STATEMENT), reading("distress", 0.5), CALM_STATEMENT).level == "distress"


def test_a_question_needs_a_surer_reading_of_danger_but_not_of_crisis() -> None:
    # "Und d'Gmoa, muass de mi do unterstützn?" read as acute 0.5: a follow-up question
    question = "Und d'Gmoa, muass de mi do unterstützn?"
    assert assess(question).level == "none"
    assert combine(assess(question), reading("acute", 0.6), question).level == "none"
    assert combine(assess(question), reading("medical", 0.6), question).level == "none"
    assert combine(assess(question), reading("acute", 0.75), question).level == "acute"
    assert combine(assess(question), reading("self_harm", 0.5), question).kind == "self_harm"
    assert combine(assess(question), reading("distress", 0.5), question).level == "distress"


def test_an_unsure_reading_changes_nothing() -> None:
    assert combine(assess(CALM_TEXT), reading("acute", 0.3), CALM_TEXT) == assess(CALM_TEXT)
    assert combine(assess(CALM_TEXT), None, CALM_TEXT) == assess(CALM_TEXT)


@pytest.mark.parametrize(
    "text",
    ["Nee, grad nich. Bin allein aufm Hof.", "Ja, der ist weg, die Polizei ist schon da.", "Keine Gefahr, nur müde"],
)
def test_an_answer_of_no_or_an_end_of_danger_is_never_raised(text: str) -> None:
    assert combine(assess(text), reading("acute", 0.9), text).level != "acute"


def test_a_very_sure_calm_reading_suppresses_pattern_danger_but_never_self_harm() -> None:
    danger = "es brennt im flur"
    assert assess(danger).is_acute
    calmed = combine(assess(danger), reading(CALM, 0.9), danger)
    assert calmed.level == "none" and calmed.calm and LEARNED_CALM in calmed.suppressed
    assert combine(assess(danger), reading(CALM, 0.7), danger).is_acute
    self_harm = "Ich will mich umbringen."
    assert combine(assess(self_harm), reading(CALM, 0.99), self_harm).kind.startswith("self_harm")


def test_the_patterns_keep_violence_pain_and_reassurance() -> None:
    for text in ("Ich wurde vergewaltigt.", "Mein Kopf tut weh.", "Nein, ich will mir nichts antun. Ich bin nur müde."):
        assert combine(assess(text), reading("acute", 0.95), text) == assess(text)


def test_a_sure_reading_decides_danger_or_medical() -> None:
    text = "er ist bewusstlos"
    assert assess(text).kind == "medical"
    assert combine(assess(text), reading("acute", 0.7), text).kind == "danger"
    assert combine(assess(text), reading("acute", 0.5), text).kind == "medical"


def test_examples_come_from_the_set_categories_and_sets_win_over_nlu(tmp_path: Path) -> None:
    path = tmp_path / "set.yml"
    path.write_text(
        yaml.safe_dump({"acute": ["Er tritt die Tür ein"], "non_acute": ["Wie sichere ich Beweise?"], "panel": [{}]}),
        encoding="utf-8",
    )
    examples = set_examples([path])
    assert examples == [("Er tritt die Tür ein", "acute"), ("Wie sichere ich Beweise?", "calm")]
    merged = merge_examples(examples, [("er tritt die tür ein", "calm"), ("Hallo", "calm")])
    assert merged == [*examples, ("Hallo", "calm")]


TINY = {
    "acute": ["er tritt gerade die tür ein", "einer steht mit messer vor mir", "hilfe es brennt im haus"],
    "medical": ["er ist bewusstlos und atmet kaum", "herzinfarkt schmerzen in der brust", "sie blutet stark am kopf"],
    "self_harm": ["ich will nicht mehr leben", "ich will mich umbringen", "ich will sterben"],
    "distress": ["ich kann nicht mehr schlafen", "ich bin am ende meiner kraft", "ich habe panik"],
    "calm": ["wie beantrage ich eine auskunftssperre", "was kostet eine anzeige", "danke für die info"],
}


def test_train_and_read_on_a_tiny_set() -> None:
    examples = [(t, label) for label, texts in TINY.items() for t in texts]
    model = train(examples, c=10.0)
    (result,) = read(model, ["er tritt gerade die tür ein"])
    assert result.label == "acute" and set(result.scores) == set(LABELS)
    assert Reading.from_dict(result.as_dict()) is not None
    with pytest.raises(ValueError, match="calm"):
        train([e for e in examples if e[1] != "calm"])


def test_the_component_trains_stores_loads_and_reads(tmp_path: Path) -> None:
    sets = tmp_path / "set.yml"
    sets.write_text(yaml.safe_dump(TINY), encoding="utf-8")
    config = {**SafetyClassifier.get_default_config(), "sets": [str(sets)]}
    (tmp_path / "storage").mkdir()
    storage = LocalModelStorage(tmp_path / "storage")
    resource = Resource("safety_classifier")
    context = ExecutionContext(GraphSchema({}), "test")
    data = TrainingData([Message(data={"text": "Guten Tag", "intent": "greet"})])
    SafetyClassifier.create(config, storage, resource, context).train(data)
    loaded = SafetyClassifier.load(config, storage, resource, context)
    message = Message(data={"text": "er tritt gerade die tür ein"})
    loaded.process([message])
    assert message.get("safety_reading")["label"] == "acute"
    # The safety net reads it (the patterns see this message as acute too).
    message.set("intent", {"name": "greet", "confidence": 0.9})
    message.set("intent_ranking", [{"name": "greet", "confidence": 0.9}])
    SafetyNet(SafetyNet.get_default_config()).process([message])
    assert message.get("safety")["reading"] == "acute"
    assert message.get("intent")["name"] == "emergency"


def test_editing_a_set_changes_the_fingerprint(tmp_path: Path) -> None:
    sets = tmp_path / "set.yml"
    sets.write_text("acute: [a]\n", encoding="utf-8")
    config = {"sets": [str(sets)]}
    before = SafetyClassifier.fingerprint_addon(config)
    sets.write_text("acute: [b]\n", encoding="utf-8")
    assert SafetyClassifier.fingerprint_addon(config) != before


def test_in_a_mode_an_unsure_learned_reading_gives_way_to_the_context() -> None:
    text = "Es ist besser jetzt."
    unsure = combine(assess(text), reading("self_harm", 0.6), text)
    assert unsure.kind.startswith("self_harm")
    assert followup(CRISIS, text, "", assessment=unsure).mode == END
    sure = combine(assess("mir ist so komisch"), reading("self_harm", 0.9), "mir ist so komisch")
    assert followup(DANGER, "mir ist so komisch", "", assessment=sure).responses[0].startswith("utter_self_harm")


def test_a_message_that_looks_back_needs_a_much_surer_reading() -> None:
    text = "jemand hat mein auto zerkratzt und die scheiben eingeschlagen"
    assert assess(text).level == "none"
    assert combine(assess(text), reading("acute", 0.7), text).level == "none"
    assert combine(assess(text), reading("acute", 0.9), text).is_acute
    letter = "Ich hab heute n Brief gekriegt, da steht drin, dass se mei Haus anzünden wolln."
    assert combine(assess(letter), reading("acute", 0.7), letter).level == "none"
    now = "Er hat mich gerade gegen das Auto gedrückt"
    assert combine(assess(now), reading("acute", 0.5), now).is_acute


def test_hedging_is_no_statement_of_safety() -> None:
    text = "Ich bin mir nicht sicher, ob ich übertreibe, der Wagen fährt seit einer Stunde ums Haus"
    assert combine(assess(text), reading("acute", 0.6), text).is_acute


def test_a_sure_self_harm_reading_turns_danger_into_danger_to_oneself() -> None:
    text = "Ich hab den Motor in der Garage laufen lassen und sitz drin"
    turned = combine(assess("es brennt im flur"), reading("self_harm", 0.7), text)
    assert (turned.level, turned.kind) == ("distress", "self_harm_now")
    assert combine(assess("es brennt im flur"), reading("self_harm", 0.5), text).is_acute
