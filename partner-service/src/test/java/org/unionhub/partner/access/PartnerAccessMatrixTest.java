package org.unionhub.partner.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.access.AccessMatrix;
import org.unionhub.infra.access.Caller;
import org.unionhub.infra.access.CallerTokens;
import org.unionhub.partner.Fixtures;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.unionhub.infra.access.Caller.ADMIN;
import static org.unionhub.infra.access.Caller.PARTNER;
import static org.unionhub.partner.Fixtures.JOINED;
import static org.unionhub.partner.Fixtures.partnerToken;

/**
 * Every operation of partner-service's OpenAPI document, called as each kind of caller. The "partner" caller is the
 * partner that owns the subscription (a partner token with its partnerId claim); {@link #onePartnerCannotSeeOrTouchAnothers()}
 * shows what another partner gets.
 */
@QuarkusTest
class PartnerAccessMatrixTest {

    @Inject
    Fixtures fixtures;

    static final String FRESH_URL = "https://hooks.example-bank.cn/unionhub";

    @Test
    void everyOperationAnswersEachCallerAsDeclared() {
        UUID ancestor = fixtures.organization(null, "中华全国总工会");
        UUID org = fixtures.organization(ancestor, "江苏省总工会");
        UUID sibling = fixtures.organization(ancestor, "浙江省总工会");
        UUID partner = Fixtures.partner("工商银行", "NO_PERSONAL_DATA", org, List.of(JOINED));
        String subscription = Fixtures.subscribe(partner, FRESH_URL, List.of(JOINED), null).statusCode(201).extract().path("id");
        AccessMatrix m = AccessMatrix.forService("partner")
                .callers(CallerTokens.standard(UUID.randomUUID(), UUID.randomUUID(), org, sibling, ancestor)
                        .with(Caller.PARTNER, partnerToken(partner)));

        m.op("POST /api/v1/partners")
                .body(c -> "{\"name\":\"保险公司" + c.ordinal() + "\",\"contact\":\"ops@example.cn\",\"allowedEventTypes\":[\"" + JOINED
                        + "\"],\"redaction\":\"AGGREGATE_ONLY\"}")
                .rule("admin")
                .allow(ADMIN)
                .unchangedWhenDenied(() -> fixtures.scalar("SELECT count(*) FROM partner"));
        m.op("GET /api/v1/partners")
                .rule("admin")
                .allow(ADMIN);
        m.op("GET /api/v1/partners/{id}").path("id", partner)
                .rule("admin; the partner itself (its partnerId claim); another partner 404")
                .allow(ADMIN, PARTNER);
        m.op("POST /api/v1/webhook-subscriptions")
                .body("{\"url\":\"" + FRESH_URL + "\",\"eventTypes\":[\"" + JOINED + "\"]}")
                .rule("a partner, for itself (subscriptions of its partnerId)")
                .allow(PARTNER)
                .unchangedWhenDenied(() -> fixtures.scalar("SELECT count(*) FROM subscription"));
        m.op("GET /api/v1/webhook-subscriptions")
                .rule("a partner (its own only), admin (all)")
                .allow(PARTNER, ADMIN);
        m.op("GET /api/v1/webhook-subscriptions/{id}").path("id", subscription)
                .rule("the owning partner, admin; another partner 404")
                .allow(PARTNER, ADMIN);
        m.op("DELETE /api/v1/webhook-subscriptions/{id}")
                .pathPerCall("id", c -> Fixtures.subscribe(partner, FRESH_URL, List.of(JOINED), null).statusCode(201).extract().path("id"))
                .rule("the owning partner; another partner 404")
                .allow(PARTNER);
        m.op("POST /api/v1/webhook-subscriptions/{id}/secret-rotations").path("id", subscription)
                .rule("the owning partner; another partner 404")
                .allow(PARTNER)
                .unchangedWhenDenied(() -> fixtures.scalar("SELECT count(*) FROM signing_secret WHERE subscription_id = ?1", UUID.fromString(subscription)));
        m.op("POST /api/v1/webhook-subscriptions/{id}/resume").path("id", subscription)
                .rule("the owning partner; another partner 404")
                .allow(PARTNER);
        m.op("GET /api/v1/webhook-subscriptions/{id}/deliveries").path("id", subscription)
                .rule("the owning partner, admin; another partner 404")
                .allow(PARTNER, ADMIN);
        m.op("POST /api/v1/webhook-subscriptions/{id}/replays").path("id", subscription)
                .body("{\"from\":\"2026-11-29T00:00:00Z\",\"to\":\"2026-11-30T00:00:00Z\"}")
                .rule("the owning partner; another partner 404")
                .allow(PARTNER);
        m.op("POST /internal/dead-letters/{topic}/replay").path("topic", "partner.v1")
                .rule("admin (platform)")
                .allow(ADMIN);
        m.op("GET /internal/outbox/parked")
                .rule("admin (operators: events the broker kept refusing)").allow(ADMIN);
        m.op("POST /internal/outbox/unpark")
                .rule("admin (operators)").allow(ADMIN);
        m.op("GET /internal/projections/members/{id}").path("id", fixtures.member(org, "张三"))
                .rule("admin, partner (platform)")
                .allow(ADMIN, PARTNER);
        // last: it empties and rebuilds the projections the fixtures above wrote into
        m.op("POST /internal/projections/membership/rebuild")
                .rule("admin (operators)").allow(ADMIN);
        m.verify();
    }

    @Test
    void onePartnerCannotSeeOrTouchAnothers() {
        UUID org = fixtures.organization(null, "广东省总工会");
        UUID a = Fixtures.partner("甲银行", "FULL", org, List.of(JOINED));
        UUID b = Fixtures.partner("乙保险", "FULL", org, List.of(JOINED));
        String subA = Fixtures.subscribe(a, FRESH_URL, List.of(JOINED), null).statusCode(201).extract().path("id");
        Fixtures.subscribe(b, FRESH_URL, List.of(JOINED), null).statusCode(201);
        String asB = partnerToken(b);
        String base = "/api/v1/webhook-subscriptions/" + subA;

        given().auth().oauth2(asB).get(base).then().statusCode(404);
        given().auth().oauth2(asB).get(base + "/deliveries").then().statusCode(404);
        given().auth().oauth2(asB).post(base + "/secret-rotations").then().statusCode(404);
        given().auth().oauth2(asB).post(base + "/resume").then().statusCode(404);
        given().auth().oauth2(asB).contentType(ContentType.JSON)
                .body(Map.of("from", Instant.now().minusSeconds(60).toString(), "to", Instant.now().toString()))
                .post(base + "/replays").then().statusCode(404);
        given().auth().oauth2(asB).delete(base).then().statusCode(404);
        given().auth().oauth2(asB).get("/api/v1/partners/" + a).then().statusCode(404);
        given().auth().oauth2(asB).get("/api/v1/webhook-subscriptions").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].partnerId", equalTo(b.toString()));
        // A's subscription is still there and still A's
        given().auth().oauth2(partnerToken(a)).get(base).then().statusCode(200).body("partnerId", equalTo(a.toString()));
        // a partner token without a partnerId claim, or naming no partner, subscribes nothing
        given().auth().oauth2(DevTokens.role("partner")).contentType(ContentType.JSON)
                .body(Map.of("url", FRESH_URL, "eventTypes", List.of(JOINED))).post("/api/v1/webhook-subscriptions").then().statusCode(403);
        given().auth().oauth2(partnerToken(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("url", FRESH_URL, "eventTypes", List.of(JOINED))).post("/api/v1/webhook-subscriptions").then().statusCode(403);
    }
}
