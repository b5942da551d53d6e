"""``python -m bot.validate``: check the knowledge base (articles, contacts, platforms, offences).

Errors (missing fields, unknown intents, dead cross-links, sources without URL, ...) exit 1;
warnings (e.g. an article not reviewed within ``--max-age-days``) are printed and exit 0.
"""

from __future__ import annotations

import argparse
import os
import sys

from bot.knowledge import KNOWLEDGE_DIR, check_knowledge, check_offences

DEFAULT_MAX_AGE_DAYS = 365


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
    issues = [*issues, *offence_issues]
    for issue in issues:
        print(issue, file=sys.stderr if issue.severity == "error" else sys.stdout)
    if base is None or offences is None:
        print(f"==> Wissensbasis ungültig: {sum(i.severity == 'error' for i in issues)} Fehler", file=sys.stderr)
        return 1
    warnings = sum(i.severity == "warning" for i in issues)
    print(
        f"==> Wissensbasis gültig: {len(base.articles)} Artikel, {len(base.directory.contacts)} Kontakte, "
        f"{len(base.platforms)} Plattformen, {len(offences)} Straftatbestände, {warnings} Warnungen"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
