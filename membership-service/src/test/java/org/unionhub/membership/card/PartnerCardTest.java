package org.unionhub.membership.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.TopicProbe;
import org.unionhub.membership.TestData;
import org.unionhub.membership.member.MemberEvents;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.unionhub.membership.TestData.admin;

/**
 * A benefit partner's till (issue 15 item 6): a partner token bound to a fuel station checks a card and records
 * purchases with an Idempotency-Key; a retried or racing purchase counts once; another partner's token is refused;
 * the card of a member who left is not active; every redemption publishes card.redeemed.v1 on the member's key.
 */
@QuarkusTest
class PartnerCardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String partnerToken(String partnerId) {
        return DevTokens.sign(DevTokens.claims("till-" + UUID.randomUUID(), Set.of("partner")).claim("partnerId", partnerId));
    }

    static Response purchase(String token, String card, String key, String amount) {
        var r = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"amount\":" + amount + "}");
        if (key != null) {
            r.header("Idempotency-Key", key);
        }
        return r.post("/api/v1/partner/cards/" + card + "/redemptions");
    }

    static Response savings(String member) {
        int year = LocalDate.now(BusinessClock.ZONE).getYear();
        return given().auth().oauth2(DevTokens.member(UUID.fromString(member))).get("/api/v1/members/" + member + "/savings?year=" + year);
    }

    @Test
    void theFuelStationChecksTheCardAndRecordsFuelAtNinetySevenPercentOnce() throws Exception {
        TestData.Tree t = TestData.tree();
        String fuel = CardResourceTest.partner("中石化绥中加油站", "FUEL", "0.97");
        String member = TestData.activeMember(t.leaf(), "TRUCK_DRIVER");
        String card = CardResourceTest.issue(admin(), member);
        String till = partnerToken(fuel);

        Response check = given().auth().oauth2(till).get("/api/v1/partner/cards/" + card);
        check.then().statusCode(200).body("active", equalTo(true)).body("partnerId", equalTo(fuel))
                .body("discountRate", equalTo("0.97")).body("cardNumber", equalTo(card));
        // no personal data: not the member, his name, ID number or phone
        assertThat(check.asString()).doesNotContain(member).doesNotContain("name\":\"王").doesNotContain("idNumber")
                .doesNotContain("phone").doesNotContain("memberId");

        String key = UUID.randomUUID().toString();
        Response first = purchase(till, card, key, "\"300.00\"");
        first.then().statusCode(201).body("amount", equalTo("300.00")).body("paid", equalTo("291.00")).body("saved", equalTo("9.00"));
        // the retry of a purchase whose answer was lost: the same answer, counted once
        Response retry = purchase(till, card, key, "300");
        retry.then().statusCode(201).body("redemptionId", equalTo(first.path("redemptionId"))).body("paid", equalTo("291.00"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        // the same key for another purchase is a mistake of the till, not a new purchase
        purchase(till, card, key, "\"250.00\"").then().statusCode(422)
                .body("type", equalTo("https://unionhub.org/problems/idempotency-key-reused"));
        // without a key a retry could count twice: refused, naming the header
        purchase(till, card, null, "\"10.00\"").then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        savings(member).then().statusCode(200).body("saved", equalTo("9.00")).body("paid", equalTo("291.00"))
                .body("redemptions", equalTo(1));

        try (TopicProbe probe = new TopicProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                MemberEvents.TOPIC)) {
            ConsumerRecord<String, byte[]> r = probe.await(rec -> member.equals(rec.key())
                    && "org.unionhub.membership.card.redeemed.v1".equals(TopicProbe.header(rec, "ce_type")), Duration.ofSeconds(30));
            JsonNode data = JSON.readTree(r.value());
            assertThat(data.get("cardId").asText()).isEqualTo(card);
            assertThat(data.get("memberId").asText()).isEqualTo(member);
            assertThat(data.get("partnerId").asText()).isEqualTo(fuel);
            assertThat(data.get("redemptionId").asText()).isEqualTo(first.<String>path("redemptionId"));
            assertThat(data.get("amount").isTextual()).isTrue();
            assertThat(data.get("amount").asText()).isEqualTo("300.00");
            assertThat(data.get("paid").asText()).isEqualTo("291.00");
            assertThat(data.get("saved").asText()).isEqualTo("9.00");
            assertThat(Instant.parse(data.get("redeemedAt").asText())).isNotNull();
            assertThat(TopicProbe.value(r)).doesNotContain("王");
            // every field the schema requires is there
            try (InputStream in = getClass().getResourceAsStream("/events/org.unionhub.membership.card.redeemed.v1.json")) {
                JsonNode schema = JSON.readTree(in);
                schema.get("required").forEach(f -> assertThat(data.has(f.asText())).as(f.asText()).isTrue());
                schema.get("examples").get(0).fieldNames().forEachRemaining(f -> assertThat(data.has(f)).as(f).isTrue());
            }
            // the one purchase is one event, the retry published nothing
            probe.poll();
            assertThat(probe.seen().stream().filter(rec -> member.equals(rec.key())
                    && "org.unionhub.membership.card.redeemed.v1".equals(TopicProbe.header(rec, "ce_type"))).count()).isEqualTo(1);
        }
    }

    @Test
    void racingRetriesWithOneKeyCountOnce() throws Exception {
        TestData.Tree t = TestData.tree();
        String repair = CardResourceTest.partner("绥中汽修厂", "VEHICLE_REPAIR", "0.95");
        String member = TestData.activeMember(t.leaf(), "TRUCK_DRIVER");
        String card = CardResourceTest.issue(admin(), member);
        String till = partnerToken(repair);
        String key = "till-7-receipt-" + UUID.randomUUID();
        int n = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return purchase(till, card, key, "\"123.45\"");
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            Set<String> ids = new java.util.HashSet<>();
            for (Future<Response> f : answers) {
                Response r = f.get();
                assertThat(r.statusCode()).isEqualTo(201);
                assertThat(r.<String>path("paid")).isEqualTo("117.28");
                ids.add(r.path("redemptionId"));
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        savings(member).then().statusCode(200).body("redemptions", equalTo(1)).body("saved", equalTo("6.17"));
    }

    @Test
    void aTokenOfAnotherPartnerOrOfNoPartnerIsRefusedAndCountsNothing() {
        TestData.Tree t = TestData.tree();
        String fuel = CardResourceTest.partner("中石油加油站", "FUEL", "0.97");
        String member = TestData.activeMember(t.leaf(), "TRUCK_DRIVER");
        String card = CardResourceTest.issue(admin(), member);
        // a partner token of the platform (a bank, a city platform) bound to no benefit partner
        String unbound = DevTokens.role("partner");
        String notAPartner = partnerToken(UUID.randomUUID().toString());
        for (String token : List.of(unbound, notAPartner)) {
            given().auth().oauth2(token).get("/api/v1/partner/cards/" + card).then().statusCode(403);
            purchase(token, card, UUID.randomUUID().toString(), "\"300.00\"").then().statusCode(403);
        }
        // staff and members do not use the till's path
        given().auth().oauth2(DevTokens.staff(t.county())).get("/api/v1/partner/cards/" + card).then().statusCode(403);
        purchase(DevTokens.member(UUID.fromString(member)), card, UUID.randomUUID().toString(), "\"300.00\"").then().statusCode(403);
        savings(member).then().statusCode(200).body("redemptions", equalTo(0));
        // another partner's rate is its own: the repair shop gives 0.95 on the same card
        String repair = CardResourceTest.partner("绥中汽修厂", "VEHICLE_REPAIR", "0.95");
        given().auth().oauth2(partnerToken(repair)).get("/api/v1/partner/cards/" + card).then().statusCode(200)
                .body("discountRate", equalTo("0.95")).body("partnerId", equalTo(repair));
        // and two stations may use the same receipt number: the key is each partner's own
        String shared = "receipt-1-" + UUID.randomUUID();
        purchase(partnerToken(fuel), card, shared, "\"100.00\"").then().statusCode(201).body("paid", equalTo("97.00"));
        purchase(partnerToken(repair), card, shared, "\"100.00\"").then().statusCode(201).body("paid", equalTo("95.00"));
        savings(member).then().statusCode(200).body("redemptions", equalTo(2));
        given().auth().oauth2(partnerToken(fuel)).get("/api/v1/partner/cards/0000000000000000").then().statusCode(404);
    }

    @Test
    void theCardOfAMemberWhoLeftIsNotActiveAndBuysNothing() {
        TestData.Tree t = TestData.tree();
        String fuel = CardResourceTest.partner("加油站", "FUEL", "0.97");
        String member = TestData.activeMember(t.leaf(), "TRUCK_DRIVER");
        String card = CardResourceTest.issue(admin(), member);
        String till = partnerToken(fuel);
        given().auth().oauth2(till).get("/api/v1/partner/cards/" + card).then().statusCode(200).body("active", equalTo(true));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"reason\":\"转行\"}")
                .post("/api/v1/members/" + member + "/leave").then().statusCode(200);
        given().auth().oauth2(till).get("/api/v1/partner/cards/" + card).then().statusCode(200).body("active", equalTo(false));
        purchase(till, card, UUID.randomUUID().toString(), "\"300.00\"").then().statusCode(422);
        savings(member).then().statusCode(200).body("redemptions", equalTo(0)).body("saved", equalTo(new BigDecimal("0.00").toPlainString()));
    }
}
