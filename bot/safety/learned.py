"""A learned reading of safety beside the patterns, and how the two are combined.

The patterns (``patterns.py``, scoped by ``engine.py``) are exact where they fire, but each
blind set of new phrasings showed that people describe danger and crisis in more ways than
patterns can list. A small linear model over character and word n-grams, trained on the dev
safety sets (every message labelled with its situation) and the NLU examples, generalises
to unseen phrasings much better. :func:`combine` merges its reading into the patterns'
assessment:

* the patterns stay in charge of what only they know: disclosed violence, pain, "ich will mir
  nichts antun", and self-harm;
* where the patterns saw nothing, a confident reading of acute danger, a medical emergency,
  self-harm or distress raises the level (not for a message that begins with "nein" or says
  that the danger is over: "der ist weg", "die Polizei ist schon da");
* where the patterns fired but the reading is very sure the message is calm (a past incident,
  a question), the trigger is treated as suppressed, so the emergency reply is not given;
* danger vs. medical, distress vs. self-harm, danger vs. danger to oneself: a confident reading
  decides the kind.

scikit-learn is imported only when a model is built or read; the model is trained and stored
by ``components.safety_classifier`` (part of ``rasa train``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.safety.engine import Kind, Level, SafetyAssessment, normalise, says_safe
from bot.safety.patterns import (
    ANSWERS_NO,
    DANGER_OVER,
    OFFENDER_GONE,
    PAST_VERB,
    PRESENT,
    REPORT,
    SELF_HARM_NOW,
)
from bot.text import fold

ACUTE = "acute"
MEDICAL = "medical"
SELF_HARM = "self_harm"
DISTRESS = "distress"
CALM = "calm"
LABELS = (ACUTE, MEDICAL, SELF_HARM, DISTRESS, CALM)
# Categories of a safety set (tools/safety_eval.py) and the label each stands for.
SET_CATEGORIES: Mapping[str, str] = {
    "acute": ACUTE,
    "medical": MEDICAL,
    "self_harm": SELF_HARM,
    "distress": DISTRESS,
    "calm": CALM,
    "non_acute": CALM,
    "negated_crisis": CALM,
}
# Where components.safety_classifier puts the reading in the parse result.
READING_KEY = "safety_reading"
LEARNED = "learned"
LEARNED_CALM = "learned_calm"


@dataclass(frozen=True)
class Reading:
    """The model's label for a message and its probability (0–1) for every label."""

    label: str
    scores: Mapping[str, float]

    @property
    def confidence(self) -> float:
        return float(self.scores.get(self.label, 0.0))

    def score(self, label: str) -> float:
        return float(self.scores.get(label, 0.0))

    def as_dict(self) -> dict[str, Any]:
        """For the parse result: the label and rounded scores (no message text)."""
        return {"label": self.label, "scores": {k: round(float(v), 3) for k, v in self.scores.items()}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Reading | None:
        if not data or data.get("label") not in LABELS:
            return None
        scores = {str(k): float(v) for k, v in (data.get("scores") or {}).items()}
        return cls(str(data["label"]), scores)


def set_examples(paths: Iterable[Path]) -> list[tuple[str, str]]:
    """(message, label) pairs from the single-message categories of safety sets."""
    examples: list[tuple[str, str]] = []
    for path in paths:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        for category, label in SET_CATEGORIES.items():
            examples.extend((str(m), label) for m in data.get(category) or [] if str(m).strip())
    return examples


def merge_examples(first: Sequence[tuple[str, str]], second: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """``first`` and the pairs of ``second`` whose (folded) text ``first`` does not have."""
    seen = {fold(text).strip() for text, _ in first}
    merged = list(first)
    for text, label in second:
        key = fold(text).strip()
        if key and key not in seen:
            seen.add(key)
            merged.append((text, label))
    return merged


def build_model(c: float = 10.0) -> Any:
    """A TF-IDF (character 2–5-grams and word 1–2-grams) + logistic regression pipeline."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    features = make_union(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, preprocessor=fold),
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, preprocessor=fold),
    )
    return make_pipeline(features, LogisticRegression(C=c, max_iter=3000, class_weight="balanced"))


def train(examples: Sequence[tuple[str, str]], c: float = 10.0) -> Any:
    """Fit a model on (message, label) pairs; every label of ``LABELS`` must occur."""
    labels = {label for _, label in examples}
    missing = set(LABELS) - labels
    if missing:
        raise ValueError(f"safety training data lacks examples for: {', '.join(sorted(missing))}")
    model = build_model(c)
    model.fit([t for t, _ in examples], [label for _, label in examples])
    return model


def read(model: Any, texts: Sequence[str]) -> list[Reading]:
    """The model's reading of each text."""
    if not texts:
        return []
    classes = [str(c) for c in model.classes_]
    readings = []
    for row in model.predict_proba(list(texts)):
        scores = {c: float(p) for c, p in zip(classes, row, strict=True)}
        readings.append(Reading(max(scores, key=scores.__getitem__), scores))
    return readings


def _pattern_label(assessment: SafetyAssessment) -> str:
    if assessment.is_acute:
        return MEDICAL if assessment.kind == "medical" else ACUTE
    if assessment.level == "distress" and assessment.kind.startswith("self_harm"):
        return SELF_HARM
    if assessment.level == "distress" and assessment.kind == "distress":
        return DISTRESS
    return CALM


def _raised(assessment: SafetyAssessment, label: str, confidence: float, text: str) -> SafetyAssessment:
    kind: Kind
    if label in (ACUTE, MEDICAL):
        level: Level = "acute"
        kind = "medical" if label == MEDICAL else "danger"
    elif label == SELF_HARM:
        level = "distress"
        kind = "self_harm_now" if SELF_HARM_NOW.search(normalise(text)) else "self_harm"
    else:
        level, kind = "distress", "distress"
    reasons = (*assessment.reasons, LEARNED)
    return dataclasses.replace(
        assessment, level=level, kind=kind, reasons=reasons, calm=False, learned=round(confidence, 3)
    )


def combine(
    assessment: SafetyAssessment,
    reading: Reading | None,
    text: str,
    *,
    raise_at: float = 0.4,
    raise_suppressed_at: float = 0.85,
    raise_question_at: float = 0.7,
    calm_at: float = 0.8,
    kind_at: float = 0.6,
) -> SafetyAssessment:
    """The patterns' assessment with the learned reading merged in (see the module docstring).

    Args:
        raise_at: a reading of danger or crisis this sure raises a message the patterns saw as calm.
        raise_suppressed_at: the same where the patterns saw a danger word and judged it not
            acute (past, negated, hypothetical, reported), or the message looks back (a past
            verb and no "jetzt"/"gerade") or reports what someone wrote or said.
        raise_question_at: the same for danger in a message that ends in a question and has no
            danger word ("Und d'Gmoa, muass de mi do unterstützn?"): a follow-up question unless
            the reading is clearly of danger (self-harm and distress keep ``raise_at``).
        calm_at: a reading of calm this sure suppresses the patterns' danger or distress (never
            their self-harm).
        kind_at: a reading this sure decides danger vs. medical.
    """
    if (
        reading is None
        or assessment.kind in ("reassured", "violence", "pain", "safe")
        or assessment.level
        in (
            "violence",
            "pain",
        )
    ):
        return assessment
    seen = _pattern_label(assessment)
    label = reading.label
    if seen == CALM:
        norm = normalise(text)
        settled = says_safe(text) or ANSWERS_NO.match(norm) or any(p.search(norm) for p in (DANGER_OVER, OFFENDER_GONE))
        # A danger word the patterns judged past, negated or reported, or a message that looks
        # back or reports ("hat die Scheiben eingeschlagen", "im Brief steht, sie zünden mein
        # Haus an"), needs a much surer reading.
        looks_past = bool(PAST_VERB.search(norm)) and not PRESENT.search(norm)
        reported = bool(REPORT.search(norm))
        needed = raise_suppressed_at if assessment.suppressed or looks_past or reported else raise_at
        if text.rstrip().endswith("?") and label in (ACUTE, MEDICAL):
            needed = max(needed, raise_question_at)
        if label != CALM and reading.confidence >= needed and not settled:
            return _raised(assessment, label, reading.confidence, text)
        if reading.score(CALM) >= calm_at:
            return dataclasses.replace(assessment, calm=True)
        return assessment
    if seen in (ACUTE, DISTRESS) and reading.score(CALM) >= calm_at:
        suppressed = (*assessment.suppressed, *assessment.reasons, LEARNED_CALM)
        return SafetyAssessment("none", (), tuple(dict.fromkeys(suppressed)), calm=True)
    if seen in (ACUTE, MEDICAL) and label == SELF_HARM and reading.confidence >= kind_at:
        # "Ich steh grad auf der Brücke", "hab mir in den Arm geschnitten": the danger is to
        # oneself – 112 and the TelefonSeelsorge, never "lock yourself in".
        return dataclasses.replace(_raised(assessment, SELF_HARM, reading.confidence, text), kind="self_harm_now")
    if {seen, label} == {ACUTE, MEDICAL} and reading.confidence >= kind_at:
        return dataclasses.replace(assessment, kind="medical" if label == MEDICAL else "danger")
    if seen == DISTRESS and label == SELF_HARM and reading.confidence >= raise_at:
        return _raised(assessment, SELF_HARM, reading.confidence, text)
    return assessment
