#!/usr/bin/env bash
# Runs the Playwright suite in headless Chromium against a fresh `bullpen dev --demo`.
# Usage: scripts/e2e.sh BINARY ADDR TEMPORAL_ADDR
set -euo pipefail
bin=$1 addr=$2 temporal=$3
root=$(cd "$(dirname "$0")/.." && pwd)
data=$(mktemp -d)
log="$data/bullpen.log"
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

BULLPEN_DATA_DIR="$data" BULLPEN_ADDR="$addr" TEMPORAL_ADDRESS="$temporal" BULLPEN_TEMPORAL_UI_ADDR=off "$bin" dev --demo >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  curl -sf "http://$addr/readyz" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "bullpen dev exited:"; cat "$log"; exit 1; }
  sleep 0.5
done
curl -sf "http://$addr/readyz" >/dev/null || { echo "bullpen dev did not become ready:"; cat "$log"; exit 1; }

cd "$root/frontend"
if ! BULLPEN_URL="http://$addr" CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" npx playwright test; then
  echo "--- bullpen dev log ---"; tail -n 100 "$log"; exit 1
fi
