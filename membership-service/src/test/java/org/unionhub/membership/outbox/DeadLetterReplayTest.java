package org.unionhub.membership.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.Metrics;
import org.unionhub.infra.TopicProbe;
import org.unionhub.platform.outbox.Outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.membership.TestData.admin;

/**
 * Issue 14, item 4: the dead-letter replay sends back only the service's own events as its outbox holds
 * them. Any consumer of membership.member.v1 can write membership.member.v1.dlq, so a record there is
 * replayed only when its id, key, type and data match a row of membership's outbox.
 */
@QuarkusTest
class DeadLetterReplayTest {

    static final String TOPIC = "membership.member.v1";
    static final String JOINED = "org.unionhub.membership.member.joined.v1";

    @Inject
    Outbox outbox;

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    record Snapshot(String memberId, String name, String status, String organizationId, java.util.List<String> organizationAncestors,
                    String employmentForm) {
    }

    /** Writes a record to the dead-letter topic as a consumer's dead-letter queue would (its headers, plus the reason). */
    static void deadLetter(ConsumerRecord<String, byte[]> original, String key, byte[] value, String ceId) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> r = new ProducerRecord<>(TOPIC + ".dlq", key, value);
            for (Header h : original.headers()) {
                if (!h.key().equals("ce_id")) {
                    r.headers().add(h);
                }
            }
            r.headers().add("ce_id", ceId.getBytes(StandardCharsets.UTF_8));
            r.headers().add("dead-letter-reason", "member-unknown".getBytes(StandardCharsets.UTF_8));
            producer.send(r).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void onlyRecordsMatchingTheOwnOutboxAreReplayedForgedOnesAreRefusedAndReported() throws Exception {
        String memberId = UUID.randomUUID().toString();
        UUID genuineId = QuarkusTransaction.requiringNew().call(
                () -> outbox.publish(TOPIC, JOINED, memberId, new Snapshot(memberId, "王小明", "PENDING", java.util.UUID.randomUUID().toString(), java.util.List.of(), "COURIER")));
        UUID unknownId = UUID.randomUUID();
        String forgedMember = UUID.randomUUID().toString();
        try (TopicProbe topic = new TopicProbe(bootstrap(), TOPIC)) {
            ConsumerRecord<String, byte[]> sent = topic.await(r -> genuineId.toString().equals(TopicProbe.header(r, "ce_id")), Duration.ofSeconds(30));

            // 1. the genuine record, as a consumer dead-lettered it
            deadLetter(sent, memberId, sent.value(), genuineId.toString());
            // 2. a known id whose data were altered: the member made ACTIVE
            byte[] altered = TopicProbe.value(sent).replace("PENDING", "ACTIVE").getBytes(StandardCharsets.UTF_8);
            deadLetter(sent, memberId, altered, genuineId.toString());
            // 3. the owner's type, an id membership never wrote
            byte[] invented = ("{\"memberId\":\"" + forgedMember + "\",\"name\":\"李四\",\"status\":\"ACTIVE\"}").getBytes(StandardCharsets.UTF_8);
            deadLetter(sent, forgedMember, invented, unknownId.toString());

            Response replay = given().auth().oauth2(admin())
                    .when().post("/internal/dead-letters/{topic}/replay", TOPIC)
                    .then().statusCode(200).extract().response();
            assertThat(replay.jsonPath().getInt("replayed")).isEqualTo(1);
            assertThat(replay.jsonPath().getInt("refusedCount")).isEqualTo(2);
            List<Map<String, Object>> refused = replay.jsonPath().getList("refused");
            assertThat(refused).extracting(r -> r.get("eventId") + " " + r.get("reason"))
                    .containsExactlyInAnyOrder(genuineId + " PAYLOAD_MISMATCH", unknownId + " UNKNOWN_EVENT");

            // the genuine event is on the topic a second time, as the outbox holds it; the replay has
            // finished sending when it answers, so nothing else of it can still come
            List<ConsumerRecord<String, byte[]>> copies = topic.awaitCount(
                    r -> genuineId.toString().equals(TopicProbe.header(r, "ce_id")), 2, Duration.ofSeconds(30));
            assertThat(copies).allSatisfy(r -> assertThat(TopicProbe.value(r)).contains("PENDING").doesNotContain("ACTIVE"));
            for (int i = 0; i < 10; i++) {
                topic.poll(); // the other partitions, for 2 s
            }
            assertThat(topic.seen()).noneMatch(r -> unknownId.toString().equals(TopicProbe.header(r, "ce_id")));
            assertThat(topic.seen()).noneMatch(r -> forgedMember.equals(r.key()));
            assertThat(topic.seen()).filteredOn(r -> memberId.equals(r.key())).hasSize(2)
                    .allSatisfy(r -> assertThat(TopicProbe.value(r)).doesNotContain("ACTIVE"));
        }

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(Metrics.sum(metrics, "unionhub_dead_letter_replay_refused_total", Map.of("topic", TOPIC, "reason", "PAYLOAD_MISMATCH"))).isEqualTo(1.0);
        assertThat(Metrics.sum(metrics, "unionhub_dead_letter_replay_refused_total", Map.of("topic", TOPIC, "reason", "UNKNOWN_EVENT"))).isEqualTo(1.0);
    }

    @Test
    void aServiceDoesNotReplayATopicItDoesNotOwn() {
        given().auth().oauth2(admin())
                .when().post("/internal/dead-letters/{topic}/replay", "venue.v1")
                .then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("/not-topic-owner"));
    }
}
