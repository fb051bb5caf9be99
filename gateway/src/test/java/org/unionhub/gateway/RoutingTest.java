package org.unionhub.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class RoutingTest {

    private final String staff = DevTokens.staff(UUID.randomUUID());

    private String serviceOf(String path) {
        return given().auth().oauth2(staff).get(path).then().statusCode(200).extract().path("service");
    }

    @Test
    void eachPrefixGoesToItsService() {
        UUID id = UUID.randomUUID();
        assertThat(serviceOf("/api/v1/organizations/" + id)).isEqualTo("membership");
        assertThat(serviceOf("/api/v1/member-imports")).isEqualTo("membership");
        assertThat(serviceOf("/api/v1/cards/" + id)).isEqualTo("membership");
        assertThat(serviceOf("/api/v1/bookings")).isEqualTo("venue");
        assertThat(serviceOf("/api/v1/subsidy-budgets")).isEqualTo("venue");
        assertThat(serviceOf("/api/v1/hardship-files")).isEqualTo("assistance");
        assertThat(serviceOf("/api/v1/audit")).isEqualTo("assistance");
        assertThat(serviceOf("/api/v1/competitions/" + id + "/entries")).isEqualTo("competition");
        assertThat(serviceOf("/api/v1/partners/" + id)).isEqualTo("partner");
        assertThat(serviceOf("/api/v1/webhook-subscriptions/" + id + "/deliveries")).isEqualTo("partner");
    }

    @Test
    void perMemberSubResourcesGoToTheServiceThatOwnsThem() {
        UUID id = UUID.randomUUID();
        assertThat(serviceOf("/api/v1/members/" + id)).isEqualTo("membership");
        assertThat(serviceOf("/api/v1/members/" + id + "/cards")).isEqualTo("membership");
        assertThat(serviceOf("/api/v1/members/" + id + "/bookings")).isEqualTo("venue");
        assertThat(serviceOf("/api/v1/members/" + id + "/applications")).isEqualTo("assistance");
        assertThat(serviceOf("/api/v1/members/" + id + "/assistance")).isEqualTo("assistance");
        assertThat(serviceOf("/api/v1/members/" + id + "/competition-results")).isEqualTo("competition");
    }

    @Test
    void aPrefixMatchesWholeSegmentsOnly() {
        given().auth().oauth2(staff).get("/api/v1/membersX")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://unionhub.org/problems/not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/membersX"));
    }

    @Test
    void queryAndBodyStreamThroughUnchanged() {
        FakeService membership = FakeServices.get("membership");
        String body = "{\"name\":\"张三\",\"note\":\"外卖骑手\"}";
        given().urlEncodingEnabled(false).auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                .post("/api/v1/members?source=app&q=%E5%BC%A0")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/members?source=app&q=%E5%BC%A0"))
                .body("bodyLength", equalTo(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length))
                .body("text", equalTo("工会会员服务"));
        assertThat(membership.lastHeaders().get("Authorization")).isEqualTo("Bearer " + staff);
    }

    @Test
    void aWellFormedRequestIdIsKeptBothWays() {
        String id = "req-" + UUID.randomUUID();
        given().auth().oauth2(staff).header("X-Request-Id", id).get("/api/v1/venues/x/reviews")
                .then().statusCode(200).header("X-Request-Id", equalTo(id));
        assertThat(FakeServices.get("venue").lastHeaders().get("X-Request-Id")).isEqualTo(id);
    }

    @Test
    void aMissingOrMalformedRequestIdIsReplacedByAFreshOne() {
        String sent = given().auth().oauth2(staff).get("/api/v1/activities")
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        assertThat(FakeServices.get("venue").lastHeaders().get("X-Request-Id")).isEqualTo(sent);

        String replaced = given().auth().oauth2(staff).header("X-Request-Id", "a b<script>").get("/api/v1/activities")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(replaced).matches("[0-9a-f-]{36}");
        assertThat(FakeServices.get("venue").lastHeaders().get("X-Request-Id")).isEqualTo(replaced);
    }

    @Test
    void traceparentPassesToTheServiceAndBack() {
        String tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().auth().oauth2(staff).header("traceparent", tp).get("/api/v1/evaluations")
                .then().statusCode(200).header("traceparent", equalTo(tp));
        assertThat(FakeServices.get("venue").lastHeaders().get("traceparent")).isEqualTo(tp);

        String started = given().auth().oauth2(staff).get("/api/v1/evaluations")
                .then().statusCode(200).extract().header("traceparent");
        assertThat(started).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(FakeServices.get("venue").lastHeaders().get("traceparent")).isEqualTo(started);
    }

    @Test
    void identityHeadersFromTheClientNeverReachAService() {
        given().auth().oauth2(staff)
                .header("X-User-Id", "admin").header("X-Roles", "admin").header("X-Member-Id", UUID.randomUUID().toString())
                .get("/api/v1/programs")
                .then().statusCode(200);
        FakeService assistance = FakeServices.get("assistance");
        assertThat(assistance.lastHeaders()).doesNotContainKeys("X-User-Id", "X-Roles", "X-Member-Id");
        assertThat(assistance.lastHeaders()).containsKeys("X-Forwarded-For", "Authorization");
    }

    @Test
    void hopByHopHeadersStopAtTheGateway() {
        given().auth().oauth2(staff)
                .header("Connection", "keep-alive, X-Hop-Secret")
                .header("X-Hop-Secret", "for the gateway only")
                .header("Keep-Alive", "timeout=5")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .header("TE", "trailers")
                .header("X-Kept", "yes")
                .get("/api/v1/programs")
                .then().statusCode(200);
        FakeService assistance = FakeServices.get("assistance");
        assertThat(assistance.lastHeaders()).doesNotContainKeys("X-Hop-Secret", "Keep-Alive", "Proxy-Authorization", "TE");
        assertThat(assistance.lastHeaders()).containsEntry("X-Kept", "yes").containsKeys("X-Request-Id", "Authorization");
    }

    @Test
    void securityHeadersAndNoServerBanner() {
        given().auth().oauth2(staff).get("/api/v1/legal-cases")
                .then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Server", nullValue())
                .header("Strict-Transport-Security", nullValue());
        given().auth().oauth2(staff).header("X-Forwarded-Proto", "https").get("/api/v1/legal-cases")
                .then().statusCode(200)
                .header("Strict-Transport-Security", matchesPattern("max-age=\\d+.*"));
        given().get("/q/health/live").then().statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void pathsWithDotSegmentsAreRefused() {
        given().urlEncodingEnabled(false).get("/api/v1/venues/../members/" + UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json");
    }
}
