"""``python -m bot.validate``: check the knowledge base (articles, contacts, platforms, offences)
and every other knowledge file (case, roles, phrases, topics, handoff texts).

Errors (missing fields, unknown intents, dead cross-links, sources without URL, ...) exit 1;
warnings (e.g. an article not reviewed within ``--max-age-days``) are printed and exit 0.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.issues import Issue
from bot.knowledge import KNOWLEDGE_DIR, check_knowledge, check_offences
from bot.questions import check_questions

DEFAULT_MAX_AGE_DAYS = 365


def _loaders() -> dict[str, Callable[[Path], Any]]:
    """Each knowledge file beside the articles, with the loader the bot uses for it."""
    from bot.answers import _role_groups
    from bot.asking import load_aspects
    from bot.case import case_config
    from bot.handoff.sinks import load_texts
    from bot.language import load_languages
    from bot.phrases import phrases
    from bot.topics import load_topics

    def topics(path: Path) -> Any:
        from bot.domain import load_domain

        labels = load_topics.__wrapped__(path)
        unknown = sorted(set(labels.by_intent) - set(load_domain()["intents"]))
        if unknown:
            raise ValueError(f"Intents, die die Domain nicht kennt: {', '.join(unknown)}")
        return labels

    return {
        "case.yml": case_config.__wrapped__,
        "roles.yml": _role_groups.__wrapped__,
        "phrases.yml": phrases.__wrapped__,
        "topics.yml": topics,
        "handoff.yml": load_texts.__wrapped__,
        "aspects.yml": load_aspects.__wrapped__,
        "languages.yml": load_languages.__wrapped__,
    }


def check_support_files(root: Path = KNOWLEDGE_DIR) -> list[Issue]:
    """Load every knowledge file beside the articles as the bot does; a failure is an error."""
    issues = []
    for name, load in _loaders().items():
        try:
            load(root / name)
        except Exception as error:
            issues.append(Issue.error(f"knowledge/{name}", "-", f"lässt sich nicht laden: {error!r}"))
    return issues


def main(argv: list[str] | None = None) -> int:
    """Print every issue by file and field; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bot.validate", description="Wissensbasis prüfen")
    parser.add_argument(
        "--max-age-days",
        type=int,
        default=int(os.environ.get("STARK_REVIEW_MAX_AGE_DAYS", DEFAULT_MAX_AGE_DAYS)),
        help="ältere 'reviewed'-Daten erzeugen eine Warnung (Standard: 365 oder $STARK_REVIEW_MAX_AGE_DAYS)",
    )
    args = parser.parse_args(argv)
    issues, base = check_knowledge(KNOWLEDGE_DIR, max_age_days=args.max_age_days)
    offence_issues, offences = check_offences(KNOWLEDGE_DIR, max_age_days=args.max_age_days)
    support_issues = check_support_files(KNOWLEDGE_DIR)
    question_issues, questions = check_questions(KNOWLEDGE_DIR)
    issues = [*issues, *offence_issues, *support_issues, *question_issues]
    for issue in issues:
        print(issue, file=sys.stderr if issue.severity == "error" else sys.stdout)
    if base is None or offences is None or questions is None or support_issues:
        print(f"==> Wissensbasis ungültig: {sum(i.severity == 'error' for i in issues)} Fehler", file=sys.stderr)
        return 1
    warnings = sum(i.severity == "warning" for i in issues)
    print(
        f"==> Wissensbasis gültig: {len(base.articles)} Artikel, {len(base.directory.contacts)} Kontakte, "
        f"{len(base.platforms)} Plattformen, {len(offences)} Straftatbestände, "
        f"{len(questions.by_key)} Fragen zu {len(questions.by_article)} Artikeln, "
        f"{len(_loaders())} weitere Dateien, {warnings} Warnungen"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
