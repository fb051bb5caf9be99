#!/usr/bin/env bash
# Where the time of GET /api/v1/members/{id} goes (docs/performance.md "GET member: where the time goes").
# With the local suite up and membership started with UNIONHUB_BENCH_ENABLED=true
# (UNIONHUB_BENCH_ENABLED=true deploy/local/run.sh --detach), it makes a city federation with a union below it and one
# member there, then for the bare primary-key read (/q/bench/members/{id}), GET member with the member's own token,
# with a token of staff of his union and with a token of staff of the city above:
#   - counts the table reads per call from PostgreSQL's own statistics (pg_stat_user_tables: idx_scan + seq_scan of
#     member, organization_view, organization; pg_stat_database: transactions) over a wrk run;
#   - records membership-service with JFR (jcmd JFR.start, settings=profile) during a wrk run of each and splits the
#     execution samples by what the stack is doing (bench/member-read/jfr-split.py).
# Shares and counts do not depend on the load; throughput figures printed by wrk here are not worth keeping.
#   bench/member-read/profile.sh            DURATION=20 (seconds per wrk run), CONNECTIONS=16
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
DURATION="${DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-16}"
OUT="${OUT:-$ROOT/membership-service/target/member-read}"
M=http://127.0.0.1:8081
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
set -a; . .local/infra.env; set +a
PGPORT_=$(echo "$PG_JDBC_BASE" | sed -E 's#.*:([0-9]+)$#\1#')
sql() { PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p "$PGPORT_" -U "$PG_USER" -d membership -Atc "$1"; }
PID=$(cat .local/pids/membership-service.pid)

admin=$(deploy/local/token.sh admin)
mkorg() { curl -fsS -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d "{\"name\":\"读取剖析$1-$RANDOM\",\"type\":\"$2\",\"parentId\":$3,\"regionCode\":\"211421\"}" "$M/api/v1/organizations" | jq -r .id; }
city=$(mkorg 省总工会 FEDERATION_PROVINCIAL null)
leaf=$(mkorg 市总工会 FEDERATION_CITY "\"$city\"")
first17="211421$(date -u -d "1970-01-01 + $((RANDOM * 3 % 14000)) days" +%Y%m%d)$(printf %03d $((RANDOM % 1000)))"
check=$(awk -v d="$first17" 'BEGIN { split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " "); s = 0
  for (i = 1; i <= 17; i++) s += substr(d, i, 1) * w[i]; print substr("10X98765432", s % 11 + 1, 1) }')
staff_leaf=$(deploy/local/token.sh staff --org="$leaf")
staff_city=$(deploy/local/token.sh staff --org="$city")
member=$(curl -fsS -H "Authorization: Bearer $staff_leaf" -H 'Content-Type: application/json' \
  -d "{\"name\":\"快递员小刘\",\"idNumber\":\"$first17$check\",\"phone\":\"139$(printf %08d $((RANDOM * RANDOM % 100000000)))\",\"employmentForm\":\"COURIER\",\"employer\":\"顺达物流\",\"organizationId\":\"$leaf\",\"joinChannel\":\"ON_SITE\"}" \
  "$M/api/v1/members" | jq -r .id)
member_tok=$(deploy/local/token.sh member --member="$member")
curl -fsS "$M/q/bench/members/$member" >/dev/null || { echo "no bare endpoint: start the suite with UNIONHUB_BENCH_ENABLED=true" >&2; exit 1; }

reads() {
  sql "SELECT coalesce(sum(idx_scan), 0) + coalesce(sum(seq_scan), 0) FROM pg_stat_user_tables WHERE relname = '$1'"
}
xacts() { sql "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'membership'"; }

measure() { # name, token ('' for none), path
  local name=$1 token=$2 url="$M$3"
  local hdr=(); [ -n "$token" ] && hdr=(-H "Authorization: Bearer $token")
  curl -fsS "${hdr[@]}" -o /dev/null "$url"
  wrk -t2 -c"$CONNECTIONS" -d"$((DURATION / 2 + 1))s" "${hdr[@]}" "$url" >/dev/null # warm-up
  sleep 1.5
  local m0 o0 g0 x0; m0=$(reads member); o0=$(reads organization_view); g0=$(reads organization); x0=$(xacts)
  jcmd "$PID" JFR.start name="$name" duration="${DURATION}s" filename="$OUT/$name.jfr" settings=profile >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "${hdr[@]}" "$url" >"$OUT/$name.wrk.txt"
  sleep 2.5 # the statistics reach pg_stat_* when a backend goes idle
  local n; n=$(awk '/requests in/ {print $1}' "$OUT/$name.wrk.txt")
  local m1 o1 g1 x1; m1=$(reads member); o1=$(reads organization_view); g1=$(reads organization); x1=$(xacts)
  awk -v n="$n" -v m="$((m1 - m0))" -v o="$((o1 - o0))" -v g="$((g1 - g0))" -v x="$((x1 - x0))" -v name="$name" 'BEGIN {
    printf "%-14s %8d calls: per call  member reads %.2f  organization_view reads %.2f  organization reads %.2f  transactions %.2f\n",
      name, n, m / n, o / n, g / n, x / n }' | tee -a "$OUT/queries.txt"
  for _ in $(seq 1 20); do [ -s "$OUT/$name.jfr" ] && break; sleep 0.5; done
}
: >"$OUT/queries.txt"
measure bare "" "/q/bench/members/$member"
measure member "$member_tok" "/api/v1/members/$member"
measure staff-own "$staff_leaf" "/api/v1/members/$member"
measure staff-above "$staff_city" "/api/v1/members/$member"
sleep 3
for name in bare member staff-own staff-above; do
  echo "== $name"; python3 bench/member-read/jfr-split.py "$OUT/$name.jfr"
done | tee "$OUT/split.txt"
