"""Maintainer tools: model naming, the benchmark's log check and report."""

from __future__ import annotations

from pathlib import Path

from tools.bench import CONVERSATIONS, BotResult, LoadResult, leaked_texts, report
from tools.train import model_name


def test_model_name_has_no_dots_rasa_would_cut() -> None:
    assert model_name("de_blank_lookup_fallback-1.0.0") == "stark-im-amt_de_blank_lookup_fallback-1-0-0"


def test_leaked_texts_finds_a_user_message_in_a_log(tmp_path: Path) -> None:
    clean = tmp_path / "clean.log"
    clean.write_text("INFO rasa.core.processor - predicted action utter_ack_report_threat\n")
    leaky = tmp_path / "leaky.log"
    message = next(t for c in CONVERSATIONS for t in c if len(t) > 12)
    leaky.write_text(f"DEBUG parse_data_text={message}\n")
    assert leaked_texts([clean, tmp_path / "missing.log"]) == []
    assert leaked_texts([clean, leaky]) == [message]


def test_report_states_the_ratio_ours_over_stock() -> None:
    def bot(name: str, p50: float) -> BotResult:
        loads = [
            LoadResult(users=u, turns=10, seconds=1.0, p50_ms=p50, p95_ms=p50 * 2, turns_per_second=10.0)
            for u in (1, 10)
        ]
        return BotResult(name, training_seconds=100.0, rss_mb=500.0, loads=loads)

    table = report(bot("ours", 10.0), bot("stock", 20.0))
    first_row = next(line for line in table.splitlines() if "1 Nutzer: p50" in line)
    assert first_row.split()[-1] == "0.50"
