#!/usr/bin/env bash
# 1,000 booking requests for 50 seats (issue 17): with the local suite up (deploy/local/run.sh --detach), makes an
# organization and MEMBERS members in membership-service (staff, ON_SITE), waits until venue-service's projection
# knows them all, opens a venue with one members-only activity of SEATS seats, then fires one booking POST per member,
# each with his own token, all at once from THREADS client threads (HttpClient, loopback, straight to venue :8082).
# Reports how many were CONFIRMED (must be exactly SEATS), how many WAITLISTED, anything else, what the service's
# activity says afterwards, and requests/s over the booking burst.
#
#   bench/booking/run.sh                       MEMBERS=1000 SEATS=50 THREADS=64
#   MEMBERS=100 SEATS=10 bench/booking/run.sh  a quick check
#
# Leaves its organization, members, venue and activity in the local databases (named 订座压测-<random>).
# Bounded: the join phase by the services, the projection wait by 180 s, the whole run by TIMEOUT (default 600 s).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
MEMBERS="${MEMBERS:-1000}"
SEATS="${SEATS:-50}"
THREADS="${THREADS:-64}"
MEMBERSHIP_URL="${MEMBERSHIP_URL:-http://127.0.0.1:8081}"
VENUE_URL="${VENUE_URL:-http://127.0.0.1:8082}"
STATE="$ROOT/.local"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

for u in "$MEMBERSHIP_URL" "$VENUE_URL"; do
  curl -fsS -o /dev/null "$u/q/health/ready" 2>/dev/null \
    || { echo "nothing ready at $u: start the suite first (deploy/local/run.sh --detach)" >&2; exit 1; }
done
[ -f "$STATE/infra.env" ] || { echo "no $STATE/infra.env: the suite was not started from this tree" >&2; exit 1; }
# shellcheck disable=SC1091
. "$STATE/infra.env"
CP_FILE="$ROOT/deploy/local-infra/target/launcher.classpath"
[ -f "$CP_FILE" ] || { echo "missing $CP_FILE: build deploy/local-infra first (./mvnw -o -pl deploy/local-infra -am package -DskipTests)" >&2; exit 1; }
timeout "${TIMEOUT:-600}" "$JAVA" -Xmx512m -cp "$(cat "$CP_FILE"):$ROOT/deploy/local-infra/target/classes" \
  "$ROOT/bench/booking/BookingRace.java" "$MEMBERSHIP_URL" "$VENUE_URL" "$PG_JDBC_BASE" "$PG_USER" "$PG_PASSWORD" \
  "$MEMBERS" "$SEATS" "$THREADS" 2> >(grep -v "^SLF4J" >&2)
