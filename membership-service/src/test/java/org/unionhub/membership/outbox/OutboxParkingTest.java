package org.unionhub.membership.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.Metrics;
import org.unionhub.infra.TopicProbe;
import org.unionhub.platform.outbox.Outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.unionhub.membership.TestData.admin;

/**
 * Issue 14, item 5: an event the broker keeps refusing (here: larger than a Kafka request may be) is parked
 * after unionhub.outbox.max-attempts refusals (3 in tests): the service's relay goes on with other keys,
 * later events of the same key wait behind it, and once the cause is fixed an operator unparks it and the
 * key's events follow in their order.
 */
@QuarkusTest
class OutboxParkingTest {

    static final String TOPIC = "membership.parking.v1";
    static final String TYPE = "org.unionhub.membership.parking.tested.v1";

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;

    record Data(String step, String blob) {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static String step(ConsumerRecord<String, byte[]> r) {
        String v = TopicProbe.value(r);
        int i = v.indexOf("\"step\":\"") + 8;
        return v.substring(i, v.indexOf('"', i));
    }

    Object state(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT state FROM outbox WHERE event_id = ?1")
                .setParameter(1, eventId).getSingleResult());
    }

    @Test
    void aRefusedEventIsParkedOtherKeysGoOnItsKeyWaitsAndUnparkingSendsTheKeyInOrder() throws Exception {
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        UUID[] ids = new UUID[5];
        QuarkusTransaction.requiringNew().run(() -> {
            ids[0] = outbox.publish(TOPIC, TYPE, a, new Data("a1", ""));
            ids[1] = outbox.publish(TOPIC, TYPE, a, new Data("a2", "x".repeat(1_100_000))); // over max.request.size
            ids[2] = outbox.publish(TOPIC, TYPE, b, new Data("b1", ""));
            ids[3] = outbox.publish(TOPIC, TYPE, a, new Data("a3", ""));
            ids[4] = outbox.publish(TOPIC, TYPE, b, new Data("b2", ""));
        });
        UUID refused = ids[1];

        try (TopicProbe topic = new TopicProbe(bootstrap(), TOPIC)) {
            // b's events pass the refused one (b2 was written after a3)
            topic.awaitCount(r -> b.equals(r.key()), 2, Duration.ofSeconds(60));
            assertThat(state(refused)).isEqualTo("PARKED");
            assertThat(state(ids[3])).isEqualTo("PENDING");
            given().auth().oauth2(admin()).when().get("/internal/outbox/parked")
                    .then().statusCode(200).body("items.eventId", hasItem(refused.toString()));
            String metrics = given().when().get("/q/metrics").then().extract().asString();
            assertThat(Metrics.sum(metrics, "unionhub_outbox_parked", Map.of())).isGreaterThanOrEqualTo(1.0);
            for (int i = 0; i < 5; i++) {
                topic.poll();
            }
            assertThat(topic.seen().stream().filter(r -> a.equals(r.key())).map(OutboxParkingTest::step)).containsExactly("a1");

            // the cause is fixed (here: the event made smaller), the operator unparks it
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE outbox SET payload = ?1 WHERE event_id = ?2")
                    .setParameter(1, "{\"step\":\"a2\",\"blob\":\"\"}").setParameter(2, refused).executeUpdate());
            given().auth().oauth2(admin()).queryParam("eventId", refused.toString())
                    .when().post("/internal/outbox/unpark")
                    .then().statusCode(200).body("unparked", org.hamcrest.Matchers.equalTo(1));

            List<ConsumerRecord<String, byte[]>> ofA = topic.awaitCount(r -> a.equals(r.key()), 3, Duration.ofSeconds(60));
            assertThat(ofA.stream().map(OutboxParkingTest::step)).containsExactly("a1", "a2", "a3");
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(state(ids[3])).isEqualTo("SENT"));
    }

    @Test
    void unparkNamesAMalformedEventId() {
        given().auth().oauth2(admin()).queryParam("eventId", "not-a-uuid")
                .when().post("/internal/outbox/unpark")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("eventId"));
    }
}
