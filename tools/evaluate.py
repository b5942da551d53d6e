"""Evaluate the NLU on data it was never trained on.

1. Train an NLU-only model on ``data/nlu`` (never on ``tests/``).
2. Parse every held-out example in ``tests/nlu/`` and every phrasing of the emergency test set
   ``tests/safety/phrasings_test.yml`` through the full pipeline (incl. the safety net).
3. Print per-intent precision/recall/F1, macro-F1, emergency recall and the false-alarm rate;
   write ``results/evaluate/report.json`` and ``confusion_matrix.png``.
4. Talk to the full trained bot (models/, real action server) about every phrasing of the
   emergency test set: does each acute one get 110 in the first reply, how many get the full
   emergency reply, how many non-acute ones do (false alarms).
5. Exit non-zero when a gate fails: an acute phrasing without 110 in the first reply, the full
   emergency reply to more than ``--max-false-alarm-rate`` of the non-acute phrasings, a
   held-out emergency example not recognised, or macro-F1 below ``--min-macro-f1``.

``--dialogue-only --safety-set FILE`` runs step 4 alone, e.g. on a fresh set before it joins
``tests/safety/``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EMERGENCY = "emergency"
_ANNOTATION = re.compile(r"\[([^\]]+)\]\((?:[^)]+)\)|\[([^\]]+)\]\{[^}]+\}")


@dataclass(frozen=True)
class Example:
    """One evaluation message and the intent a careful reader would assign."""

    text: str
    intent: str


def strip_annotations(text: str) -> str:
    """Turn ``[NRW](bundesland)`` into ``NRW``."""
    return _ANNOTATION.sub(lambda m: m.group(1) or m.group(2), text).strip()


def read_nlu_examples(paths: Iterable[Path]) -> list[Example]:
    """Read intent examples from Rasa NLU YAML files (lookups/synonyms are skipped)."""
    examples: list[Example] = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("nlu") or []:
            if "intent" not in item:
                continue
            for line in str(item.get("examples", "")).splitlines():
                line = line.strip()
                if line.startswith("- "):
                    examples.append(Example(strip_annotations(line[2:]), item["intent"]))
    return examples


def read_safety_phrasings(path: Path) -> tuple[list[str], list[str]]:
    """Acute and non-acute phrasings of an emergency test set."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data["acute"]), list(data["non_acute"])


def normalised(text: str) -> str:
    """Comparison key used to prove that test data is unseen."""
    return strip_annotations(text).lower().rstrip(".!? ")


def overlap(train: Iterable[Example], test: Iterable[str]) -> list[str]:
    """Test texts that also occur in the training data."""
    seen = {normalised(e.text) for e in train}
    return [t for t in test if normalised(t) in seen]


def per_intent_scores(gold: list[str], predicted: list[str]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support per gold intent."""
    scores: dict[str, dict[str, float]] = {}
    for intent in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == intent and p == intent)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != intent and p == intent)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == intent and p != intent)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[intent] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    return scores


def macro_f1(scores: dict[str, dict[str, float]]) -> float:
    """Unweighted mean F1 over intents."""
    return sum(s["f1"] for s in scores.values()) / len(scores) if scores else 0.0


def write_confusion_matrix(gold: list[str], predicted: list[str], target: Path) -> None:
    """Save a confusion-matrix PNG (rows: true intent, columns: predicted)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = sorted(set(gold) | set(predicted))
    index = {name: i for i, name in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted, strict=True):
        matrix[index[g]][index[p]] += 1
    size = max(8.0, len(labels) * 0.38)
    fig, ax = plt.subplots(figsize=(size, size))
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels, rotation=90, fontsize=7)
    ax.set_yticks(range(len(labels)), labels, fontsize=7)
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            if value:
                ax.text(
                    j,
                    i,
                    str(value),
                    ha="center",
                    va="center",
                    fontsize=6,
                    color="white" if i == j else "black",
                )
    ax.set_xlabel("vorhergesagt")
    ax.set_ylabel("richtig")
    ax.set_title("Konfusionsmatrix (Held-out-Testset)")
    fig.tight_layout()
    target.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(target, dpi=120)
    plt.close(fig)


def train_nlu_model(config: Path, out: Path) -> Path:
    """Train an NLU-only model on data/nlu and return its path."""
    from rasa.model_training import train_nlu

    out.mkdir(parents=True, exist_ok=True)
    model = train_nlu(
        config=str(config),
        nlu_data=str(ROOT / "data" / "nlu"),
        output=str(out),
        fixed_model_name="nlu-evaluate",
    )
    if not model:
        raise RuntimeError("NLU training produced no model")
    return Path(model)


