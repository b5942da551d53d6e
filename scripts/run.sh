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
trap 'cleanup; exit 0' INT TERM
trap cleanup EXIT
"$VENV/bin/python" -m bot.validate >/dev/null || { echo "FEHLER: Wissensbasis ungültig (siehe oben, 'make validate')." >&2; exit 1; }
"$VENV/bin/rasa" run actions --actions actions --port "$ACTIONS_PORT" &
pids+=($!)
"$VENV/bin/rasa" run --enable-api --port "$RASA_PORT" --credentials credentials.yml \
  --endpoints endpoints.yml --model models --cors "http://localhost:*" &
pids+=($!)
# Handoff delivery: with STARK_HANDOFF_SINK=smtp or webhook a worker retries pending cases until
# they are delivered; with the default (outbox) the desk exports them: python -m bot.handoff list
case "${STARK_HANDOFF_SINK:-outbox}" in
  smtp|webhook)
    "$VENV/bin/python" -m bot.handoff worker --interval "${STARK_HANDOFF_INTERVAL:-10}" &
    pids+=($!)
    handoff="Übergaben: $STARK_HANDOFF_SINK, Zustell-Worker läuft" ;;
  *) handoff="Übergaben: lokaler Postausgang (python -m bot.handoff list)" ;;
esac
up() { "$VENV/bin/python" -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" "$1" >/dev/null 2>&1; }
for _ in $(seq 1 180); do
  if up "http://localhost:$RASA_PORT/status" && up "http://localhost:$ACTIONS_PORT/health"; then break; fi
  if ! kill -0 "${pids[0]}" 2>/dev/null; then echo "FEHLER: Action-Server (:$ACTIONS_PORT) ist nicht gestartet (siehe oben)." >&2; exit 1; fi
  if ! kill -0 "${pids[1]}" 2>/dev/null; then echo "FEHLER: Rasa-Server (:$RASA_PORT) ist nicht gestartet (siehe oben)." >&2; exit 1; fi
  sleep 1
done
cat <<MSG

==> Der Assistent läuft.
    REST:   POST http://localhost:$RASA_PORT/webhooks/rest/webhook  {"sender": "ich", "message": "Hallo"}
            z. B. curl -s localhost:$RASA_PORT/webhooks/rest/webhook -d '{"sender":"ich","message":"Hallo"}'
    Status: http://localhost:$RASA_PORT/status  (model_file nennt das NLP-Backbone des Modells)
    $handoff
    Im Terminal sprechen: make shell     Beenden: Strg-C

MSG
wait -n "${pids[@]}" || true
echo "FEHLER: Ein Server hat sich beendet (siehe Meldungen oben)." >&2
exit 1
