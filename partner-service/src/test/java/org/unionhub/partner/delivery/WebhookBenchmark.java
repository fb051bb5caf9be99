package org.unionhub.partner.delivery;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.unionhub.partner.Fixtures;
import org.unionhub.partner.Receiver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * bench/webhooks/run.sh: (1) deliveries per second to a local receiver (N deliveries queued at once, until the last
 * arrives); (2) event committed to Kafka -> webhook received, p50/p99, at RATE events/s for DURATION seconds.
 * Skipped by the normal suite (-Dwebhooks.bench=true). Loopback only; figures go to
 * partner-service/target/webhook-benchmark.txt, never into docs by this run.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "webhooks.bench", matches = "true")
class WebhookBenchmark {

    @Inject
    Fixtures fixtures;

    @Test
    void throughputAndLatency() throws Exception {
        int n = Integer.getInteger("webhooks.bench.deliveries", 5000);
        int rate = Integer.getInteger("webhooks.bench.rate", 200);
        int seconds = Integer.getInteger("webhooks.bench.duration", 20);
        StringBuilder report = new StringBuilder("load average before: " + Files.readString(Path.of("/proc/loadavg")).trim() + "\n");
        try (Receiver receiver = Receiver.start()) {
            UUID org = fixtures.organization(null, "基准测试总工会");
            UUID partner = Fixtures.partner("基准测试伙伴", "FULL", org, List.of(Fixtures.JOINED));
            JsonPath sub = Fixtures.subscribe(partner, receiver.url(), List.of(Fixtures.JOINED), null).statusCode(201).extract().jsonPath();
            UUID subscription = UUID.fromString(sub.getString("id"));

            // (1) throughput: n deliveries of n different keys queued in one statement
            fixtures.execute("INSERT INTO delivery (id, subscription_id, event_id, event_type, aggregate_key, body, occurred_at, status, "
                    + "attempts, next_attempt_at, created_at) SELECT gen_random_uuid(), ?1, gen_random_uuid(), ?2, 'k' || g, "
                    + "'{\"specversion\":\"1.0\",\"data\":{\"n\":' || g || '}}', now(), 'PENDING', 0, now(), now() "
                    + "FROM generate_series(1, ?3) g", subscription, Fixtures.JOINED, n);
            long start = System.nanoTime();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(10)).until(() -> receiver.hits().size() >= n);
            double secs = (System.nanoTime() - start) / 1e9;
            report.append(String.format("throughput: %d deliveries in %.2f s = %.0f deliveries/s%n", n, secs, n / secs));

            // (2) latency at a fixed rate: membership events produced to Kafka, time from the acknowledged send to receipt
            int before = receiver.hits().size();
            Map<String, Long> sentAt = new java.util.concurrent.ConcurrentHashMap<>();
            List<UUID> members = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                members.add(UUID.randomUUID());
            }
            String data0 = "{\"memberId\":\"%s\",\"name\":\"基准\",\"status\":\"PENDING\",\"organizationId\":\"" + org
                    + "\",\"organizationAncestors\":[],\"employmentForm\":\"PLATFORM\"}";
            int total = rate * seconds;
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", Fixtures.bootstrapServers(),
                    "acks", "all", "linger.ms", 0), new StringSerializer(), new ByteArraySerializer())) {
                long t0 = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long due = t0 + (long) (i * 1e9 / rate);
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    UUID id = UUID.randomUUID();
                    String member = members.get(i % members.size()).toString();
                    ProducerRecord<String, byte[]> r = new ProducerRecord<>("membership.member.v1", member,
                            String.format(data0, member).getBytes(StandardCharsets.UTF_8));
                    r.headers().add(new RecordHeader("ce_specversion", "1.0".getBytes()));
                    r.headers().add(new RecordHeader("ce_id", id.toString().getBytes()));
                    r.headers().add(new RecordHeader("ce_type", Fixtures.JOINED.getBytes()));
                    r.headers().add(new RecordHeader("ce_source", "/unionhub/membership".getBytes()));
                    r.headers().add(new RecordHeader("ce_subject", member.getBytes()));
                    r.headers().add(new RecordHeader("ce_time", Instant.now().toString().getBytes()));
                    producer.send(r, (meta, err) -> sentAt.put(id.toString(), System.currentTimeMillis()));
                }
            }
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> receiver.hits().size() >= before + total);
            List<Long> latencies = new ArrayList<>();
            for (Receiver.Hit h : receiver.hits().subList(before, receiver.hits().size())) {
                Long sent = sentAt.get(h.webhookId());
                if (sent != null) {
                    latencies.add(h.receivedAtMillis() - sent);
                }
            }
            Collections.sort(latencies);
            report.append(String.format("latency at %d events/s for %d s (%d events, commit to Kafka -> webhook received): p50 %d ms, p99 %d ms, max %d ms%n",
                    rate, seconds, latencies.size(), latencies.get(latencies.size() / 2),
                    latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(latencies.size() * 0.99) - 1)),
                    latencies.get(latencies.size() - 1)));
        }
        report.append("load average after: ").append(Files.readString(Path.of("/proc/loadavg")).trim()).append('\n');
        Files.writeString(Path.of("target/webhook-benchmark.txt"), report.toString());
        System.out.println(report);
    }
}
