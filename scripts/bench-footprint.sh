#!/usr/bin/env bash
# Footprint of `bullpen dev` (docs/benchmarks.md, section 4): cold start to ready on a fresh data folder, and
# resident memory once idle. Usage: scripts/bench-footprint.sh BINARY [ADDR TEMPORAL_ADDR]
set -euo pipefail
bin=$1 addr=${2:-127.0.0.1:18990} temporal=${3:-127.0.0.1:17990}
data=$(mktemp -d)
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

start=$(date +%s%N)
BULLPEN_DATA_DIR="$data" BULLPEN_ADDR="$addr" TEMPORAL_ADDRESS="$temporal" BULLPEN_TEMPORAL_UI_ADDR=off BULLPEN_LOG_LEVEL=warn \
  "$bin" dev >"$data/log" 2>&1 &
pid=$!
until curl -sf "http://$addr/readyz" >/dev/null; do
  kill -0 "$pid" 2>/dev/null || { echo "bullpen dev exited:"; cat "$data/log"; exit 1; }
  sleep 0.02
done
ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
sleep 10
echo "cold start to ready: ${ready_ms} ms (target < 3000 ms)"
echo "resident memory, idle after 10 s: $(rss_mb "$pid") MB (target < 300 MB)"
