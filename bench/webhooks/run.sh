#!/usr/bin/env bash
# Webhook deliveries (issue 15 goals: >= 1,000 deliveries/s to a local receiver; event commit -> webhook received
# p99 < 200 ms at 200 events/s). One command, loopback only, bounded (killed after BENCH_TIMEOUT seconds).
#
# It is a @QuarkusTest that the normal suite skips (-Dwebhooks.bench=true):
#   partner-service/src/test/java/org/unionhub/partner/delivery/WebhookBenchmark.java
# It starts partner-service with its own embedded PostgreSQL and Kafka broker (as every partner-service test does), a
# Vert.x receiver on 127.0.0.1, then (1) queues DELIVERIES deliveries at once and times them until the last arrives,
# (2) produces membership member.joined events to Kafka at RATE/s for DURATION s and measures acknowledged send ->
# webhook received. Figures: partner-service/target/webhook-benchmark.txt (with the load average before and after).
#   bench/webhooks/run.sh                                  5,000 deliveries; 200 events/s for 20 s
#   DURATION=5 DELIVERIES=500 bench/webhooks/run.sh        short mode (checks the script works)
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  (figures are only worth keeping below 2 on this 2-CPU machine)"
timeout "${BENCH_TIMEOUT:-1200}" ./mvnw -B -ntp -o verify -pl partner-service -am \
  -Dtest=WebhookBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dwebhooks.bench=true \
  -Dwebhooks.bench.deliveries="${DELIVERIES:-5000}" -Dwebhooks.bench.rate="${RATE:-200}" \
  -Dwebhooks.bench.duration="${DURATION:-20}" > partner-service/target/webhook-benchmark.log 2>&1 \
  || { tail -50 partner-service/target/webhook-benchmark.log; exit 1; }
cat partner-service/target/webhook-benchmark.txt
