"""The cached validation of action server responses behaves like Rasa's own."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError


@pytest.fixture(scope="module")
def remote_action():  # type: ignore[no-untyped-def]
    from rasa.core.actions.action import RemoteAction

    import components  # noqa: F401  (installs the speed-up)

    return RemoteAction("action_x", None)


def test_speedup_is_installed(remote_action) -> None:  # type: ignore[no-untyped-def]
    from components.speedups import MARKER, _validate_action_result

    assert getattr(type(remote_action), MARKER) is True
    assert type(remote_action)._validate_action_result is _validate_action_result


def test_valid_responses_pass(remote_action) -> None:  # type: ignore[no-untyped-def]
    response = {"events": [{"event": "slot", "name": "x", "value": 1}], "responses": [{"response": "utter_x"}]}
    assert remote_action._validate_action_result(response) is True
    assert remote_action._validate_action_result({"events": [], "responses": []}) is True


@pytest.mark.parametrize(
    "response",
    [
        {"events": [{"event": "slot"}], "responses": []},  # a slot event without a name
        {"events": "nonsense"},
    ],
)
def test_invalid_responses_raise_like_rasa(remote_action, response) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        remote_action._validate_action_result(response)
