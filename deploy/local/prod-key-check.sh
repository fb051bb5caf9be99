#!/usr/bin/env bash
# Proves that the packaged apps refuse the DEVELOPMENT verification key in the prod profile, against the
# running local suite's PostgreSQL and Kafka (deploy/local/run.sh --detach first): each app started with
# QUARKUS_PROFILE=prod and the default (development) key must exit non-zero naming the key; the same app
# with another public key must start (the control: the refusal is the key's, not a missing database).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "PROD-KEY CHECK FAILED: $*" >&2; exit 1; }

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/other-private.pem" 2>/dev/null
openssl pkey -in "$WORK/other-private.pem" -pubout -out "$WORK/other-public.pem"

# starts app $1 with extra environment; prints its exit code, or "running" when it is still up after $2 seconds
start_app() { # app, seconds, env assignments...
  local app=$1 seconds=$2; shift 2
  env QUARKUS_PROFILE=prod QUARKUS_HTTP_PORT=0 QUARKUS_MANAGEMENT_ENABLED=false "$@" \
    "$JAVA" -jar "$ROOT/$app/target/quarkus-app/quarkus-run.jar" > "$WORK/$app.log" 2>&1 &
  local pid=$! waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if grep -q "started in" "$WORK/$app.log" || [ "$waited" -ge $((seconds * 10)) ]; then
      kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
      echo running; return
    fi
    sleep 0.1; waited=$((waited + 1))
  done
  wait "$pid" && echo 0 || echo $?
}

for app in membership-service gateway; do
  [ -f "$ROOT/$app/target/quarkus-app/quarkus-run.jar" ] || fail "$app is not built (./mvnw verify first)"
  refused=$(start_app "$app" 60)
  [ "$refused" != running ] && [ "$refused" != 0 ] || fail "$app started in prod with the development key ($refused)"
  grep -q "DEVELOPMENT key" "$WORK/$app.log" || fail "$app exited ($refused) without naming the development key: $(tail -5 "$WORK/$app.log")"
  outcome=$(start_app "$app" 60 MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/other-public.pem")
  [ "$outcome" = running ] || fail "$app did not start in prod with another key ($outcome): $(grep -m3 ERROR "$WORK/$app.log")"
  echo "$app: in the prod profile it exits ($refused) with the development key and starts with another key"
done
