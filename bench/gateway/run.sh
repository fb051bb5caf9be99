#!/usr/bin/env bash
# Measures the same GET directly against an upstream and through the gateway, in one run, with wrk
# (Debian package "wrk"). Loopback only; every wrk run is bounded in time; stops what it started.
#
#   bench/gateway/run.sh [service|tiny] [duration-seconds] [connections]
#
# service (default): a real UnionHub service GET, by default the assistance-service's public
#   GET /api/v1/programs (JAX-RS, a PostgreSQL query in a transaction, JSON) on :8083 of the local
#   suite (deploy/local/run.sh --detach). If nothing answers there, the script stops, unless
#   START_SUITE=1: then it starts the suite itself (run.sh builds what changed first, which on a
#   shared machine is a full install of the tree) and stops it again at the end. A suite that was
#   already running is left alone.
#   SERVICE=assistance SERVICE_URL=http://127.0.0.1:8083 GET_PATH=/api/v1/programs choose the call;
#   TOKEN=<jwt> adds "Authorization: Bearer" to both (e.g. TOKEN=$(deploy/local/token.sh staff ...)).
# tiny: bench/gateway/TinyUpstream.java, a fixed 77-byte JSON answer from one Vert.x event loop:
#   isolates the gateway's own cost per call.
#
# The gateway is the packaged one (gateway/target/quarkus-app, built if missing), copied to the
# output directory first so that a rebuild during the run cannot change it, started on GW_PORT
# with the chosen service's URL pointed at the upstream and the rate limits lifted.
# LAYOUT=pinned (default) keeps the service side and the client side apart, as in a deployment where
#   the gateway runs in its own pod: wrk and the gateway on CPU 0, every other process of the machine
#   (the suite, PostgreSQL, Kafka, the tiny upstream) on the other CPUs, for both runs. The service's
#   CPUs then do the same work per call in both runs (the loopback sends into the service come from
#   wrk or from the gateway, both on CPU 0), so the ratio answers "what does putting the gateway in
#   front cost a client of the service". At the end every process gets all CPUs back.
#   LAYOUT=shared lets wrk, the gateway and the upstream share every CPU: on a saturated machine the
#   ratio is then the service's CPU per call over the sum of both, i.e. "what does a call cost in CPU".
# Prints both wrk reports, the throughput ratio, the added median and the CPU time per request of
# the gateway (and of the upstream when its process is known). JFR=1 records the gateway during its
# measured run (gateway.jfr in the output directory). Results go to gateway/target/bench/<mode>/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
MODE=service
case "${1:-}" in service|tiny) MODE=$1; shift ;; esac
DURATION="${1:-20}"
CONNECTIONS="${2:-32}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-120}"
LAYOUT="${LAYOUT:-pinned}"
GW_PORT="${GW_PORT:-18380}"
UP_PORT="${UP_PORT:-18390}"
OUT="${OUT:-$ROOT/gateway/target/bench/$MODE}"
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
if [ ! -f "$ROOT/gateway/target/quarkus-app/quarkus-run.jar" ]; then
  (cd "$ROOT" && ./mvnw -B -q -o -pl gateway -am package -DskipTests)
fi
APP="$OUT/app"
rm -rf "$APP" && cp -r "$ROOT/gateway/target/quarkus-app" "$APP"

CPUS=$(nproc)
ALL_CPUS="0-$((CPUS - 1))"
GW_CPUS="$ALL_CPUS"
OTHER_CPUS="$ALL_CPUS"
case "$LAYOUT" in
  shared) ;;
  pinned)
    [ "$CPUS" -ge 2 ] || { echo "LAYOUT=pinned needs at least 2 CPUs" >&2; exit 2; }
    command -v taskset >/dev/null || { echo "taskset is missing (util-linux)" >&2; exit 2; }
    GW_CPUS=0
    OTHER_CPUS="1-$((CPUS - 1))"
    [ "$CPUS" -gt 2 ] || OTHER_CPUS=1 ;;
  *) echo "LAYOUT is pinned or shared, not $LAYOUT" >&2; exit 2 ;;
esac
# every thread of every process (kernel threads refuse, which is fine); this shell too, so that what it
# starts from now on (the tiny upstream, the suite) inherits the CPUs
set_all_cpus() { for p in $(ps -e -o pid=); do taskset -a -cp "$1" "$p" >/dev/null 2>&1 || true; done; }

pids=()
started_suite=0
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ "$started_suite" = 1 ]; then "$ROOT/deploy/local/run.sh" stop || true; fi
  if [ "$LAYOUT" = pinned ]; then set_all_cpus "$ALL_CPUS"; fi
}
trap cleanup EXIT
if [ "$LAYOUT" = pinned ]; then set_all_cpus "$OTHER_CPUS"; fi

