#!/usr/bin/env bash
# Issue 20's scale benchmark: membership-service alone, with its own PostgreSQL and Kafka (embedded, on ports
# of their own, so the local suite may stay up), loaded with N generated members (generate.sql, deterministic
# from SEED), then the calls of the issue timed by ScaleBench.java. Loopback only, bounded: the load is the
# long part (minutes per 10 million rows on a 2-CPU machine).
#
#   bench/scale/run.sh [N...]          e.g. bench/scale/run.sh 1000000 10000000   (default: 1000000)
#
# Several N in one call grow one database: 1M is loaded and measured, then members are added up to 10M and
# measured again. BENCH_STATE=<dir> keeps a load elsewhere (default bench/scale/.state). MEASURE=0 only loads (with KEEP=1: load while the machine is busy, measure when it is quiet). SEED (20), CHUNK (500000 rows per statement), IMPORT_ROWS (20000; 0 skips the import
# measurement), PROJECTION_SIZES (1: the member_view of each service per million members, bench/scale/projection-sizes.sql), KEEP=1 leaves the data in bench/scale/.state for another run. Results: bench/scale/results/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/scale"
STATE="${BENCH_STATE:-$HERE/.state}"
RESULTS="$HERE/results"
SEED="${SEED:-20}"
CHUNK="${CHUNK:-500000}"
IMPORT_ROWS="${IMPORT_ROWS:-20000}"
PG_PORT="${BENCH_PG_PORT:-25432}"
KAFKA_PORT="${BENCH_KAFKA_PORT:-29092}"
APP_PORT="${BENCH_APP_PORT:-28081}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000000)
mkdir -p "$STATE" "$RESULTS"

jar="$ROOT/membership-service/target/quarkus-app/quarkus-run.jar"
if [ ! -f "$jar" ] || [ ! -f "$ROOT/deploy/local-infra/target/launcher.classpath" ]; then
  echo "building membership-service and the launcher..."
  (cd "$ROOT" && ./mvnw -B -q -ntp package -DskipTests -pl membership-service,deploy/local-infra -am)
fi

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$STATE"
}
trap cleanup EXIT

cp="$(cat "$ROOT/deploy/local-infra/target/launcher.classpath"):$ROOT/deploy/local-infra/target/classes"
"$JAVA" -Xmx256m -cp "$cp" org.unionhub.infra.LocalInfrastructure "$STATE" "$PG_PORT" "$KAFKA_PORT" membership \
  > "$STATE/infra.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 180); do grep -q "INFRA READY" "$STATE/infra.log" 2>/dev/null && break; sleep 1; done
grep -q "INFRA READY" "$STATE/infra.log" || { echo "infrastructure not ready, see $STATE/infra.log"; exit 1; }
set -a; . "$STATE/infra.env"; set +a
export PGHOST=localhost PGPORT="$PG_PORT" PGUSER="$PG_USER" PGPASSWORD="$PG_PASSWORD" PGDATABASE=membership

QUARKUS_HTTP_PORT="$APP_PORT" QUARKUS_PROFILE=development KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP_SERVERS" \
QUARKUS_DATASOURCE_JDBC_URL="$PG_JDBC_BASE/membership" QUARKUS_DATASOURCE_USERNAME="$PG_USER" QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD" \
QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE=64M \
  "$JAVA" -Xmx512m -XX:+UseSerialGC -jar "$jar" > "$STATE/membership.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do curl -fsS -o /dev/null "http://localhost:$APP_PORT/q/health/ready" 2>/dev/null && break; sleep 1; done
curl -fsS -o /dev/null "http://localhost:$APP_PORT/q/health/ready" || { echo "membership-service not ready, see $STATE/membership.log"; exit 1; }

