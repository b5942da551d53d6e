"""Delivering due cases from the outbox to a sink, with retries until the delivery is confirmed.

A case is never dropped: a failed attempt only moves its next attempt back (exponential backoff,
30 s doubling up to 1 h, with jitter). Cases are claimed one at a time, so each lease covers
exactly one delivery and a slow sink cannot outlive the leases of cases still waiting.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.handoff.outbox import Outbox, OutboxCase, utc
from bot.handoff.sinks import DeliveryError, Sink, is_automatic

logger = logging.getLogger(__name__)

BACKOFF_BASE_SECONDS = 30.0
BACKOFF_CAP_SECONDS = 3600.0
BACKOFF_JITTER = 0.10
LEASE_SECONDS = 60.0
PASS_LIMIT = 20


@dataclass(frozen=True)
class DeliveryReport:
    """What one pass did."""

    delivered: int = 0
    failed: int = 0

    def __add__(self, other: DeliveryReport) -> DeliveryReport:
        """Sum of two reports."""
        return DeliveryReport(self.delivered + other.delivered, self.failed + other.failed)


def default_backoff(attempts: int, rand: Callable[[], float] = random.random) -> timedelta:
    """Wait before the next attempt after ``attempts`` failed ones: 30 s · 2^(attempts-1), ±10 %, at most 1 h.

    Args:
        attempts: Failed attempts so far, including the one just made (1 after the first failure).
        rand: Source of uniform numbers in [0, 1) for the jitter (tests pass a constant).
    """
    exponent = min(max(attempts, 1) - 1, 30)
    base = min(BACKOFF_BASE_SECONDS * 2**exponent, BACKOFF_CAP_SECONDS)
    jittered = base * (1 + BACKOFF_JITTER * (2 * rand() - 1))
    return timedelta(seconds=min(jittered, BACKOFF_CAP_SECONDS))


async def _attempt(sink: Sink, case: OutboxCase, timeout: float) -> str | None:
    """Deliver one case; the error kind, or None on success. Never lets case data into logs."""
    try:
        await asyncio.wait_for(sink.deliver(case), timeout=timeout)
    except DeliveryError as exc:
        return str(exc)
    except asyncio.TimeoutError:
        return "timeout"
    except Exception as exc:  # a sink bug must not stop the others; only the type is recorded
        return f"unexpected:{type(exc).__name__}"
    return None


async def deliver_due(
    outbox: Outbox,
    sink: Sink,
    now: datetime | None = None,
    backoff: Callable[[int], timedelta] = default_backoff,
    *,
    lease_seconds: float = LEASE_SECONDS,
    limit: int = PASS_LIMIT,
) -> DeliveryReport:
    """One pass: claim due cases one by one (at most ``limit``), deliver each, record the outcome.

    Args:
        outbox: Where the cases wait.
        sink: Where they go; a sink that is not automatic (:class:`OutboxOnlySink`) is left alone.
        now: The time of the pass (default: the clock, read afresh for every step).
        backoff: Delay before the next attempt, given the number of failed attempts.
        lease_seconds: How long a claimed case is reserved for this pass.
        limit: Maximum number of cases handled in this pass.

    Returns:
        How many cases were delivered and how many attempts failed.
    """
    if not is_automatic(sink):
        return DeliveryReport()

    def clock() -> datetime:
        return utc(now)

    delivered = failed = 0
    for _ in range(max(0, limit)):
        claimed = await asyncio.to_thread(outbox.claim_due, clock(), lease_seconds, 1)
        if not claimed:
            break
        case = claimed[0]
        error = await _attempt(sink, case, timeout=lease_seconds / 2)
        if error is None:
            await asyncio.to_thread(outbox.mark_delivered, case.reference, sink.name, clock())
            delivered += 1
            logger.info("handoff: case %s delivered via %s", case.reference, sink.name)
            continue
        attempts = case.attempts + 1
        moment = clock()
        delay = backoff(attempts)
        await asyncio.to_thread(outbox.mark_failed, case.reference, error, moment, moment + delay)
        failed += 1
        logger.warning(
            "handoff: delivery of case %s via %s failed (%s), attempt %d, next in %d s",
            case.reference,
            sink.name,
            error,
            attempts,
            int(delay.total_seconds()),
        )
    return DeliveryReport(delivered, failed)


async def run_worker(
    outbox: Outbox,
    sink: Sink,
    interval: float,
    stop: asyncio.Event,
    on_report: Callable[[DeliveryReport], None] | None = None,
) -> DeliveryReport:
    """Deliver due cases every ``interval`` seconds until ``stop`` is set; returns the totals.

    A failing pass (for example an unreadable outbox) is logged by error type and retried at the
    next interval; the worker itself only ends when ``stop`` is set.

    Args:
        outbox: Where the cases wait.
        sink: Where they go (should be automatic; an :class:`OutboxOnlySink` makes every pass empty).
        interval: Seconds between passes.
        stop: Set it to end the worker after the current pass.
        on_report: Called after every pass (for progress output).
    """
    total = DeliveryReport()
    logger.info("handoff worker: started (sink %s, every %.1f s)", sink.name, interval)
    while not stop.is_set():
        try:
            report = await deliver_due(outbox, sink)
        except Exception as exc:  # keep running: the cases are safe in the outbox
            logger.error("handoff worker: pass failed (%s)", type(exc).__name__)
            report = DeliveryReport()
        total += report
        if on_report is not None:
            on_report(report)
        try:
            await asyncio.wait_for(stop.wait(), timeout=interval)
        except asyncio.TimeoutError:
            continue
    logger.info("handoff worker: stopped (%d delivered, %d failed attempts)", total.delivered, total.failed)
    return total
