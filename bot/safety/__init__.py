"""Deterministic safety layers: acute danger, medical emergencies, self-harm and distress.

``patterns.py`` holds the German patterns people edit; ``engine.py`` scopes them (negation,
tense, reported speech, hypotheticals) and decides; ``followup.py`` reads follow-up messages
while the conversation is in a danger or crisis mode.
"""

from bot.safety.engine import (
    REPORTED,
    SafetyAssessment,
    assess,
    is_plain_no,
    is_positive,
    looks_back,
    normalise,
    says_safe,
)

__all__ = [
    "REPORTED",
    "SafetyAssessment",
    "assess",
    "is_plain_no",
    "is_positive",
    "looks_back",
    "normalise",
    "says_safe",
]
