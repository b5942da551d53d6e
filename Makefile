# Stark-im-Amt assistant. `make help` lists the targets.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
DOMAIN := domain
PYTEST_ARGS ?=
# Blind safety sets never tuned on (tools/safety_eval.py); dev sets are in tests/safety/*_dev.yml.
SAFETY_TEST_SETS ?= tests/safety/crisis_test.yml
# Blind multi-turn conversations never tuned on (tools/dialogue_eval.py); set A is the dev set.
DIALOGUE_TEST_SETS ?= tests/dialogue/conversations_b.yml tests/dialogue/conversations_c.yml
# Multi-turn sets for the conversation-quality report (tools/quality.py).
QUALITY_SETS ?= tests/safety/crisis_test.yml tests/safety/conversations_manual.yml $(DIALOGUE_TEST_SETS)
export TF_CPP_MIN_LOG_LEVEL := 2
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONWARNINGS := ignore::DeprecationWarning

.DEFAULT_GOAL := help
.PHONY: help install nlp run train shell test unit validate stories lint evaluate bench outbox lock clean

help: ## Diese Hilfe
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: ## .venv (Python 3.10) + Abhängigkeiten + deutsches NLP-Backbone + Ortstabelle einrichten
	@bash scripts/setup.sh
	@$(PY) -m tools.nlp_backbone install
	@$(PY) -m tools.places_build

train: install ## Modell trainieren, falls keins zu Daten/Konfiguration/Backbone passt
	@$(PY) -m tools.train

run: train ## Action-Server (:5055) und Rasa-Server (:5005, REST, API) starten; Strg-C stoppt
	@bash scripts/run.sh

shell: train ## Im Terminal mit dem Assistenten sprechen (startet den Action-Server mit)
	@$(RASA) run actions --actions actions --port 5055 >/dev/null 2>&1 & pid=$$!; \
	  trap "kill $$pid 2>/dev/null" EXIT; sleep 3; $(RASA) shell --model models --endpoints endpoints.yml

validate: install ## Trainingsdaten, Domain und Wissensbasis prüfen (rasa data validate, bot.validate)
	@$(RASA) data validate --domain $(DOMAIN) --max-history 4
	@$(PY) -m bot.validate

unit: install ## Nur die pytest-Tests (ohne Training)
	@$(PY) -m pytest -q -m "not model" $(PYTEST_ARGS)

stories: train ## Teststories (tests/stories) ohne Vorhersagefehler
	@$(RASA) test core --stories tests/stories --model models --fail-on-prediction-errors --out results/stories

test: train validate ## Alles: pytest, rasa data validate, Teststories
	@$(PY) -m pytest -q $(PYTEST_ARGS)
	@$(MAKE) --no-print-directory stories

lint: install ## ruff + mypy
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@$(VENV)/bin/mypy

evaluate: train ## NLU (F1, Notfall-Recall), Sicherheit im Dialog, Gesprächsqualität, Mehrturn-Gespräche (blinde Testsets)
	@status=0; \
	  $(PY) -m tools.evaluate || status=1; \
	  $(PY) -m tools.safety_eval $(SAFETY_TEST_SETS) --json results/evaluate/safety.json || status=1; \
	  $(PY) -m tools.quality $(QUALITY_SETS) --json results/evaluate/quality.json || status=1; \
	  $(PY) -m tools.dialogue_eval $(DIALOGUE_TEST_SETS) --json results/evaluate/dialogue.json || status=1; \
	  $(PY) -m tools.retrieval_eval; \
	  exit $$status

outbox: install ## Übergaben an die Starke Stelle im lokalen Postausgang anzeigen
	@$(PY) -m bot.handoff list --status all

bench: train ## Latenz/Durchsatz gegen den Standard-Rasa-Bot (rasa init) messen
	@$(PY) -m tools.bench

lock: ## constraints.txt neu auflösen (nach Änderungen an pyproject.toml)
	@bash scripts/lock.sh

clean: ## Modelle, Ergebnisse und Caches löschen (nicht .venv)
	rm -rf models results .rasa .pytest_cache .mypy_cache .ruff_cache
