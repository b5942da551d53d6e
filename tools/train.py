"""Train the Rasa model if none matches the current data, config and NLP backbone.

The model file is named after the backbone (``models/stark-im-amt_<backbone>.tar.gz``) so
``/status`` shows which one is loaded. Rasa itself skips training when the newest model's
fingerprint matches; a backbone change forces a full retrain (spaCy features differ but
Rasa fingerprints the spaCy model by path only).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from bot.backbone import BACKBONE_DIR, read_backbone
from tools.conversation import newest_model

MODEL_PREFIX = "stark-im-amt"


def model_name(label: str) -> str:
    """File stem of the model trained with the backbone ``label``."""
    return f"{MODEL_PREFIX}_{label}".replace(".", "-")  # rasa strips ".x" as a suffix


def train(
    *,
    data: list[str],
    config: str = "config.yml",
    domain: str = "domain",
    out: str = "models",
    force: bool = False,
    name: str | None = None,
) -> Path:
    """Run ``rasa train`` and return the model path."""
    backbone = read_backbone(BACKBONE_DIR)
    if backbone is None:
        sys.exit(f"FEHLER: kein NLP-Backbone in {BACKBONE_DIR}. Bitte zuerst 'make install'.")
    stem = name or model_name(backbone.label)
    target = Path(out) / f"{stem}.tar.gz"
    newest = newest_model(Path(out))
    if newest is None or newest.resolve() != target.resolve():
        force = True
    cmd = [
        sys.executable,
        "-m",
        "rasa",
        "train",
        "--config",
        config,
        "--domain",
        domain,
        "--out",
        out,
        "--fixed-model-name",
        stem,
        "--data",
        *data,
    ]
    if force:
        cmd.append("--force")
    print(f"==> Training ({backbone.label}{', erzwungen' if force else ''})", flush=True)
    started = time.monotonic()
    subprocess.run(cmd, check=True)
    print(f"==> Modell: {target} ({time.monotonic() - started:.0f} s)", flush=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the assistant if needed.")
    parser.add_argument("--force", action="store_true", help="train even if nothing changed")
    parser.add_argument("--out", default="models")
    args = parser.parse_args(argv)
    train(data=["data"], force=args.force, out=args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
