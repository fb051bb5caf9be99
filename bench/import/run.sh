#!/usr/bin/env bash
# Bulk enrollment speed (issue 14 goal: >= 5,000 rows/s): one CSV of ROWS valid rows (default 20,000) uploaded to
# membership-service's POST /api/v1/member-imports over loopback, against real PostgreSQL and Kafka; it waits for the
# job to read DONE, checks every row was imported, and reports rows/s end to end and inside the job.
#
# It is a @QuarkusTest that the normal suite skips (it needs -Dimport.bench=true):
#   membership-service/src/test/java/org/unionhub/membership/imports/MemberImportBenchmark.java
# Figures land in membership-service/target/import-benchmark.txt (with /proc/loadavg before and after).
# Bounded: the whole run is killed after BENCH_TIMEOUT seconds (default 900).
#   bench/import/run.sh                 20,000 rows
#   ROWS=50000 bench/import/run.sh      another size
#   ROWS=2000 bench/import/run.sh       a quick check that it works
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p membership-service/target
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  (figures are only worth keeping below 2 on this 2-CPU machine)"
timeout "${BENCH_TIMEOUT:-900}" ./mvnw -B -ntp -o verify -pl membership-service -am -Dtest=MemberImportBenchmark \
  -Dimport.bench=true -Dimport.bench.rows="${ROWS:-20000}" -Dsurefire.failIfNoSpecifiedTests=false "$@" \
  > membership-service/target/import-benchmark.log 2>&1 || { tail -50 membership-service/target/import-benchmark.log; exit 1; }
cat membership-service/target/import-benchmark.txt
