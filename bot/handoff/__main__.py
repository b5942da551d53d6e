"""Command line for the Starke Stelle's desk: ``python -m bot.handoff <Befehl>``.

``list``, ``show``, ``export``, ``mark``, ``deliver``, ``worker`` and ``purge`` work on the outbox
(``STARK_OUTBOX_PATH`` or ``--outbox``). ``list`` never shows personal data; ``show`` and
``export`` do (the desk needs the contact for a call-back) until the case is marked delivered.
Exit codes: 0 ok, 1 not found or error, 2 configuration or usage error.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
import logging
import os
import re
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, NoReturn
from zoneinfo import ZoneInfo

from bot.handoff.delivery import DeliveryReport, deliver_due, run_worker
from bot.handoff.outbox import DELIVERED, PENDING, Outbox, OutboxCase, default_outbox_path, normalise_reference
from bot.handoff.sinks import ConfigError, contact_line, contact_payload, is_automatic, sink_from_env

logger = logging.getLogger(__name__)

PROG = "python -m bot.handoff"
EXIT_OK, EXIT_ERROR, EXIT_CONFIG = 0, 1, 2
BERLIN = ZoneInfo("Europe/Berlin")
TIME_FORMAT = "%d.%m.%Y %H:%M"
STATUS_LABELS = {PENDING: "offen", DELIVERED: "zugestellt"}
STATUS_CHOICES = (PENDING, DELIVERED, "all")
MANUAL_VIA = "manuell"
TABLE_HEADER = ("Referenz", "erstellt", "Status", "Versuche", "letzter Fehler")
CSV_HEADER = (
    "Referenz",
    "erstellt",
    "Status",
    "Versuche",
    "letzter Fehler",
    "zugestellt",
    "Vorfälle",
    "Bundesland",
    "Datum des Vorfalls",
    "Frist",
    "Beweise",
    "Anliegen",
    "Kontaktweg",
    "Telefon",
    "E-Mail",
    "Zusammenfassung",
)
# Spreadsheets run cells starting with these as formulas; such cells get a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# argparse's own messages are English; the common ones are translated for the desk.
ARGPARSE_GERMAN = (
    (r"the following arguments are required", "diese Angaben fehlen"),
    (r"unrecognized arguments", "unbekannte Argumente"),
    (r"invalid choice: (.*) \(choose from (.*)\)", r"ungültige Auswahl \1 (möglich: \2)"),
    (r"expected one argument", "erwartet einen Wert"),
    (r"invalid \w+ value", "ungültiger Wert"),
    (r"not allowed with argument", "nicht zusammen mit"),
    (r"^argument ", "Argument "),
)


class GermanHelpFormatter(argparse.HelpFormatter):
    """``Aufruf:`` instead of ``usage:``."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        """Usage line with a German prefix."""
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "Aufruf: ")


class GermanParser(argparse.ArgumentParser):
    """argparse with German section titles, help option and error messages (exit code 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """As ArgumentParser, with German titles and a German ``-h/--help``."""
        kwargs.setdefault("formatter_class", GermanHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "Argumente"
        self._optionals.title = "Optionen"
        self.add_argument("-h", "--help", action="help", help="diese Hilfe anzeigen und beenden")

    def error(self, message: str) -> NoReturn:
        """Usage and the German message on stderr, exit code 2."""
        for pattern, german in ARGPARSE_GERMAN:
            message = re.sub(pattern, german, message)
        self.print_usage(sys.stderr)
        self.exit(EXIT_CONFIG, f"Fehler: {message}\nHilfe: {self.prog} --help\n")


def _non_negative_int(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine ganze Zahl ≥ 0")
    return int(text)


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Zahl größer 0")
    return value


def build_parser() -> GermanParser:
    """The argument parser with all subcommands."""
    parser = GermanParser(
        prog=PROG,
        description="Postausgang der Übergaben an die Starke Stelle: Fälle ansehen, exportieren, "
        "als zugestellt vermerken und automatisch zustellen.",
        epilog="Exit-Codes: 0 in Ordnung, 1 nicht gefunden oder Fehler, 2 Konfigurations- oder Aufruffehler.",
    )
    parser.add_argument(
        "--outbox",
        type=Path,
        default=None,
        metavar="DATEI",
        help="Postausgang (SQLite); Standard: STARK_OUTBOX_PATH oder var/handoff/outbox.sqlite3",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="Protokoll (ohne Falldaten) ausführlicher")
    commands = parser.add_subparsers(dest="command", title="Befehle", metavar="BEFEHL")
    commands.required = True

    listing = commands.add_parser("list", help="Fälle als Tabelle (ohne persönliche Daten)")
    listing.add_argument(
        "--status", choices=STATUS_CHOICES, default="all", help="nur offene (pending) oder zugestellte (delivered)"
    )

    show = commands.add_parser("show", help="einen Fall anzeigen: Zusammenfassung und ggf. Kontakt")
    show.add_argument("reference", metavar="REF", help="Referenz, z. B. SIA-7K3F9Q")

    export = commands.add_parser("export", help="Fälle als JSON oder CSV ausgeben (mit Kontaktdaten!)")
    export.add_argument("--status", choices=STATUS_CHOICES, default=PENDING, help="Standard: pending")
    export.add_argument("--format", choices=("json", "csv"), default="json", help="Standard: json")
    export.add_argument("--output", type=Path, default=None, metavar="DATEI", help="Datei statt Standardausgabe")

    mark = commands.add_parser("mark", help="Fall als zugestellt vermerken (löscht die Kontaktdaten)")
    mark.add_argument("reference", metavar="REF", help="Referenz, z. B. SIA-7K3F9Q")
    mark.add_argument("--delivered", action="store_true", required=True, help="von der Stelle übernommen")

    commands.add_parser("deliver", help="fällige Fälle einmal zustellen (Zustellweg aus STARK_HANDOFF_SINK)")

    worker = commands.add_parser("worker", help="fällige Fälle laufend zustellen, bis Strg-C oder SIGTERM")
    worker.add_argument("--interval", type=_positive_float, default=10.0, metavar="SEKUNDEN", help="Standard: 10")

    purge = commands.add_parser("purge", help="zugestellte Fälle löschen, die älter sind als N Tage")
    purge.add_argument("--older-than-days", type=_non_negative_int, required=True, metavar="N", help="Tage")
    return parser


# ---------------------------------------------------------------------- output helpers


def _time(moment: datetime | None) -> str:
    return moment.astimezone(BERLIN).strftime(TIME_FORMAT) if moment else "–"


def _cases_word(count: int) -> str:
    return f"{count} Fall" if count == 1 else f"{count} Fälle"


def _status(value: str) -> str | None:
    return None if value == "all" else value


def _table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _record(case: OutboxCase) -> dict[str, Any]:
    return {
        "reference": case.reference,
        "created_at": case.created_at.isoformat(),
        "status": case.status,
        "attempts": case.attempts,
        "last_error": case.last_error,
        "next_attempt_at": case.next_attempt_at.isoformat() if case.status == PENDING else None,
        "delivered_at": case.delivered_at.isoformat() if case.delivered_at else None,
        "delivered_via": case.delivered_via,
        "last_attempt_at": case.last_attempt_at.isoformat() if case.last_attempt_at else None,
        "summary": case.summary,
        "summary_text": case.summary_text,
        "contact": dict(case.personal) if case.personal else None,
    }


def _cell(value: Any) -> str:
    if value is None:
        text = ""
    elif isinstance(value, (list, tuple)):
        text = ", ".join(str(v) for v in value)
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv(cases: Sequence[OutboxCase]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for case in cases:
        summary = case.summary
        contact = contact_payload(case)
        writer.writerow(
            _cell(value)
            for value in (
                case.reference,
                _time(case.created_at),
                STATUS_LABELS.get(case.status, case.status),
                case.attempts,
                case.last_error,
                _time(case.delivered_at) if case.delivered_at else "",
                summary.get("incidents"),
                summary.get("bundesland"),
                summary.get("incident_date"),
                summary.get("deadline"),
                summary.get("evidence"),
                summary.get("wish"),
                contact["preference"],
                contact.get("phone"),
                contact.get("email"),
                case.summary_text,
            )
        )
    return buffer.getvalue()


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` readable by the owner only (0600)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    os.chmod(path, 0o600)


def _not_found(reference: str) -> int:
    print(f"Unbekannte Referenz: {normalise_reference(reference)} – kein solcher Fall im Postausgang.", file=sys.stderr)
    return EXIT_ERROR


# ---------------------------------------------------------------------- commands


def cmd_list(outbox: Outbox | None, args: argparse.Namespace) -> int:
    """Table of cases without personal data."""
    cases = outbox.list(_status(args.status)) if outbox else []
    if not cases:
        print("Keine Fälle im Postausgang." if args.status == "all" else "Keine passenden Fälle im Postausgang.")
        return EXIT_OK
    rows = [TABLE_HEADER] + [
        (
            case.reference,
            _time(case.created_at),
            STATUS_LABELS.get(case.status, case.status),
            str(case.attempts),
            (case.last_error or "–") if case.status == PENDING else "–",
        )
        for case in cases
    ]
    print(_table(rows))
    print(f"\n{_cases_word(len(cases))}")
    return EXIT_OK


def cmd_show(outbox: Outbox | None, args: argparse.Namespace) -> int:
    """One case: summary text, state, and the contact while it is stored."""
    case = outbox.get(args.reference) if outbox else None
    if case is None:
        return _not_found(args.reference)
    print(f"Referenz:   {case.reference}")
    print(f"Erstellt:   {_time(case.created_at)}")
    if case.status == DELIVERED:
        print(f"Status:     zugestellt am {_time(case.delivered_at)} (über {case.delivered_via or '?'})")
    else:
        print(
            f"Status:     offen – {case.attempts} Zustellversuch(e), nächster Versuch ab {_time(case.next_attempt_at)}"
        )
        if case.last_error:
            print(f"Fehler:     {case.last_error} (letzter Versuch {_time(case.last_attempt_at)})")
    print("\nZusammenfassung:")
    print(case.summary_text)
    print()
    print(contact_line(case))
    return EXIT_OK


def cmd_export(outbox: Outbox | None, args: argparse.Namespace) -> int:
    """JSON or CSV of the chosen cases, contact data included."""
    cases = outbox.list(_status(args.status)) if outbox else []
    if args.format == "json":
        text = json.dumps([_record(case) for case in cases], ensure_ascii=False, indent=2) + "\n"
    else:
        text = _csv(cases)
    if args.output is None:
        sys.stdout.write(text)
    else:
        try:
            _write_private(args.output, text)
        except OSError as exc:
            print(f"Fehler: {args.output} ist nicht schreibbar ({type(exc).__name__}).", file=sys.stderr)
            return EXIT_ERROR
        print(f"{_cases_word(len(cases))} nach {args.output} exportiert.", file=sys.stderr)
    if any(case.personal for case in cases):
        print(
            "Hinweis: Der Export enthält Kontaktdaten – vertraulich behandeln und nach der Übernahme "
            f"'{PROG} mark REF --delivered' ausführen, damit sie gelöscht werden.",
            file=sys.stderr,
        )
    return EXIT_OK


def cmd_mark(outbox: Outbox | None, args: argparse.Namespace) -> int:
    """Manual delivery by the desk; deletes the contact data."""
    case = outbox.get(args.reference) if outbox else None
    if outbox is None or case is None:
        return _not_found(args.reference)
    updated = outbox.mark_delivered(case.reference, MANUAL_VIA)
    if case.status == DELIVERED:
        print(
            f"Fall {case.reference} war bereits am {_time(case.delivered_at)} als zugestellt vermerkt "
            f"(über {case.delivered_via or '?'})."
        )
    else:
        print(f"Fall {updated.reference} als zugestellt vermerkt; gespeicherte Kontaktdaten sind gelöscht.")
    return EXIT_OK


def cmd_deliver(outbox: Outbox, args: argparse.Namespace) -> int:
    """One delivery pass with the sink from the environment."""
    sink = sink_from_env()
    if not is_automatic(sink):
        waiting = outbox.count(PENDING)
        print(
            "Automatische Zustellung ist ausgeschaltet (STARK_HANDOFF_SINK=outbox). "
            f"{_cases_word(waiting)} warten im Postausgang; mit 'export' übernehmen und mit 'mark' abschließen."
        )
        return EXIT_OK
    report = asyncio.run(deliver_due(outbox, sink))
    print(f"Zustellung über {sink.name}: {report.delivered} zugestellt, {report.failed} fehlgeschlagen.")
    if report.failed:
        print("Fehlgeschlagene Fälle werden später erneut versucht (Übersicht: 'list').", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def cmd_worker(outbox: Outbox, args: argparse.Namespace) -> int:
    """Deliver continuously until SIGINT or SIGTERM."""
    sink = sink_from_env()
    if not is_automatic(sink):
        print(
            "Konfigurationsfehler: STARK_HANDOFF_SINK=outbox – automatische Zustellung ist ausgeschaltet, "
            "ein Worker hat nichts zu tun. smtp oder webhook einstellen.",
            file=sys.stderr,
        )
        return EXIT_CONFIG

    def progress(report: DeliveryReport) -> None:
        if report.delivered or report.failed:
            stamp = datetime.now(BERLIN).strftime("%H:%M:%S")
            print(f"[{stamp}] {report.delivered} zugestellt, {report.failed} fehlgeschlagen", flush=True)

    async def work() -> DeliveryReport:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        installed = []
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, stop.set)
            except (NotImplementedError, RuntimeError, ValueError):  # not the main thread / not Unix
                continue
            installed.append(sig)
        try:
            print(
                f"Worker läuft: Zustellung über {sink.name} alle {args.interval:g} s. Beenden mit Strg-C.", flush=True
            )
            return await run_worker(outbox, sink, args.interval, stop, on_report=progress)
        finally:
            for sig in installed:
                loop.remove_signal_handler(sig)

    try:
        total = asyncio.run(work())
    except KeyboardInterrupt:  # a second Strg-C while shutting down; leased cases are retried later
        print("Worker abgebrochen.")
        return EXIT_OK
    print(f"Worker beendet: {total.delivered} zugestellt, {total.failed} fehlgeschlagene Versuche.")
    return EXIT_OK


def cmd_purge(outbox: Outbox | None, args: argparse.Namespace) -> int:
    """Delete delivered cases older than N days."""
    deleted = outbox.purge_delivered(timedelta(days=args.older_than_days)) if outbox else 0
    print(f"{_cases_word(deleted)} gelöscht (zugestellt vor mehr als {args.older_than_days} Tagen).")
    return EXIT_OK


READ_COMMANDS: dict[str, Callable[[Outbox | None, argparse.Namespace], int]] = {
    "list": cmd_list,
    "show": cmd_show,
    "export": cmd_export,
    "mark": cmd_mark,
    "purge": cmd_purge,
}
RUN_COMMANDS: dict[str, Callable[[Outbox, argparse.Namespace], int]] = {
    "deliver": cmd_deliver,
    "worker": cmd_worker,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 not found/error, 2 configuration)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else EXIT_CONFIG
    if args.verbose:
        logging.getLogger("bot.handoff").setLevel(logging.INFO)
    path = args.outbox if args.outbox is not None else default_outbox_path()
    try:
        if args.command in RUN_COMMANDS:
            return RUN_COMMANDS[args.command](Outbox(path), args)
        # Reading commands never create an outbox (a mistyped path must not look like an empty one).
        outbox = Outbox(path) if path.exists() else None
        if outbox is None:
            print(f"Hinweis: Unter {path} gibt es noch keinen Postausgang.", file=sys.stderr)
        return READ_COMMANDS[args.command](outbox, args)
    except ConfigError as exc:
        print(f"Konfigurationsfehler: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except (sqlite3.Error, OSError) as exc:
        logger.error("handoff cli: %s failed (%s)", args.command, type(exc).__name__)
        print(f"Fehler: Postausgang {path} nicht nutzbar ({type(exc).__name__}).", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    sys.exit(main())
