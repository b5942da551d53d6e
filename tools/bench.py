"""Benchmark our assistant against the stock ``rasa init`` sample bot, in one run.

Both bots are trained here (the stock one in ``results/bench/stock``, never committed), both
are started on loopback ports, and both are driven through the REST channel by the same
multi-turn German conversations: first one user at a time, then 10 concurrent users. Printed:
p50/p95 turn latency, turns per second, server memory (RSS of the server processes, action
server included for ours) and training time, with the ratio ours/stock.

Load is bounded (a fixed number of conversations) and goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "results" / "bench"

# Multi-turn German conversations as officials would have them.
CONVERSATIONS: list[list[str]] = [
    [
        "Hallo",
        "Ich habe einen Drohbrief bekommen, da steht drin, dass man mich umbringt",
        "nein",
        "Wer kann mir helfen?",
        "Sachsen",
        "danke",
        "tschüss",
    ],
    ["Guten Tag", "Wie beantrage ich eine Auskunftssperre?", "Was ist die Starke Stelle?", "danke"],
    [
        "hi",
        "auf facebook läuft seit gestern ein shitstorm gegen mich",
        "wie sichere ich beweise",
        "kann ich das anzeigen?",
        "ok danke",
    ],
    [
        "Hallo",
        "Seit Wochen wartet ein Mann nach den Sitzungen auf mich",
        "nein",
        "an wen kann ich mich wenden",
        "NRW",
        "tschau",
    ],
    [
        "moin",
        "bist du ein bot?",
        "was speicherst du von mir?",
        "ich kann seit wochen nicht schlafen",
        "danke dir",
    ],
]


@dataclass
class LoadResult:
    """Latency and throughput of one load level."""

    users: int
    turns: int
    seconds: float
    p50_ms: float
    p95_ms: float
    turns_per_second: float


@dataclass
class BotResult:
    """Everything measured for one bot."""

    name: str
    training_seconds: float
    rss_mb: float
    loads: list[LoadResult]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _rasa() -> list[str]:
    return [sys.executable, "-m", "rasa"]


def _env() -> dict[str, str]:
    return dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2", RASA_TELEMETRY_ENABLED="false")


def _rss_mb(pids: list[int]) -> float:
    """Resident memory of the processes and their children, in MB (Linux /proc)."""
    total_kb = 0
    seen: set[int] = set()
    todo = list(pids)
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            todo.extend(int(c) for c in children)
        except (OSError, ValueError):
            continue
    return total_kb / 1024


def _wait_for(url: str, process: subprocess.Popen[bytes], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Server beendet sich beim Start ({url})")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(1)
    raise TimeoutError(f"{url} antwortet nicht")


def _start(cmd: list[str], cwd: Path, log: Path) -> subprocess.Popen[bytes]:
    log.parent.mkdir(parents=True, exist_ok=True)
    handle = log.open("wb")
    return subprocess.Popen(cmd, cwd=cwd, env=_env(), stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def _run_rasa(*args: str, cwd: Path) -> float:
    """Run a rasa CLI command quietly; return how many seconds it took."""
    started = time.monotonic()
    subprocess.run([*_rasa(), *args], cwd=cwd, env=_env(), check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def train_stock(directory: Path) -> float:
    """Create and train the stock sample bot with ``rasa init``; return training seconds."""
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    _run_rasa("init", "--no-prompt", "--init-dir", str(directory), cwd=directory)
    # rasa init trained already: drop its model and its cache, so we time a full training.
    shutil.rmtree(directory / "models")
    shutil.rmtree(directory / ".rasa", ignore_errors=True)
    return _run_rasa("train", "--out", "models", cwd=directory)


def train_ours(directory: Path) -> float:
    """Train our assistant from scratch into ``directory``; return training seconds."""
    shutil.rmtree(directory, ignore_errors=True)
    return _run_rasa("train", "--force", "--domain", "domain", "--out", str(directory), cwd=ROOT)


async def _conversation(session: aiohttp.ClientSession, url: str, turns: list[str], latencies: list[float]) -> None:
    sender = f"bench-{uuid.uuid4().hex[:10]}"
    for text in turns:
        started = time.perf_counter()
        async with session.post(url, json={"sender": sender, "message": text}) as response:
            response.raise_for_status()
            await response.json()
        latencies.append(time.perf_counter() - started)


async def _load(url: str, users: int, conversations_per_user: int) -> LoadResult:
    latencies: list[float] = []
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout) as session:

        async def user(index: int) -> None:
            for k in range(conversations_per_user):
                turns = CONVERSATIONS[(index + k) % len(CONVERSATIONS)]
                await _conversation(session, url, turns, latencies)

        started = time.perf_counter()
        await asyncio.gather(*(user(i) for i in range(users)))
        seconds = time.perf_counter() - started
    ordered = sorted(latencies)
    return LoadResult(
        users=users,
        turns=len(ordered),
        seconds=round(seconds, 2),
        p50_ms=round(statistics.median(ordered) * 1000, 1),
        p95_ms=round(ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000, 1),
        turns_per_second=round(len(ordered) / seconds, 1),
    )


def measure(name: str, url: str, pids: list[int], training: float, rounds: int) -> BotResult:
    """Warm up, then one user sequentially and ten users concurrently."""
    asyncio.run(_load(url, users=1, conversations_per_user=2))
    single = asyncio.run(_load(url, users=1, conversations_per_user=rounds))
    concurrent = asyncio.run(_load(url, users=10, conversations_per_user=max(1, rounds // 2)))
    return BotResult(name, round(training, 1), round(_rss_mb(pids), 1), [single, concurrent])


def _row(label: str, ours: float, stock: float, unit: str) -> str:
    ratio = ours / stock if stock else float("nan")
    return f"{label:28} {ours:10.1f} {stock:10.1f} {unit:5} {ratio:8.2f}"


def leaked_texts(logs: list[Path]) -> list[str]:
    """User messages of the benchmark that appear in the given log files (must be none)."""
    content = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in logs if p.exists())
    texts = {t for conversation in CONVERSATIONS for t in conversation if len(t) > 12}
    return sorted(t for t in texts if t in content)


def report(ours: BotResult, stock: BotResult) -> str:
    """The comparison table printed and written to results/bench/report.md."""
    lines = [f"{'':28} {'unser Bot':>10} {'Stock':>10} {'':5} {'unser/Stock':>8}"]
    for mine, theirs in zip(ours.loads, stock.loads, strict=True):
        tag = f"{mine.users} Nutzer"
        lines.append(_row(f"{tag}: p50 Latenz", mine.p50_ms, theirs.p50_ms, "ms"))
        lines.append(_row(f"{tag}: p95 Latenz", mine.p95_ms, theirs.p95_ms, "ms"))
        lines.append(_row(f"{tag}: Durchsatz", mine.turns_per_second, theirs.turns_per_second, "Zü/s"))
    lines.append(_row("Server-RSS", ours.rss_mb, stock.rss_mb, "MB"))
    lines.append(_row("Trainingszeit", ours.training_seconds, stock.training_seconds, "s"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10, help="conversations per user (1 user)")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)

    print("==> Trainiere unseren Bot (von Grund auf, für die Trainingszeit) ...", flush=True)
    ours_training = train_ours(OUT / "ours-model")
    print(f"    {ours_training:.0f} s", flush=True)
    print("==> Lege den Standard-Bot mit 'rasa init' an und trainiere ihn ...", flush=True)
    stock_dir = OUT / "stock"
    stock_training = train_stock(stock_dir)
    print(f"    {stock_training:.0f} s", flush=True)

    results: list[BotResult] = []
    for name in ("unser Bot", "Stock"):
        port = _free_port()
        processes: list[subprocess.Popen[bytes]] = []
        try:
            if name == "unser Bot":
                action_port = _free_port()
                endpoints = OUT / "endpoints.yml"
                endpoints.write_text(
                    "action_endpoint:\n"
                    f'  url: "http://127.0.0.1:{action_port}/webhook"\n'
                    "  enable_selective_domain: true\n"
                )
                actions = _start(
                    [
                        sys.executable,
                        "-m",
                        "rasa_sdk",
                        "--actions",
                        "actions",
                        "--port",
                        str(action_port),
                    ],
                    ROOT,
                    OUT / "ours-actions.log",
                )
                processes.append(actions)
                _wait_for(f"http://127.0.0.1:{action_port}/health", actions)
                server = _start(
                    [
                        *_rasa(),
                        "run",
                        "--enable-api",
                        "--port",
                        str(port),
                        "--model",
                        str(OUT / "ours-model"),
                        "--endpoints",
                        str(endpoints),
                        "--credentials",
                        "credentials.yml",
                    ],
                    ROOT,
                    OUT / "ours-server.log",
                )
                training = ours_training
            else:
                server = _start(
                    [*_rasa(), "run", "--enable-api", "--port", str(port), "--model", "models"],
                    stock_dir,
                    OUT / "stock-server.log",
                )
                training = stock_training
            processes.append(server)
            print(f"==> Starte {name} auf :{port} und messe ...", flush=True)
            _wait_for(f"http://127.0.0.1:{port}/status", server)
            url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
            results.append(measure(name, url, [p.pid for p in processes], training, args.rounds))
        finally:
            _stop(processes)

    ours, stock = results
    leaked = leaked_texts([OUT / "ours-server.log", OUT / "ours-actions.log"])
    table = report(ours, stock)
    machine = f"{os.cpu_count()} Kerne, {os.uname().machine}, Python {sys.version.split()[0]}"
    print(f"\n{table}\n\nMaschine: {machine}")
    print(f"Nachrichtentexte in den Server-Logs unseres Bots: {len(leaked)}")
    (OUT / "report.json").write_text(
        json.dumps(
            {
                "machine": machine,
                "ours": asdict(ours),
                "stock": asdict(stock),
                "message_texts_in_logs": len(leaked),
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    (OUT / "report.md").write_text(f"```\n{table}\n```\nMaschine: {machine}\n", encoding="utf-8")
    print(f"Bericht: {OUT / 'report.md'}")
    if leaked:
        print(f"FEHLER: Nachrichtentexte im Log: {leaked[:3]}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
