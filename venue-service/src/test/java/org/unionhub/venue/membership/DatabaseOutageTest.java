package org.unionhub.venue.membership;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.PostgresServer;
import org.unionhub.infra.TestInfrastructure;
import org.unionhub.infra.TopicProbe;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A database outage is not poison: membership events that arrive while the real PostgreSQL is stopped for
 * 10 s wait in Kafka and are all applied once it is back, with nothing dead-lettered and no replay.
 */
@QuarkusTest
class DatabaseOutageTest {

    static final String TOPIC = "membership.member.v1";

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @Test
    void eventsSentWhileTheDatabaseIsDownAreAllAppliedOnceItIsBackAndNoneIsDeadLettered() throws Exception {
        PostgresServer postgres = TestInfrastructure.embeddedPostgres();
        Assumptions.assumeTrue(postgres != null, "needs the embedded PostgreSQL to stop it");
        UUID org = UUID.randomUUID();
        Map<UUID, String> expected = new LinkedHashMap<>(); // member -> status|organization|path (venue keeps no names)
        List<UUID> eventIds = new ArrayList<>();
        Instant t0 = Instant.now();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            // the consumer is up and applying before the outage
            UUID first = UUID.randomUUID();
            send(producer, eventIds, expected, first, "joined", "ACTIVE", "停电前", org, t0);
            await().atMost(Duration.ofSeconds(90)).until(() -> row(first) != null);

            TestInfrastructure.stopPostgres();
            long outageEnds = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int i = 0;
            try {
                while (System.nanoTime() < outageEnds) {
                    UUID member = UUID.randomUUID();
                    Instant at = t0.plusSeconds(++i);
                    send(producer, eventIds, expected, member, "joined", "ACTIVE", "停电中" + i, org, at);
                    if (i % 3 == 0) {
                        send(producer, eventIds, expected, member, "suspended", "SUSPENDED", "停电中" + i, org, at.plusMillis(1));
                    }
                    Thread.sleep(200);
                }
            } finally {
                TestInfrastructure.startPostgres();
            }
            UUID last = UUID.randomUUID();
            send(producer, eventIds, expected, last, "joined", "ACTIVE", "恢复后", org, t0.plusSeconds(++i));
        }
        assertThat(expected).hasSizeGreaterThan(20);

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<UUID, String> projected = new HashMap<>();
            for (UUID member : expected.keySet()) {
                projected.put(member, row(member));
            }
            assertThat(projected).containsExactlyInAnyOrderEntriesOf(expected);
        });
        // applied once each, by the consumer itself: no replay, nothing dead-lettered
        assertThat(count("SELECT count(*) FROM processed_event WHERE consumer = 'venue-service' AND event_id = ANY(?)", eventIds))
                .isEqualTo(eventIds.size());
        try (TopicProbe dlq = new TopicProbe(bootstrap(), TOPIC + ".dlq")) {
            for (int p = 0; p < 15; p++) {
                dlq.poll();
            }
            Set<String> keys = new java.util.HashSet<>();
            expected.keySet().forEach(k -> keys.add(k.toString()));
            assertThat(dlq.seen()).noneMatch(r -> keys.contains(r.key()));
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, List<UUID> eventIds, Map<UUID, String> expected,
                             UUID member, String verb, String status, String name, UUID org, Instant at) throws Exception {
        String data = "{\"memberId\":\"" + member + "\",\"name\":\"" + name + "\",\"status\":\"" + status
                + "\",\"organizationId\":\"" + org + "\",\"organizationAncestors\":[],\"employmentForm\":\"COURIER\"}";
        UUID id = UUID.randomUUID();
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(TOPIC, member.toString(), data.getBytes(StandardCharsets.UTF_8));
        Map.of("ce_specversion", "1.0", "ce_id", id.toString(), "ce_type", "org.unionhub.membership.member." + verb + ".v1",
                        "ce_source", "/unionhub/membership", "ce_subject", member.toString(), "ce_time", at.toString(),
                        "content-type", "application/json")
                .forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(r).get(30, TimeUnit.SECONDS);
        eventIds.add(id);
        expected.put(member, status + "|" + org + "|/" + org + "/|" + null);
    }

    private static Connection connect() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    private static String row(UUID member) throws Exception {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT status || '|' || organization_id || '|' || organization_path || '|' || coalesce(name, 'null') FROM member_view WHERE id = ?")) {
            ps.setObject(1, member);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long count(String sql, List<UUID> ids) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
