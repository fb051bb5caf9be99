package org.unionhub.venue.observability;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.Metrics;
import org.unionhub.infra.TopicProbe;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operations see of this service's consumers: lag per consumed topic and dead letters on
 * /q/metrics, and the trace of the writing request continued where a record is applied.
 */
@QuarkusTest
@TestProfile(TracingOn.class)
class ConsumerObservabilityTest {

    static final String TOPIC = "membership.member.v1";
    static final String SOURCE = "/unionhub/membership";

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static String scrape() {
        String s = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return s;
    }

    static String memberJoined(UUID member) {
        return "{\"memberId\":\"" + member + "\",\"name\":\"快递员小刘\",\"status\":\"ACTIVE\",\"organizationId\":\""
                + UUID.randomUUID() + "\",\"organizationAncestors\":[],\"employmentForm\":\"COURIER\"}";
    }

    /** A member event as membership's outbox sends it, with the W3C traceparent of the request that wrote it. */
    static void send(UUID eventId, UUID member, String data, String traceparent) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> r = new ProducerRecord<>(TOPIC, member.toString(), data.getBytes(StandardCharsets.UTF_8));
            Map.of("ce_specversion", "1.0", "ce_id", eventId.toString(), "ce_type", "org.unionhub.membership.member.joined.v1",
                            "ce_source", SOURCE, "ce_subject", member.toString(), "ce_time", Instant.now().toString(),
                            "content-type", "application/json")
                    .forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            if (traceparent != null) {
                r.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            }
            producer.send(r).get(30, TimeUnit.SECONDS);
        }
    }

    static String query(String sql, Object param) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void consumerLagIsExposedPerConsumedTopic() throws Exception {
        UUID member = UUID.randomUUID();
        send(UUID.randomUUID(), member, memberJoined(member), null);
        await().atMost(Duration.ofSeconds(60)).until(() -> query("SELECT status FROM member_view WHERE id = ?", member) != null);
        // the Kafka binder adds the metrics of newly assigned partitions at its next refresh (every minute)
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            String metrics = scrape();
            for (String topic : new String[] {TOPIC, "membership.organization.v1"}) {
                assertThat(Metrics.find(metrics, "kafka_consumer_fetch_manager_records_lag",
                        Map.of("topic", topic, "application", "venue-service")))
                        .as("lag of " + topic).isNotEmpty()
                        .allSatisfy(s -> assertThat(s.value()).isGreaterThanOrEqualTo(0));
            }
            assertThat(Metrics.find(metrics, "kafka_consumer_fetch_manager_records_lag_max", Map.of("topic", TOPIC))).isNotEmpty();
        });
    }

    @Test
    void aPoisonMessageIsCountedAsADeadLetterOfItsTopic() throws Exception {
        Map<String, String> dlq = Map.of("topic", TOPIC + ".dlq", "application", "venue-service");
        // registered before any dead letter, so that increase() sees the first one
        assertThat(Metrics.find(scrape(), "unionhub_dead_letters_total", dlq)).hasSize(1);
        assertThat(Metrics.find(scrape(), "unionhub_dead_letters_total", Map.of("topic", "membership.organization.v1.dlq"))).hasSize(1);
        double before = Metrics.sum(scrape(), "unionhub_dead_letters_total", dlq);

        UUID bad = UUID.randomUUID();
        send(UUID.randomUUID(), bad, "{not json", null);
        try (TopicProbe probe = new TopicProbe(bootstrap(), TOPIC + ".dlq")) {
            probe.await(r -> bad.toString().equals(r.key()), Duration.ofSeconds(60));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = scrape();
            assertThat(Metrics.sum(metrics, "unionhub_dead_letters_total", dlq))
                    .as(metrics.lines().filter(l -> l.startsWith("unionhub_dead_letters")).toList().toString())
                    .isGreaterThanOrEqualTo(before + 1);
        });
    }

    @Test
    void applyingARecordContinuesTheTraceOfTheRequestThatWroteIt() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        UUID member = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        send(eventId, member, memberJoined(member), traceparent);
        await().atMost(Duration.ofSeconds(60)).until(() -> query("SELECT status FROM member_view WHERE id = ?", member) != null);
        assertThat(query("SELECT trace_id FROM processed_event WHERE event_id = ?", eventId)).isEqualTo(traceId);
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid id)
        return b;
    }
}