async def parse_all(model: Path, texts: list[str]) -> list[dict[str, Any]]:
    """Parse ``texts`` with the trained model (full pipeline incl. safety net)."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


def dialogue_safety(acute: list[str], non_acute: list[str]) -> dict[str, Any] | None:
    """Talk to the full trained bot (models/, with a real action server) about each phrasing.

    Returns how many acute phrasings get 110 in the first reply and how many get the full
    emergency reply, and how many non-acute ones get the full emergency reply (false alarms).
    """
    from tools.conversation import Conversation, action_server, load_agent, newest_model, response_text

    model = newest_model()
    if model is None:
        print("Hinweis: kein Dialogmodell in models/ ('make train'), Dialogprüfung übersprungen.")
        return None
    emergency = response_text("utter_emergency")
    loop = asyncio.new_event_loop()
    try:
        with action_server() as webhook:
            agent = load_agent(model, webhook, loop)
            acute_first = [Conversation(agent, loop).first_reply(t) for t in acute]
            non_acute_first = [Conversation(agent, loop).first_reply(t) for t in non_acute]
    finally:
        loop.close()
    return {
        "model": str(model),
        "acute_110_first": sum("110" in r for r in acute_first),
        "acute_full_emergency": sum(r == emergency for r in acute_first),
        "acute_without_110": [t for t, r in zip(acute, acute_first, strict=True) if "110" not in r],
        "non_acute_full_emergency": sum(r == emergency for r in non_acute_first),
        "non_acute_110_first": sum("110" in r for r in non_acute_first),
        "acute": len(acute),
        "non_acute": len(non_acute),
    }


def print_dialogue(dialogue: dict[str, Any]) -> None:
    """The dialogue figures of the safety net, in German."""
    print(f"\nDialog ({dialogue['model']}), unbekannte Formulierungen:")
    print(f"  110 in der ersten Antwort (akut): {dialogue['acute_110_first']}/{dialogue['acute']}")
    print(f"  volle Notfallantwort (akut): {dialogue['acute_full_emergency']}/{dialogue['acute']}")
    print(
        "  volle Notfallantwort (nicht akut, Fehlalarm): "
        f"{dialogue['non_acute_full_emergency']}/{dialogue['non_acute']}"
    )
    print(
        "  110 in der ersten Antwort (nicht akut; Hinweis, Vorfall oder Fehlalarm): "
        f"{dialogue['non_acute_110_first']}/{dialogue['non_acute']}"
    )
    for text in dialogue["acute_without_110"]:
        print(f"  OHNE 110: {text}")


def quiet_rasa_logs() -> None:
    """Rasa's structlog prints parsed message texts at DEBUG: never let them into the output."""
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    logging.getLogger("rasa").setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=ROOT / "config.yml")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "evaluate")
    parser.add_argument("--model", type=Path, help="evaluate this NLU model instead of training")
    parser.add_argument("--min-macro-f1", type=float, default=0.88)
    parser.add_argument("--max-false-alarm-rate", type=float, default=0.05)
    parser.add_argument(
        "--safety-set",
        type=Path,
        default=ROOT / "tests" / "safety" / "phrasings_test.yml",
        help="akute/nicht akute Formulierungen (YAML mit acute/non_acute), nie zum Abstimmen benutzt",
    )
    parser.add_argument(
        "--dialogue-only", action="store_true", help="nur die Dialogprüfung des Sicherheitsnetzes mit models/"
    )
    parser.add_argument(
        "--test-dir",
        type=Path,
        default=ROOT / "tests" / "nlu",
        help="Held-out-Beispiele (*.yml), z. B. tests/nlu_blind für ein blind geschriebenes Set",
    )
    args = parser.parse_args(argv)
    quiet_rasa_logs()

    train_examples = read_nlu_examples(sorted((ROOT / "data" / "nlu").glob("*.yml")))
    test_examples = read_nlu_examples(sorted(args.test_dir.glob("*.yml")))
    acute, non_acute = read_safety_phrasings(args.safety_set)
    if args.dialogue_only:
        dialogue = dialogue_safety(acute, non_acute)
        if dialogue is None:
            return 2
        print_dialogue(dialogue)
        return 0 if dialogue["acute_110_first"] == dialogue["acute"] else 1
    leaked = overlap(train_examples, [e.text for e in test_examples] + acute + non_acute)
    if leaked:
        print(f"FEHLER: {len(leaked)} Testbeispiele stehen auch in den Trainingsdaten: {leaked[:5]}")
        return 2

    started = time.monotonic()
    model = args.model or train_nlu_model(args.config, args.out / "model")
    training_seconds = time.monotonic() - started
    print(f"==> Modell: {model} (Training {training_seconds:.0f} s)", flush=True)

    texts = [e.text for e in test_examples] + acute + non_acute
    parses = asyncio.run(parse_all(model, texts))
    predicted_all = [p["intent"]["name"] for p in parses]
    n = len(test_examples)
    gold = [e.intent for e in test_examples]
    predicted = predicted_all[:n]
    acute_pred = predicted_all[n : n + len(acute)]
    non_acute_pred = predicted_all[n + len(acute) :]

    scores = per_intent_scores(gold, predicted)
    macro = macro_f1(scores)
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / n
    heldout_emergency = [p for g, p in zip(gold, predicted, strict=True) if g == EMERGENCY]
    heldout_emergency_recall = heldout_emergency.count(EMERGENCY) / len(heldout_emergency)
    acute_recall = acute_pred.count(EMERGENCY) / len(acute)
    false_alarms = non_acute_pred.count(EMERGENCY)
    heldout_false_alarms = sum(1 for g, p in zip(gold, predicted, strict=True) if g != EMERGENCY and p == EMERGENCY)
    false_alarm_rate = false_alarms / len(non_acute)

    print(f"\n{'Intent':32} {'Präz.':>6} {'Recall':>6} {'F1':>6} {'n':>4}")
    for intent, s in scores.items():
        print(f"{intent:32} {s['precision']:6.2f} {s['recall']:6.2f} {s['f1']:6.2f} {s['support']:4.0f}")
    print(f"\nHeld-out: {n} Beispiele, {len(scores)} Intents, Accuracy {accuracy:.3f}, Makro-F1 {macro:.3f}")
    print(f"Notfall-Recall (Held-out emergency): {heldout_emergency_recall:.3f} ({len(heldout_emergency)} Beispiele)")
    print(f"Notfall-Recall (akute Formulierungen): {acute_recall:.3f} ({len(acute)} Beispiele)")
    print(f"Fehlalarme (nicht-akute Formulierungen): {false_alarms}/{len(non_acute)} = {false_alarm_rate:.3f}")
    print(f"Fehlalarme (übrige Held-out-Intents -> emergency): {heldout_false_alarms}/{n - len(heldout_emergency)}")
    missed = [t for t, p in zip(acute, acute_pred, strict=True) if p != EMERGENCY]
    for text in missed:
        print(f"  VERPASST: {text}")

    args.out.mkdir(parents=True, exist_ok=True)
    write_confusion_matrix(gold, predicted, args.out / "confusion_matrix.png")
    report = {
        "model": str(model),
        "training_seconds": round(training_seconds, 1),
        "heldout_examples": n,
        "accuracy": accuracy,
        "macro_f1": macro,
        "per_intent": scores,
        "emergency_recall_heldout": heldout_emergency_recall,
        "emergency_recall_acute_phrasings": acute_recall,
        "false_alarms": false_alarms,
        "false_alarm_rate": false_alarm_rate,
        "heldout_false_alarms": heldout_false_alarms,
        "errors": [
            {"text": e.text, "gold": e.intent, "predicted": p}
            for e, p in zip(test_examples, predicted, strict=True)
            if e.intent != p
        ],
    }
    (args.out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nBericht: {args.out / 'report.json'}  Konfusionsmatrix: {args.out / 'confusion_matrix.png'}")

    dialogue = dialogue_safety(acute, non_acute)
    if dialogue:
        report["dialogue"] = dialogue
        print_dialogue(dialogue)
        (args.out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")

    # Gates (the requirements): every acute phrasing gets 110 in the first reply, the
    # held-out emergency examples are all recognised, few full emergency replies to non-acute
    # messages, macro-F1. The NLU-level recall on the phrasings (the full emergency reply) is
    # reported above but is not a gate: the 110 line reaches the rest (incident replies, hint).
    failed = []
    if dialogue is None:
        failed.append("keine Dialogprüfung (kein Modell in models/)")
    else:
        if dialogue["acute_110_first"] < dialogue["acute"]:
            failed.append("nicht jede akute Formulierung bekommt 110 in der ersten Antwort")
        dialogue_fa = dialogue["non_acute_full_emergency"] / dialogue["non_acute"]
        if dialogue_fa > args.max_false_alarm_rate:
            failed.append(f"Fehlalarmrate im Dialog {dialogue_fa:.3f} > {args.max_false_alarm_rate}")
    if macro < args.min_macro_f1:
        failed.append(f"Makro-F1 {macro:.3f} < {args.min_macro_f1}")
    if heldout_emergency_recall < 1.0:
        failed.append("Notfall-Recall (Held-out) < 1.0")
    if failed:
        print("NICHT BESTANDEN: " + "; ".join(failed))
        return 1
    print("BESTANDEN")
    return 0


if __name__ == "__main__":
    sys.exit(main())
