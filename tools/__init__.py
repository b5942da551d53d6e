"""Maintainer tools: NLP backbone set-up, training, evaluation, benchmarks."""
