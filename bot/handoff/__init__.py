"""Handing cases over to the Starke Stelle: a durable outbox, delivery sinks and a worker.

``outbox``   — SQLite outbox (``STARK_OUTBOX_PATH``); personal data is deleted once delivered.
``sinks``    — where cases go: outbox only (default), SMTP or webhook (``STARK_HANDOFF_SINK``).
``delivery`` — one delivery pass (:func:`deliver_due`) and the retrying worker (:func:`run_worker`).
``python -m bot.handoff`` — the desk's command line: list, show, export, mark, deliver, worker, purge.

Nothing here opens a database or a connection at import.
"""

from __future__ import annotations
