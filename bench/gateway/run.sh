#!/usr/bin/env bash
# Measures the same GET directly against a tiny upstream and through the gateway, in one run,
# with wrk (Debian package "wrk"). Loopback only; every wrk run is bounded in time.
#
#   bench/gateway/run.sh [duration-seconds] [connections]
#
# Prints requests/s and latency percentiles of both, the throughput ratio and the added median.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DURATION="${1:-20}"
CONNECTIONS="${2:-32}"
THREADS="${THREADS:-2}"
UP_PORT="${UP_PORT:-18390}"
GW_PORT="${GW_PORT:-18380}"
OUT="${OUT:-$ROOT/gateway/target/bench}"
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
JAR="$ROOT/gateway/target/quarkus-app/quarkus-run.jar"
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl gateway package -DskipTests)
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

java -Xmx256m -cp "$ROOT/gateway/target/quarkus-app/lib/main/*" "$ROOT/bench/gateway/TinyUpstream.java" "$UP_PORT" >"$OUT/upstream.log" 2>&1 &
pids+=($!)
# every route of the table points at the tiny upstream; limits far above what wrk can send
java -Xmx512m \
  -Dquarkus.http.port="$GW_PORT" \
  -Dgateway.services.assistance.url="http://127.0.0.1:$UP_PORT" \
  -Dgateway.rate-limits.default.requests=1000000000 \
  -Dgateway.rate-limits.default.anonymous-requests=1000000000 \
  -Dquarkus.log.level=WARN \
  -jar "$JAR" >"$OUT/gateway.log" 2>&1 &
pids+=($!)

wait_for() { for _ in $(seq 1 240); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done; echo "not up: $1" >&2; exit 1; }
wait_for "http://127.0.0.1:$UP_PORT/api/v1/programs"
wait_for "http://127.0.0.1:$GW_PORT/api/v1/programs"

DIRECT="http://127.0.0.1:$UP_PORT/api/v1/programs"
GATEWAY="http://127.0.0.1:$GW_PORT/api/v1/programs"
# warm both JVMs (JIT) before measuring; on a busy machine the gateway needs tens of seconds
WARMUP="${WARMUP:-30}"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$DIRECT" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$GATEWAY" >/dev/null

run() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2" | tee "$OUT/$1.txt"; }
echo "== direct: $DIRECT"; run direct "$DIRECT"
echo "== through the gateway: $GATEWAY"; run gateway "$GATEWAY"

rps() { awk '/^Requests\/sec/ {print $2}' "$OUT/$1.txt"; }
p50() { awk '$1=="50%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' "$OUT/$1.txt"; }
D_RPS=$(rps direct); G_RPS=$(rps gateway); D_P50=$(p50 direct); G_P50=$(p50 gateway)
echo
echo "direct:  ${D_RPS} req/s, median ${D_P50} ms"
echo "gateway: ${G_RPS} req/s, median ${G_P50} ms"
awk -v d="$D_RPS" -v g="$G_RPS" -v dp="$D_P50" -v gp="$G_P50" \
  'BEGIN { printf "ratio (gateway/direct throughput): %.2f   added median latency: %.2f ms\n", g/d, gp-dp }' | tee "$OUT/summary.txt"
