#!/usr/bin/env bash
# bench/events (issue 14, item 6): the event backbone under load, on loopback. Starts the local suite
# (deploy/local/run.sh --detach: embedded PostgreSQL and Kafka, the four services, the gateway), drives member
# joins through membership-service's HTTP API at fixed rates, and reads commit -> applied per consuming service
# from membership's outbox (occurred_at, sent_at) and each service's inbox (processed_event.processed_at); then the
# relay's top throughput and a member import. Stops the suite at the end if it started it.
#
#   bench/events/run.sh                                   100, 500, 1,000, 2,000 joins/s, 60 s each; 50,000-row import
#   DURATION=5 IMPORT_ROWS=2000 RELAY_ROWS=5000 bench/events/run.sh     a quick check that it works
#   RATES=500 DURATION=60 bench/events/run.sh             one rate
#   BENCH_REUSE=1 bench/events/run.sh                     use a suite already running on 8081-8084 (this checkout's)
#
# Output: a Markdown table on stdout, JSON in bench/events/results/events-<UTC time>.json. Bounded: the driver is
# killed after BENCH_TIMEOUT seconds (default 1800); each catch-up wait after CATCH_UP_LIMIT seconds (default 180).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
export DURATION="${DURATION:-60}"

started_here=0
if curl -sf -o /dev/null http://127.0.0.1:8081/q/health/ready; then
  if [ "${BENCH_REUSE:-0}" != 1 ]; then
    echo "something already answers on 127.0.0.1:8081; stop it (deploy/local/run.sh stop) or set BENCH_REUSE=1 if it is this checkout's suite" >&2
    exit 1
  fi
else
  # package the apps here (offline unless BENCH_ONLINE=1), so that run.sh finds them current and has nothing to build
  echo "packaging the apps (log: bench/events/results/build.log) ..."
  mkdir -p bench/events/results
  ./mvnw -B -q -ntp ${BENCH_ONLINE:+-U} $([ "${BENCH_ONLINE:-0}" = 1 ] || echo -o) package -DskipTests \
    -pl membership-service,venue-service,assistance-service,competition-service,gateway -am > bench/events/results/build.log 2>&1 \
    || { tail -30 bench/events/results/build.log; exit 1; }
  deploy/local/run.sh --detach
  started_here=1
fi
cleanup() { if [ "$started_here" = 1 ]; then deploy/local/run.sh stop || true; fi; }
trap cleanup EXIT

set -a; . "$ROOT/.local/infra.env"; set +a
export TOKEN; TOKEN=$(deploy/local/token.sh admin)
PGJAR=$(find "${MAVEN_REPO:-$HOME/.m2/repository}/org/postgresql/postgresql" -name 'postgresql-*.jar' ! -name '*sources*' | sort -V | tail -1)
[ -n "$PGJAR" ] || { echo "no PostgreSQL JDBC driver in the Maven repository; build once with ./mvnw" >&2; exit 1; }
for s in venue-service:8082 assistance-service:8083 competition-service:8084; do
  curl -sf -o /dev/null "http://127.0.0.1:${s##*:}/q/health/ready" || { echo "${s%%:*} is not ready" >&2; exit 1; }
done

mkdir -p bench/events/results
out="bench/events/results/events-$(date -u +%Y%m%dT%H%M%SZ).json"
timeout "${BENCH_TIMEOUT:-1800}" "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$PGJAR" bench/events/EventsBench.java "$out"
