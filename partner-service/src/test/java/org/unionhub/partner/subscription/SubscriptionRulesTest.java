package org.unionhub.partner.subscription;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.partner.Fixtures;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.unionhub.partner.Fixtures.CARD_ISSUED;
import static org.unionhub.partner.Fixtures.JOINED;

/** What a partner may subscribe: https endpoints, its allowed types, organizations within its subtree. */
@QuarkusTest
class SubscriptionRulesTest {

    @Inject
    Fixtures fixtures;

    @Test
    void anEndpointMustBeHttpsExceptLocalhostInTests() {
        UUID org = fixtures.organization(null, "山东省总工会");
        UUID p = Fixtures.partner("加油站", "NO_PERSONAL_DATA", org, List.of(JOINED));
        Fixtures.subscribe(p, "http://hooks.example.cn/x", List.of(JOINED), null).statusCode(400)
                .body("errors[0].field", equalTo("url"));
        Fixtures.subscribe(p, "ftp://hooks.example.cn/x", List.of(JOINED), null).statusCode(400)
                .body("errors[0].field", equalTo("url"));
        Fixtures.subscribe(p, "https://user:pw@hooks.example.cn/x", List.of(JOINED), null).statusCode(400)
                .body("errors[0].field", equalTo("url"));
        Fixtures.subscribe(p, "http://localhost:9/x", List.of(JOINED), null).statusCode(201)
                .body("secret", startsWith("whsec_"));
        Fixtures.subscribe(p, "https://hooks.example.cn/x", List.of(JOINED), null).statusCode(201);
    }

    @Test
    void typesMustBeAmongThePartnersAndTheOrganizationWithinItsSubtree() {
        UUID root = fixtures.organization(null, "全国总工会");
        UUID mine = fixtures.organization(root, "湖北省总工会");
        UUID below = fixtures.organization(mine, "武汉市总工会");
        UUID beside = fixtures.organization(root, "湖南省总工会");
        UUID p = Fixtures.partner("保险公司", "AGGREGATE_ONLY", mine, List.of(JOINED));
        Fixtures.subscribe(p, "https://h.example.cn/x", List.of(JOINED, CARD_ISSUED), null).statusCode(400)
                .body("errors[0].field", equalTo("eventTypes[1]"));
        Fixtures.subscribe(p, "https://h.example.cn/x", List.of(JOINED), beside).statusCode(400)
                .body("errors[0].field", equalTo("organizationId"));
        Fixtures.subscribe(p, "https://h.example.cn/x", List.of(JOINED), root).statusCode(400)
                .body("errors[0].field", equalTo("organizationId"));
        Fixtures.subscribe(p, "https://h.example.cn/x", List.of(JOINED), below).statusCode(201)
                .body("organizationId", equalTo(below.toString()));
    }

    @Test
    void aPartnerIsRegisteredWithKnownTypesAndTheSecretIsShownOnlyOnce() {
        io.restassured.RestAssured.given().auth().oauth2(Fixtures.admin()).contentType("application/json")
                .body("{\"name\":\"x\",\"contact\":\"y\",\"allowedEventTypes\":[\"org.unionhub.other.thing.done.v1\"],\"redaction\":\"FULL\"}")
                .post("/api/v1/partners").then().statusCode(400).body("errors[0].field", equalTo("allowedEventTypes[0]"));
        io.restassured.RestAssured.given().auth().oauth2(Fixtures.admin()).contentType("application/json")
                .body("{\"name\":\"x\",\"contact\":\"y\",\"allowedEventTypes\":[\"" + JOINED + "\"],\"redaction\":\"SOME\"}")
                .post("/api/v1/partners").then().statusCode(400);
        UUID p = Fixtures.partner("数据平台", "AGGREGATE_ONLY", null, List.of(JOINED));
        String id = Fixtures.subscribe(p, "https://h.example.cn/x", List.of(JOINED), null).statusCode(201).extract().path("id");
        io.restassured.RestAssured.given().auth().oauth2(Fixtures.partnerToken(p)).get("/api/v1/webhook-subscriptions/" + id)
                .then().statusCode(200).body("secret", nullValue()).body("status", equalTo("ACTIVE"));
    }
}
