"""``python -m bot.validate`` checks every knowledge file, not only the articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.paths import KNOWLEDGE_DIR
from bot.validate import check_support_files


def test_the_shipped_knowledge_files_all_load() -> None:
    assert check_support_files(KNOWLEDGE_DIR) == []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("case.yml", "evidence: {}\n"),
        ("phrases.yml", "weekdays: [Mo]\nmonths: []\n"),
        ("topics.yml", "topics:\n  no_such_intent: Etwas\nnone_of_these: Nichts davon\n"),
        ("handoff.yml", "- not a mapping\n"),
        ("roles.yml", "role_groups: [1, 2\n"),
    ],
)
def test_a_broken_knowledge_file_is_an_error_naming_the_file(tmp_path: Path, name: str, content: str) -> None:
    root = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, root)
    (root / name).write_text(content, encoding="utf-8")
    issues = check_support_files(root)
    assert [i.file for i in issues] == [f"knowledge/{name}"]
    assert issues[0].severity == "error"
