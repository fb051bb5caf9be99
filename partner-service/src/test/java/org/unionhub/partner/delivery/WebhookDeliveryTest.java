package org.unionhub.partner.delivery;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.TopicProbe;
import org.unionhub.partner.Fixtures;
import org.unionhub.partner.Receiver;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.unionhub.partner.Fixtures.JOINED;
import static org.unionhub.partner.Fixtures.partnerToken;

/** Webhooks as a partner's endpoint sees them: a real HTTP receiver, signatures checked the spec's way. */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    Fixtures fixtures;

    /** The Standard Webhooks check, written from the specification (not with the service's signing code). */
    static boolean verifies(String secret, Receiver.Hit hit) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String expected = Base64.getEncoder().encodeToString(
                    mac.doFinal((hit.webhookId() + "." + hit.timestamp() + "." + hit.body()).getBytes(StandardCharsets.UTF_8)));
            return Arrays.stream(hit.signature().split(" ")).anyMatch(s -> s.equals("v1," + expected));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Setup(UUID org, UUID partner, UUID subscription, String secret) {
    }

    Setup setup(Receiver receiver, String redaction) {
        UUID org = fixtures.organization(null, "江苏省总工会");
        UUID partner = Fixtures.partner("工商银行江苏分行", redaction, org, List.of(JOINED, Fixtures.CARD_ISSUED));
        JsonPath created = Fixtures.subscribe(partner, receiver.url(), List.of(JOINED), null).statusCode(201).extract().jsonPath();
        return new Setup(org, partner, UUID.fromString(created.getString("id")), created.getString("secret"));
    }

    @Test
    void aJoinedMemberArrivesSignedAsTheSpecificationSays() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            Setup s = setup(receiver, "FULL");
            assertThat(s.secret()).startsWith("whsec_");
            assertThat(Base64.getDecoder().decode(s.secret().substring(6))).hasSize(32);
            UUID eventId = UUID.randomUUID();
            UUID member = UUID.randomUUID();
            long before = Instant.now().getEpochSecond();
            fixtures.memberEvent(eventId, JOINED, member, "张三丰", s.org(), null);

            await().atMost(Duration.ofSeconds(60)).until(() -> !receiver.hits(eventId.toString()).isEmpty());
            Receiver.Hit hit = receiver.hits(eventId.toString()).get(0);
            assertThat(verifies(s.secret(), hit)).isTrue();
            assertThat(verifies("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), hit)).isFalse();
            assertThat(Long.parseLong(hit.timestamp())).isBetween(before - 1, Instant.now().getEpochSecond() + 1);
            assertThat(hit.contentType()).startsWith("application/cloudevents+json");
            JsonPath body = JsonPath.from(hit.body());
            assertThat(body.getString("specversion")).isEqualTo("1.0");
            assertThat(body.getString("id")).isEqualTo(eventId.toString());
            assertThat(body.getString("type")).isEqualTo(JOINED);
            assertThat(body.getString("subject")).isEqualTo(member.toString());
            assertThat(body.getString("data.name")).isEqualTo("张三丰");
            assertThat(body.getString("data.memberId")).isEqualTo(member.toString());

            given().auth().oauth2(partnerToken(s.partner())).get("/api/v1/webhook-subscriptions/" + s.subscription() + "/deliveries")
                    .then().statusCode(200)
                    .body("items[0].eventId", equalTo(eventId.toString()))
                    .body("items[0].status", equalTo("DELIVERED"))
                    .body("items[0].attempts", equalTo(1));
        }
    }

    @Test
    void anEndpointFailingThreeTimesGetsTheEventOnTheFourthAttemptWithTheSameId() throws Exception {
        try (Receiver receiver = Receiver.start().answering(attempt -> attempt <= 3 ? 500 : 200)) {
            Setup s = setup(receiver, "FULL");
            UUID eventId = UUID.randomUUID();
            fixtures.memberEvent(eventId, JOINED, UUID.randomUUID(), "李四", s.org(), null);

            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.hits(eventId.toString()).size() >= 4);
            List<Receiver.Hit> hits = receiver.hits(eventId.toString());
            assertThat(hits).extracting(Receiver.Hit::answered).containsExactly(500, 500, 500, 200);
            assertThat(hits).allMatch(h -> verifies(s.secret(), h));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    given().auth().oauth2(partnerToken(s.partner())).get("/api/v1/webhook-subscriptions/" + s.subscription() + "/deliveries")
                            .then().statusCode(200)
                            .body("items[0].status", equalTo("DELIVERED"))
                            .body("items[0].attempts", equalTo(4))
                            .body("items[0].lastStatus", equalTo(200)));
        }
    }

    @Test
    void eventsOfOneMemberArriveInOrderEvenWhenTheFirstNeedsRetries() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UUID otherMembers = UUID.randomUUID();
        // the first event is refused twice; the two after it (same member = same key) must wait for it,
        // while another member's event (another key) does not
        try (Receiver receiver = Receiver.start().answering((id, attempt) -> first.toString().equals(id) && attempt <= 2 ? 503 : 200)) {
            Setup s = setup(receiver, "FULL");
            UUID member = UUID.randomUUID();
            fixtures.memberEvent(first, JOINED, member, "王五", s.org(), null);
            fixtures.memberEvent(second, JOINED, member, "王五", s.org(), null);
            fixtures.memberEvent(third, JOINED, member, "王五", s.org(), null);
            fixtures.memberEvent(otherMembers, JOINED, UUID.randomUUID(), "钱二", s.org(), null);

            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.hits().stream().filter(h -> h.answered() == 200).count() >= 4);
            List<String> sameMember = receiver.hits().stream().map(Receiver.Hit::webhookId)
                    .filter(id -> !id.equals(otherMembers.toString())).toList();
            assertThat(sameMember).containsExactly(first.toString(), first.toString(), first.toString(), second.toString(), third.toString());
            assertThat(receiver.hits(first.toString())).extracting(Receiver.Hit::answered).containsExactly(503, 503, 200);
            assertThat(receiver.hits(otherMembers.toString())).hasSize(1);
        }
    }

    @Test
    void anEndpointThatKeepsFailingIsPausedAndItsOwnerTold() throws Exception {
        try (Receiver receiver = Receiver.start().answering(attempt -> 500);
             TopicProbe partnerTopic = new TopicProbe(Fixtures.bootstrapServers(), "partner.v1")) {
            Setup s = setup(receiver, "FULL");
            UUID eventId = UUID.randomUUID();
            fixtures.memberEvent(eventId, JOINED, UUID.randomUUID(), "赵六", s.org(), null);

            String url = "/api/v1/webhook-subscriptions/" + s.subscription();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().auth().oauth2(partnerToken(s.partner())).get(url).then().statusCode(200)
                            .body("status", equalTo("PAUSED"))
                            .body("consecutiveFailures", equalTo(5)));
            String notice = given().auth().oauth2(partnerToken(s.partner())).get(url).then().extract().path("notice");
            assertThat(notice).contains("5 consecutive failed deliveries").contains("HTTP 500");
            var record = partnerTopic.await(r -> s.subscription().toString().equals(r.key()), Duration.ofSeconds(60));
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("org.unionhub.partner.subscription.paused.v1");
            assertThat(JsonPath.from(TopicProbe.value(record)).getString("partnerId")).isEqualTo(s.partner().toString());

            // paused: nothing more is tried
            int tried = receiver.hits().size();
            assertThat(tried).isEqualTo(5);
            // the owner fixes the endpoint and resumes: the waiting delivery goes out
            receiver.answering(attempt -> 200);
            given().auth().oauth2(partnerToken(s.partner())).post(url + "/resume").then().statusCode(200)
                    .body("status", equalTo("ACTIVE"));
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.hits().stream().anyMatch(h -> h.answered() == 200));
        }
    }

    @Test
    void duringARotationBothSecretsSignAndAfterTheOverlapOnlyTheNewOne() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            Setup s = setup(receiver, "FULL");
            String url = "/api/v1/webhook-subscriptions/" + s.subscription();
            String newSecret = given().auth().oauth2(partnerToken(s.partner())).post(url + "/secret-rotations")
                    .then().statusCode(201).extract().path("secret");
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(s.secret());
            UUID during = UUID.randomUUID();
            fixtures.memberEvent(during, JOINED, UUID.randomUUID(), "孙七", s.org(), null);
            await().atMost(Duration.ofSeconds(60)).until(() -> !receiver.hits(during.toString()).isEmpty());
            Receiver.Hit hit = receiver.hits(during.toString()).get(0);
            assertThat(hit.signature().split(" ")).hasSize(2);
            assertThat(verifies(s.secret(), hit)).isTrue();
            assertThat(verifies(newSecret, hit)).isTrue();

            // the overlap ends (as 24 h later)
            fixtures.execute("UPDATE signing_secret SET expires_at = now() - interval '1 second' WHERE subscription_id = ?1 AND expires_at IS NOT NULL",
                    s.subscription());
            UUID after = UUID.randomUUID();
            fixtures.memberEvent(after, JOINED, UUID.randomUUID(), "周八", s.org(), null);
            await().atMost(Duration.ofSeconds(60)).until(() -> !receiver.hits(after.toString()).isEmpty());
            Receiver.Hit later = receiver.hits(after.toString()).get(0);
            assertThat(later.signature().split(" ")).hasSize(1);
            assertThat(verifies(newSecret, later)).isTrue();
            assertThat(verifies(s.secret(), later)).isFalse();
        }
    }

    @Test
    void aReplaySendsATimeRangeAgainWithTheSameWebhookIds() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            Setup s = setup(receiver, "FULL");
            Instant from = Instant.now().minusSeconds(1);
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            fixtures.memberEvent(a, JOINED, UUID.randomUUID(), "吴九", s.org(), null);
            fixtures.memberEvent(b, JOINED, UUID.randomUUID(), "郑十", s.org(), null);
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.hits().size() >= 2);
            Instant to = Instant.now().plusSeconds(1);

            given().auth().oauth2(partnerToken(s.partner())).contentType(ContentType.JSON)
                    .body(Map.of("from", from.toString(), "to", to.toString()))
                    .post("/api/v1/webhook-subscriptions/" + s.subscription() + "/replays")
                    .then().statusCode(202).body("queued", equalTo(2));
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.hits().size() >= 4);
            assertThat(receiver.hits(a.toString())).hasSize(2);
            assertThat(receiver.hits(b.toString())).hasSize(2);
            assertThat(receiver.hits()).allMatch(h -> verifies(s.secret(), h));

            given().auth().oauth2(partnerToken(s.partner())).contentType(ContentType.JSON)
                    .body(Map.of("from", to.toString(), "to", from.toString()))
                    .post("/api/v1/webhook-subscriptions/" + s.subscription() + "/replays")
                    .then().statusCode(400).body("errors[0].field", equalTo("to"));
        }
    }

    @Test
    void aDeliveryStillFailingAfterTheGiveUpTimeIsKeptAsDead() throws Exception {
        try (Receiver receiver = Receiver.start().answering(attempt -> 500)) {
            Setup s = setup(receiver, "FULL");
            UUID eventId = UUID.randomUUID();
            // queued 25 hours ago (the give-up time is 24 h): the next failure is the last
            fixtures.execute("INSERT INTO delivery (id, subscription_id, event_id, event_type, aggregate_key, body, occurred_at, status, "
                            + "attempts, next_attempt_at, created_at) VALUES (gen_random_uuid(), ?1, ?2, ?3, 'k', '{}', now() - interval '25 hours', "
                            + "'PENDING', 7, now(), now() - interval '25 hours')", s.subscription(), eventId, JOINED);
            String url = "/api/v1/webhook-subscriptions/" + s.subscription() + "/deliveries";
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().auth().oauth2(partnerToken(s.partner())).queryParam("status", "DEAD").get(url).then().statusCode(200)
                            .body("items[0].eventId", equalTo(eventId.toString()))
                            .body("items[0].attempts", equalTo(8))
                            .body("items[0].lastStatus", equalTo(500))
                            .body("items[0].nextAttemptAt", org.hamcrest.Matchers.nullValue()));
            // a dead delivery is not tried again
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> receiver.hits(eventId.toString()).size() == 1);
        }
    }
}
