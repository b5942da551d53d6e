#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter, or explain how to get one and fail.
# Order: $PYTHON310, python3.10 on PATH (if it really runs), pyenv versions, uv-managed pythons.
set -euo pipefail
works() { [ -n "$1" ] && "$1" -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; }
if [ -n "${PYTHON310:-}" ] && works "$PYTHON310"; then echo "$PYTHON310"; exit 0; fi
if command -v python3.10 >/dev/null 2>&1 && works "$(command -v python3.10)"; then command -v python3.10; exit 0; fi
if command -v pyenv >/dev/null 2>&1; then
  for p in "$(pyenv root)"/versions/3.10.*/bin/python3.10; do
    if works "$p"; then echo "$p"; exit 0; fi
  done
fi
for p in "$HOME"/.local/share/uv/python/cpython-3.10.*/bin/python3.10; do
  if works "$p"; then echo "$p"; exit 0; fi
done
cat >&2 <<'MSG'
FEHLER: Python 3.10 wurde nicht gefunden (Rasa 3.6 läuft nur mit Python 3.8–3.10).
So bekommen Sie es:
  - mit uv:    uv python install 3.10
  - mit pyenv: pyenv install 3.10
  - oder setzen Sie PYTHON310=/pfad/zu/python3.10
MSG
exit 1
