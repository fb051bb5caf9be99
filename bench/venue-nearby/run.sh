#!/usr/bin/env bash
# Nearby search over 100,000 venues in venue-service's real PostgreSQL (cube/earthdistance GiST index).
# The benchmark is a @QuarkusTest that the normal suite skips (it needs -Dvenue.bench=true):
#   venue-service/src/test/java/org/unionhub/venue/bench/NearbyBenchmark.java
# It seeds 100,000 venues over Shenzhen's built-up area, times the SQL search and the HTTP endpoint
# (p50/p95/p99 over 300-1,000 random points), prints the query plan, and compares with the indexes disabled.
# Figures land in venue-service/target/nearby-benchmark.txt; the last run's are in docs/venue.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -pl venue-service verify -Dtest=NearbyBenchmark -Dvenue.bench=true -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat venue-service/target/nearby-benchmark.txt
