"""Where the project's data lives: one path to ``knowledge/`` for every module."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE_DIR = ROOT / "knowledge"
DOMAIN_DIR = ROOT / "domain"
