#!/usr/bin/env bash
# Create .venv with Python 3.10 and install every dependency pinned by constraints.txt.
# Idempotent: a stamp records the hash of pyproject.toml + constraints.txt; nothing is
# reinstalled while it matches.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv
STAMP="$VENV/.installed"
want=$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)
if [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  echo "==> .venv ist aktuell (Python $("$VENV/bin/python" -c 'import platform; print(platform.python_version())'))"
  exit 0
fi
PY310=$(bash scripts/find_python310.sh)
if [ ! -x "$VENV/bin/python" ]; then
  echo "==> Lege .venv mit $PY310 an"
  "$PY310" -m venv "$VENV"
fi
echo "==> Installiere Abhängigkeiten (rasa 3.6.21 und alles mit constraints.txt gepinnt; beim ersten Mal einige Minuten)"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade "pip==24.0"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
"$VENV/bin/python" -m pip check >/dev/null || { echo "FEHLER: pip check meldet Konflikte" >&2; "$VENV/bin/python" -m pip check >&2; exit 1; }
echo "$want" > "$STAMP"
echo "==> Abhängigkeiten installiert"