token() { "$ROOT/deploy/local/token.sh" "$@"; }
# a kept state (KEEP=1) already holds members: grow it instead of starting again
loaded=$(psql -tAc "SELECT count(*) FROM member WHERE created_by = 'bench'")
stamp=$(date -u +%Y%m%dT%H%M%SZ)
deferred="$STATE/deferred-indexes.sql"
for n in "${SIZES[@]}"; do
  if [ "$loaded" -lt "$n" ]; then
    echo "loading members $loaded .. $n (seed $SEED)..."
    t0=$(date +%s)
    # Millions of rows: the secondary indexes of member and card are dropped and built once at the end, sorted, instead
    # of growing row by row (the trigram and path indexes made 9M rows take hours). Their definitions are kept in the
    # state first, so that a load cut short rebuilds them on the next run. Constraint indexes (keys) stay.
    if [ ! -s "$deferred" ] && [ $((n - loaded)) -ge 1000000 ]; then
      psql -tAc "SELECT pg_get_indexdef(i.indexrelid) || ';' FROM pg_index i
                 WHERE i.indrelid IN ('member'::regclass, 'card'::regclass) AND NOT i.indisprimary
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)" > "$deferred.tmp"
      mv "$deferred.tmp" "$deferred"
      sed -E 's/^CREATE (UNIQUE )?INDEX ([^ ]+) ON .*/DROP INDEX IF EXISTS \2;/' "$deferred" | psql -q
    fi
    psql -q -v n="$n" -v seed="$SEED" -v from="$loaded" -v chunk="$CHUNK" -f "$HERE/generate.sql" 2>&1 | grep -v "^NOTICE" || true
    t1=$(date +%s)
    echo "loaded in $((t1 - t0)) s ($(( (n - loaded) / ( (t1 - t0) > 0 ? (t1 - t0) : 1 ) )) rows/s through SQL)"
    loaded=$n
  fi
  if [ -s "$deferred" ]; then
    echo "building the deferred indexes..."
    t2=$(date +%s)
    { echo "SET maintenance_work_mem = '1GB';"; cat "$deferred"; } | psql -q
    rm "$deferred"
    echo "indexes built in $(( $(date +%s) - t2 )) s"
  fi
  [ "${MEASURE:-1}" = 1 ] || continue
  # the counters fold in the background; wait until the backlog is gone so that reads are steady
  for _ in $(seq 1 600); do
    left=$(psql -tAc "SELECT count(*) FROM organization_count_delta")
    [ "$left" -lt 1000 ] && break; sleep 1
  done
  # a load of millions leaves millions of folded (deleted) deltas behind: until they are vacuumed, a province's
  # statistics walk their dead index entries (326 ms p50 at 10 M, 1.9 ms after; docs/performance.md "Scale").
  # Autovacuum gets there within minutes; the benchmark does not wait for it
  psql -q -c "VACUUM (ANALYZE) organization_count_delta"
  sizes=$(psql -tAc "SELECT pg_size_pretty(pg_total_relation_size('member')) || ' member table with indexes, ' || pg_size_pretty(pg_relation_size('member_name_grams')) || ' name index'")
  province_id=$(psql -tAc "SELECT md5('$SEED' || ':province')::uuid")
  admin=$(token admin)
  staff=$(token staff --org="$province_id")
  echo "measuring at $n members ($sizes); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$JAVA" "$HERE/ScaleBench.java" "http://localhost:$APP_PORT" "$SEED" "$n" "$admin" "$staff" "$RESULTS/scale-$n-$stamp.json" "$IMPORT_ROWS" \
    | tee "$RESULTS/scale-$n-$stamp.md"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); sizes: $sizes" | tee -a "$RESULTS/scale-$n-$stamp.md"
  if [ "${PROJECTION_SIZES:-1}" = 1 ]; then
    { echo "| member_view per 1 M members | size | bytes per member |"; echo "| --- | ---: | ---: |"
      psql -q -tA -f "$HERE/projection-sizes.sql"; } | tee -a "$RESULTS/scale-$n-$stamp.md"
  fi
done
