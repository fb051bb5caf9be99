#!/usr/bin/env bash
# Runs the whole UnionHub suite on this machine: PostgreSQL and Kafka (the configured ones, or real
# ones started from the embedded binaries and the Apache Kafka jars), the five services and the
# gateway as JVM processes. Data stays in .local/ across restarts; logs go to .local/logs/.
#
#   deploy/local/run.sh            build what is missing or stale, start everything, stop all on Ctrl-C
#   deploy/local/run.sh --detach   start everything and return
#   deploy/local/run.sh stop       stop what an earlier run started
#   deploy/local/run.sh status     show what runs
#
# Environment: PGHOST/PGPORT/PGUSER/PGPASSWORD to use an existing PostgreSQL, KAFKA_BOOTSTRAP_SERVERS
# to use an existing Kafka, UNIONHUB_PG_PORT (15432) and UNIONHUB_KAFKA_PORT (19092) for the embedded ones.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="$ROOT/.local"
LOGS="$STATE/logs"
PIDS="$STATE/pids"
PG_PORT="${UNIONHUB_PG_PORT:-15432}"
KAFKA_PORT="${UNIONHUB_KAFKA_PORT:-19092}"
SERVICES=(membership-service:8081 venue-service:8082 assistance-service:8083 competition-service:8084 partner-service:8085 gateway:8080)
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

mkdir -p "$LOGS" "$PIDS"

running() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

stop_one() {
  local name=$1
  if running "$name"; then
    local pid; pid=$(cat "$PIDS/$name.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    echo "stopped $name"
  fi
  rm -f "$PIDS/$name.pid"
}

stop_all() {
  # the apps first, so that they do not lose the broker under their feet mid-request
  stop_one gateway
  for s in membership-service venue-service assistance-service competition-service partner-service; do stop_one "$s"; done
  stop_one infra
}

status() {
  for name in infra membership-service venue-service assistance-service competition-service partner-service gateway; do
    if running "$name"; then echo "$name: running (pid $(cat "$PIDS/$name.pid"))"; else echo "$name: stopped"; fi
  done
}

# builds when an app is missing or older than the sources (after a pull, a stale jar would start
# against a newer platform and fail on a missing method)
build_if_needed() {
  local missing=0 jar
  for entry in "${SERVICES[@]}"; do
    jar="$ROOT/${entry%%:*}/target/quarkus-app/quarkus-run.jar"
    if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/pom.xml" "$ROOT/platform/pom.xml" "$ROOT/platform/src/main" "$ROOT/platform-core/src/main" \
        "$ROOT/${entry%%:*}/pom.xml" "$ROOT/${entry%%:*}/src/main" -newer "$jar" -type f -print -quit)" ]; then
      missing=1
    fi
  done
  [ -f "$ROOT/deploy/local-infra/target/launcher.classpath" ] || missing=1
  if [ "$missing" = 1 ]; then
    echo "building (first run: a few minutes; after a change: what changed)..."
    (cd "$ROOT" && ./mvnw -B -q -ntp install -DskipTests) > "$LOGS/build.log" 2>&1 || { echo "build failed, see $LOGS/build.log"; exit 1; }
  fi
}

wait_for() { # name, url, seconds
  local name=$1 url=$2 secs=$3
  for _ in $(seq 1 "$secs"); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    running "$name" || { echo "$name exited, see $LOGS/$name.log"; return 1; }
    sleep 1
  done
  echo "$name not ready after ${secs}s, see $LOGS/$name.log"; return 1
}

start_infra() {
  if running infra; then echo "infra already running"; return; fi
  rm -f "$STATE/infra.env"
  local cp; cp="$(cat "$ROOT/deploy/local-infra/target/launcher.classpath"):$ROOT/deploy/local-infra/target/classes"
  nohup "$JAVA" -Xmx256m -cp "$cp" org.unionhub.infra.LocalInfrastructure "$STATE" "$PG_PORT" "$KAFKA_PORT" \
    > "$LOGS/infra.log" 2>&1 &
  echo $! > "$PIDS/infra.pid"
  for _ in $(seq 1 180); do
    grep -q "INFRA READY" "$LOGS/infra.log" 2>/dev/null && break
    running infra || { echo "infrastructure failed, see $LOGS/infra.log"; exit 1; }
    sleep 1
  done
  grep -q "INFRA READY" "$LOGS/infra.log" || { echo "infrastructure not ready, see $LOGS/infra.log"; exit 1; }
  grep -E "^(PostgreSQL|Kafka) on" "$LOGS/infra.log"
}

start_app() { # module, port
  local module=$1 port=$2 db=${1%-service}
  if running "$module"; then echo "$module already running"; return; fi
  # shellcheck disable=SC1091
  set -a; . "$STATE/infra.env"; set +a
  (
    export QUARKUS_HTTP_PORT="$port"
    # the development profile: the apps verify with the DEVELOPMENT key, which they refuse in prod
    export QUARKUS_PROFILE=development
    export KAFKA_BOOTSTRAP_SERVERS
    if [ "$module" != gateway ]; then
      export QUARKUS_DATASOURCE_JDBC_URL="$PG_JDBC_BASE/$db"
      export QUARKUS_DATASOURCE_USERNAME="$PG_USER" QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD"
    fi
    nohup "$JAVA" -Xmx384m -XX:+UseSerialGC -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" \
      > "$LOGS/$module.log" 2>&1 &
    echo $! > "$PIDS/$module.pid"
  )
}

start_all() {
  build_if_needed
  start_infra
  for entry in "${SERVICES[@]}"; do start_app "${entry%%:*}" "${entry##*:}"; done
  for entry in "${SERVICES[@]}"; do
    wait_for "${entry%%:*}" "http://localhost:${entry##*:}/q/health/ready" 180 || { stop_all; exit 1; }
    echo "${entry%%:*} ready on http://localhost:${entry##*:}"
  done
  cat <<MSG

UnionHub is up.
  Gateway:      http://localhost:8080/api/v1/...
  API document: http://localhost:8080/openapi   Swagger UI: http://localhost:8080/swagger-ui
  Services:     membership :8081, venue :8082, assistance :8083, competition :8084, partner :8085 (each /q/swagger-ui, /q/health)
  Logs:         $LOGS
  A development token (DEVELOPMENT KEY, local use only):
    deploy/local/token.sh staff --org=<organization uuid>      deploy/local/token.sh member --member=<uuid>
    deploy/local/token.sh admin
  Stop:         Ctrl-C here, or deploy/local/run.sh stop
MSG
}

case "${1:-start}" in
  stop) stop_all ;;
  status) status ;;
  --detach|start-detached) start_all ;;
  start|"")
    trap 'echo; stop_all; exit 0' INT TERM
    start_all
    while true; do sleep 3600 & wait $!; done ;;
  *) echo "usage: $0 [--detach|stop|status]"; exit 2 ;;
esac