answers() { curl -fsS -o /dev/null ${TOKEN:+-H "Authorization: Bearer $TOKEN"} "$1" 2>/dev/null; }
wait_for() { for _ in $(seq 1 "${2:-240}"); do answers "$1" && return 0; sleep 0.5; done; echo "not up: $1" >&2; exit 1; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

if [ "$MODE" = tiny ]; then
  SERVICE=assistance
  GET_PATH=/api/v1/programs
  SERVICE_URL="http://127.0.0.1:$UP_PORT"
  java -Xmx256m -cp "$APP/lib/main/*" "$ROOT/bench/gateway/TinyUpstream.java" "$UP_PORT" >"$OUT/upstream.log" 2>&1 &
  UP_PID=$!
  pids+=("$UP_PID")
else
  SERVICE="${SERVICE:-assistance}"
  SERVICE_URL="${SERVICE_URL:-http://127.0.0.1:8083}"
  GET_PATH="${GET_PATH:-/api/v1/programs}"
  if ! answers "$SERVICE_URL$GET_PATH"; then
    if [ "${START_SUITE:-0}" != 1 ]; then
      echo "nothing answers $SERVICE_URL$GET_PATH: start the local suite (deploy/local/run.sh --detach)," >&2
      echo "or run with START_SUITE=1 to let this script start it and stop it at the end" >&2
      exit 1
    fi
    echo "nothing answers $SERVICE_URL$GET_PATH: starting the local suite (deploy/local/run.sh --detach)"
    started_suite=1
    "$ROOT/deploy/local/run.sh" --detach
  fi
  port="${SERVICE_URL##*:}"; port="${port%%/*}"
  UP_PID=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
fi

taskset -c "$GW_CPUS" java -Xmx512m \
  -Dquarkus.http.port="$GW_PORT" \
  -Dgateway.services."$SERVICE".url="$SERVICE_URL" \
  -Dgateway.rate-limits.default.requests=1000000000 \
  -Dgateway.rate-limits.default.anonymous-requests=1000000000 \
  -Dquarkus.log.level=WARN \
  -jar "$APP/quarkus-run.jar" >"$OUT/gateway.log" 2>&1 &
GW_PID=$!
pids+=("$GW_PID")

DIRECT="$SERVICE_URL$GET_PATH"
GATEWAY="http://127.0.0.1:$GW_PORT$GET_PATH"
wait_for "$DIRECT"
wait_for "$GATEWAY"
curl -sS -D "$OUT/direct.headers" -o "$OUT/direct.body" ${TOKEN:+-H "Authorization: Bearer $TOKEN"} "$DIRECT"
curl -sS -D "$OUT/gateway.headers" -o "$OUT/gateway.body" ${TOKEN:+-H "Authorization: Bearer $TOKEN"} "$GATEWAY"
cmp -s "$OUT/direct.body" "$OUT/gateway.body" || echo "note: the two answers differ (see $OUT/*.body)"

WRK=(taskset -c "$GW_CPUS" wrk -t"$THREADS" -c"$CONNECTIONS" ${TOKEN:+-H "Authorization: Bearer $TOKEN"})
# warm both JVMs (JIT) before measuring
"${WRK[@]}" -d"${WARMUP}s" "$DIRECT" >/dev/null
"${WRK[@]}" -d"${WARMUP}s" "$GATEWAY" >/dev/null

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
run() {
  local name=$1 url=$2 pid=$3
  local up0 gw0 up1 gw1
  up0=$(cpu_ticks "${UP_PID:-0}"); gw0=$(cpu_ticks "$pid")
  if [ "$name" = gateway ] && [ -n "${JFR:-}" ]; then
    jcmd "$GW_PID" JFR.start duration="${DURATION}s" filename="$OUT/gateway.jfr" settings=profile >/dev/null
  fi
  "${WRK[@]}" -d"${DURATION}s" --latency "$url" | tee "$OUT/$name.txt"
  up1=$(cpu_ticks "${UP_PID:-0}"); gw1=$(cpu_ticks "$pid")
  echo "$((up1 - up0)) $((gw1 - gw0))" >"$OUT/$name.cpu"
}
echo "== load average before: $LOAD_BEFORE"
echo "== direct: $DIRECT"; run direct "$DIRECT" "$GW_PID"
echo "== through the gateway: $GATEWAY"; run gateway "$GATEWAY" "$GW_PID"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

rps() { awk '/^Requests\/sec/ {print $2}' "$OUT/$1.txt"; }
pct() { awk -v p="$2" '$1==p {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' "$OUT/$1.txt"; }
D_RPS=$(rps direct); G_RPS=$(rps gateway)
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); mode: $MODE; GET $GET_PATH (service $SERVICE at $SERVICE_URL)"
  echo "layout: $LAYOUT (wrk and the gateway on CPUs $GW_CPUS, everything else on $OTHER_CPUS, of $CPUS)"
  echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s warm-up each; load average before: $LOAD_BEFORE, after: $LOAD_AFTER"
  awk -v r="$D_RPS" -v p50="$(pct direct 50%)" -v p99="$(pct direct 99%)" 'BEGIN { printf "direct:  %.0f req/s, p50 %.2f ms, p99 %.2f ms\n", r, p50, p99 }'
  awk -v r="$G_RPS" -v p50="$(pct gateway 50%)" -v p99="$(pct gateway 99%)" 'BEGIN { printf "gateway: %.0f req/s, p50 %.2f ms, p99 %.2f ms\n", r, p50, p99 }'
  awk -v d="$D_RPS" -v g="$G_RPS" -v dp="$(pct direct 50%)" -v gp="$(pct gateway 50%)" \
    'BEGIN { printf "ratio (gateway/direct throughput): %.2f   added median latency: %.2f ms\n", g/d, gp-dp }'
  # CPU time (user+system, clock ticks of 10 ms) over each measured run, per request
  read -r UD GD <"$OUT/direct.cpu"; read -r UG GG <"$OUT/gateway.cpu"
  awk -v ud="$UD" -v ug="$UG" -v gg="$GG" -v d="$D_RPS" -v g="$G_RPS" -v t="$DURATION" -v known="${UP_PID:+1}" 'BEGIN {
    if (known) printf "CPU per request: upstream %.0f us direct, %.0f us through the gateway; ", ud*10000/(d*t), ug*10000/(g*t)
    printf "gateway %.0f us\n", gg*10000/(g*t) }'
} | tee "$OUT/summary.txt"
