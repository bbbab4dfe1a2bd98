#!/usr/bin/env bash
# Measures the provider simulator's throughput for one authenticated GET on loopback.
# Starts `./syncwell simulator` on a free-ish port, does the Strava OAuth dance with curl, raises
# the quotas, runs wrk for a bounded time, and stops the simulator by its pid.
# Usage: load-testing/simulator-throughput.sh [port] [duration, e.g. 15s] [path]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${1:-18090}"
DURATION="${2:-15s}"
TARGET="${3:-/strava/api/v3/athlete}"
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 1; }
LOG="$(mktemp)"
"$ROOT/syncwell" simulator --port "$PORT" >"$LOG" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -f "$LOG"' EXIT

for _ in $(seq 1 240); do
  curl -fsS "$BASE/_sim/clock" >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "$BASE/_sim/clock" >/dev/null

LOCATION="$(curl -fsS -o /dev/null -w '%{redirect_url}' \
  "$BASE/strava/oauth/authorize?client_id=54321&redirect_uri=http://localhost:9/cb&response_type=code&scope=activity:read_all&state=s&sim_user=loadtest")"
CODE="$(sed -E 's/.*[?&]code=([^&]*).*/\1/' <<<"$LOCATION" | sed 's/%2F/\//g')"
TOKEN="$(curl -fsS -X POST "$BASE/strava/oauth/token" \
  --data-urlencode client_id=54321 --data-urlencode client_secret=syncwell-simulator-strava-secret \
  --data-urlencode "code=$CODE" --data-urlencode grant_type=authorization_code |
  sed -E 's/.*"access_token":"([^"]*)".*/\1/')"
curl -fsS -X PUT "$BASE/_sim/quotas" -H 'Content-Type: application/json' \
  -d '{"strava":{"overall15":2000000000,"overallDaily":2000000000,"read15":2000000000,"readDaily":2000000000}}' >/dev/null

# warm-up, then the measured run
wrk -t2 -c64 -d5s -H "Authorization: Bearer $TOKEN" "$BASE$TARGET" >/dev/null
wrk -t2 -c64 -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$BASE$TARGET"
