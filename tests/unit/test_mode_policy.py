"""components.mode_policy: a mode decides while it lasts, nothing changes outside it."""

from __future__ import annotations

import time

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from components.mode_policy import ModePolicy, active_mode

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
intents: [greet, request_deletion, emergency]
slots:
  safety_mode:
    type: text
    influence_conversation: false
    mappings: [{type: custom}]
actions: [action_safety_followup, action_emergency]
"""
)


@pytest.fixture
def policy(tmp_path) -> ModePolicy:
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), "test")
    return ModePolicy.create(ModePolicy.get_default_config(), storage, Resource("mode"), context)


def tracker(mode: str | None, intent: str = "greet", mode_age: float = 0.0) -> DialogueStateTracker:
    events = [ActionExecuted("action_listen")]
    if mode is not None:
        events += [ActionExecuted("action_emergency"), SlotSet("safety_mode", mode, timestamp=time.time() - mode_age)]
        events += [ActionExecuted("action_listen")]
    events.append(UserUttered("text", intent={"name": intent, "confidence": 1.0}))
    return DialogueStateTracker.from_events("u", events, slots=DOMAIN.slots)


def predicted(policy: ModePolicy, t: DialogueStateTracker) -> str | None:
    prediction = policy.predict_action_probabilities(t, DOMAIN)
    if max(prediction.probabilities) == 0:
        return None
    return DOMAIN.action_names_or_texts[prediction.probabilities.index(max(prediction.probabilities))]


@pytest.mark.parametrize("mode", ["danger", "medical", "crisis"])
def test_in_a_mode_the_followup_action_answers(policy: ModePolicy, mode: str) -> None:
    assert predicted(policy, tracker(mode)) == "action_safety_followup"


def test_outside_a_mode_the_policy_predicts_nothing(policy: ModePolicy) -> None:
    assert predicted(policy, tracker(None)) is None


def test_after_the_followup_the_bot_listens(policy: ModePolicy) -> None:
    t = tracker("danger")
    t.update(ActionExecuted("action_safety_followup"))
    assert predicted(policy, t) == "action_listen"


def test_deletion_keeps_its_own_handling_in_a_mode(policy: ModePolicy) -> None:
    assert predicted(policy, tracker("crisis", intent="request_deletion")) is None


def test_a_mode_lapses_after_its_lifetime() -> None:
    assert active_mode(tracker("danger", mode_age=10), ttl_seconds=1800) == "danger"
    assert active_mode(tracker("danger", mode_age=3600), ttl_seconds=1800) is None


def test_the_prediction_outranks_the_rules(policy: ModePolicy) -> None:
    prediction = policy.predict_action_probabilities(tracker("crisis"), DOMAIN)
    assert prediction.policy_priority > 6  # RulePolicy's priority in Rasa 3.6
    assert prediction.is_no_user_prediction  # also wins over a paused form's happy path
