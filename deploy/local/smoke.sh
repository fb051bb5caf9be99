#!/usr/bin/env bash
# End-to-end smoke test across real processes: starts the local suite (deploy/local/run.sh), creates
# an organization and a member through the gateway, and waits until venue-, assistance- and
# competition-service each hold the member in their projection (over the real Kafka broker).
# Prints the delay from the member's creation to the last projection; stops what it started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GW=http://localhost:8080
LIMIT_MS=${SMOKE_LIMIT_MS:-10000}

started=0
if ! curl -fsS -o /dev/null "$GW/q/health/ready" 2>/dev/null; then
  "$ROOT/deploy/local/run.sh" --detach
  started=1
fi
cleanup() { [ "$started" = 1 ] && "$ROOT/deploy/local/run.sh" stop >/dev/null || true; }
trap cleanup EXIT

token() { "$ROOT/deploy/local/token.sh" "$@"; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
fail() { echo "SMOKE FAILED: $*"; exit 1; }

ADMIN=$(token admin)
ORG=$(curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"name":"辽宁省总工会","type":"FEDERATION_PROVINCIAL","regionCode":"210000"}' \
  "$GW/api/v1/organizations" | json '["id"]') || fail "could not create an organization through the gateway"
STAFF=$(token staff --org="$ORG")

headers=$(mktemp)
body=$(curl -sS -D "$headers" -H "Authorization: Bearer $STAFF" -H 'Content-Type: application/json' \
  -d "{\"name\":\"王师傅\",\"idNumber\":\"11010519491231002X\",\"phone\":\"13800138000\",\"employmentForm\":\"TRUCK_DRIVER\",\"organizationId\":\"$ORG\",\"joinChannel\":\"ON_SITE\"}" \
  "$GW/api/v1/members")
start=$(date +%s%N)
grep -qi '^HTTP/[0-9.]* 201' "$headers" || fail "member not created: $(head -1 "$headers") $body"
grep -qi '^x-request-id:' "$headers" || fail "the gateway did not return X-Request-Id"
MEMBER=$(echo "$body" | json '["id"]')
echo "member $MEMBER created through the gateway"

for port in 8082 8083 8084; do
  until curl -fs -o /dev/null -H "Authorization: Bearer $ADMIN" "http://localhost:$port/internal/projections/members/$MEMBER" 2>/dev/null; do
    elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
    [ "$elapsed" -lt "$LIMIT_MS" ] || fail "port $port has no projection of the member after ${elapsed} ms"
    sleep 0.02
  done
done
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
echo "venue, assistance and competition projections hold the member ${elapsed} ms after creation"
