"""The German NLP backbone: fallback pipeline and its recorded identity."""

from __future__ import annotations

from pathlib import Path

import spacy

from bot.backbone import FALLBACK_NAME, read_backbone
from tools.nlp_backbone import build_fallback


def test_fallback_is_german_with_lookup_lemmas(tmp_path: Path) -> None:
    backbone = build_fallback(tmp_path / "de")
    assert backbone.is_fallback
    assert backbone.name == FALLBACK_NAME
    nlp = spacy.load(tmp_path / "de")
    assert nlp.lang == "de"
    lemmas = [t.lemma_ for t in nlp("Die Bürgermeisterin wurde bedroht")]
    assert lemmas[2] == "werden"  # lookup lemmatizer is active


def test_read_backbone_of_missing_directory_is_none(tmp_path: Path) -> None:
    assert read_backbone(tmp_path / "nothing") is None


def test_real_model_meta_is_not_fallback(tmp_path: Path) -> None:
    (tmp_path / "meta.json").write_text('{"lang": "de", "name": "core_news_md", "version": "3.4.0"}')
    backbone = read_backbone(tmp_path)
    assert backbone is not None
    assert not backbone.is_fallback
    assert backbone.label == "de_core_news_md-3.4.0"
