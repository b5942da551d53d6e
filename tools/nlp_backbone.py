"""Install the German spaCy backbone the NLU pipeline loads from ``.nlp/de``.

The pipeline in ``config.yml`` always loads ``.nlp/de``. This tool fills that directory with
either the real ``de_core_news_md`` (official release wheel, pinned by URL and, once known,
sha256) or, when the wheel cannot be fetched, a blank German pipeline with spaCy's lookup
lemmatizer (``spacy-lookups-data``). The choice is written to the pipeline's ``meta.json``
so that training and the server can report which backbone a model was trained with.

Usage: ``python -m tools.nlp_backbone install`` / ``python -m tools.nlp_backbone show``.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import tomli as tomllib

from bot.backbone import BACKBONE_DIR, FALLBACK_NAME, Backbone, read_backbone

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent


def _settings() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        data = tomllib.load(fh)
    settings: dict[str, object] = data["tool"]["stark-im-amt"]["nlp"]
    return settings


def _download(url: str, timeout: float, target: Path) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, target.open("wb") as out:
            shutil.copyfileobj(response, out)
    except (urllib.error.URLError, OSError, TimeoutError) as exc:
        print(f"    Download nicht möglich ({type(exc).__name__}: {exc}).", file=sys.stderr)
        return False
    return True


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _install_real_model(root: Path) -> bool:
    """Fetch, verify and install the official wheel; save it to the backbone directory."""
    settings = _settings()
    url, pinned = str(settings["url"]), str(settings.get("sha256") or "")
    timeout = float(settings.get("download_timeout_seconds", 8))  # type: ignore[arg-type]
    try:
        import de_core_news_md  # noqa: F401

        installed = True
    except ImportError:
        installed = False
    if not installed:
        print(f"==> Lade {settings['model']} {settings['version']} (Release-Datei, max. {timeout:.0f} s)")
        with tempfile.TemporaryDirectory() as tmp:
            wheel = Path(tmp) / url.rsplit("/", 1)[-1]
            if not _download(url, timeout, wheel):
                return False
            actual = _sha256(wheel)
            if pinned and actual != pinned:
                print(
                    f"FEHLER: sha256 von {wheel.name} ist {actual}, erwartet {pinned}.",
                    file=sys.stderr,
                )
                return False
            if not pinned:
                (root / ".nlp").mkdir(exist_ok=True)
                (root / ".nlp" / "de_core_news_md.sha256").write_text(actual + "\n")
                print(f"    sha256 (noch nicht gepinnt, bitte in pyproject.toml eintragen): {actual}")
            subprocess.run(
                [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)],
                check=True,
            )
    import spacy

    nlp = spacy.load(str(settings["model"]))
    target = root / BACKBONE_DIR
    shutil.rmtree(target, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    return True


def build_fallback(target: Path) -> Backbone:
    """Write a blank German pipeline with a lookup lemmatizer to ``target``."""
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta["name"] = FALLBACK_NAME
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = "Blank German tokenizer + lookup lemmatizer (spacy-lookups-data)"
    shutil.rmtree(target, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    backbone = read_backbone(target)
    assert backbone is not None
    return backbone


def install(root: Path = ROOT) -> Backbone:
    """Make ``.nlp/de`` hold the best backbone that can be had on this machine."""
    target = root / BACKBONE_DIR
    current = read_backbone(target)
    if current is not None and not current.is_fallback:
        print(f"==> NLP-Backbone: {current.label} (vorhanden)")
        return current
    if _install_real_model(root):
        backbone = read_backbone(target)
        assert backbone is not None
        print(f"==> NLP-Backbone: {backbone.label}")
        return backbone
    if current is None:
        current = build_fallback(target)
    banner = "!" * 78
    print(
        f"{banner}\n"
        "WARNUNG: de_core_news_md ist nicht erreichbar. Die Sprachverarbeitung nutzt den\n"
        "Ersatz: leere deutsche spaCy-Pipeline mit Lookup-Lemmatizer (keine Wortvektoren).\n"
        "Der Bot trainiert und läuft, die Erkennung ist aber etwas schwächer. Sobald die\n"
        "Release-Datei erreichbar ist, installiert 'make install' das echte Modell.\n"
        f"{banner}",
        file=sys.stderr,
    )
    return current


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["install", "show", "fallback"])
    args = parser.parse_args(argv)
    if args.command == "install":
        install()
    elif args.command == "fallback":
        print(build_fallback(ROOT / BACKBONE_DIR).label)
    else:
        backbone = read_backbone(ROOT / BACKBONE_DIR)
        print(backbone.label if backbone else "keins installiert")
        return 0 if backbone else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
