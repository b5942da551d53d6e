#!/usr/bin/env bash
# Start the action server (:5055) and the Rasa server (:5005, REST + API); Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
RASA_PORT=${RASA_PORT:-5005}
ACTIONS_PORT=${ACTIONS_PORT:-5055}
VENV=.venv
pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "==> Stoppe Server ..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "==> Gestoppt."
}
trap cleanup INT TERM EXIT
"$VENV/bin/rasa" run actions --actions actions --port "$ACTIONS_PORT" --auto-reload=false >"${ACTIONS_LOG:-/dev/stderr}" 2>&1 &
pids+=($!)
"$VENV/bin/rasa" run --enable-api --port "$RASA_PORT" --credentials credentials.yml \
  --endpoints endpoints.yml --model models --cors "http://localhost:*" &
pids+=($!)
for _ in $(seq 1 180); do
  if "$VENV/bin/python" -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" \
      "http://localhost:$RASA_PORT/status" >/dev/null 2>&1; then break; fi
  if ! kill -0 "${pids[1]}" 2>/dev/null; then echo "FEHLER: Rasa-Server ist nicht gestartet." >&2; exit 1; fi
  sleep 1
done
cat <<MSG

==> Der Assistent läuft.
    REST:   POST http://localhost:$RASA_PORT/webhooks/rest/webhook  {"sender": "ich", "message": "Hallo"}
            z. B. curl -s localhost:$RASA_PORT/webhooks/rest/webhook -d '{"sender":"ich","message":"Hallo"}'
    Status: http://localhost:$RASA_PORT/status  (model_file nennt das NLP-Backbone des Modells)
    Im Terminal sprechen: make shell     Beenden: Strg-C

MSG
wait -n "${pids[@]}"
