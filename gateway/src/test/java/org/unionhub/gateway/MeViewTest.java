package org.unionhub.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class MeViewTest {

    private final UUID memberId = UUID.randomUUID();
    private final UUID orgId = UUID.randomUUID();
    private final String token = DevTokens.member(memberId);

    @BeforeEach
    void profileAndOrganization() {
        FakeServices.get("membership").answer("/api/v1/", req -> {
            JsonObject body;
            if (req.path().equals("/api/v1/members/" + memberId)) {
                body = new JsonObject().put("memberId", memberId.toString()).put("name", "张三")
                        .put("residentIdNumber", "110101199003071234").put("phone", "13812345678")
                        .put("organizationId", orgId.toString()).put("status", "ACTIVE");
            } else if (req.path().equals("/api/v1/organizations/" + orgId)) {
                body = new JsonObject().put("organizationId", orgId.toString()).put("name", "朝阳区快递行业工会");
            } else {
                body = new JsonObject().put("service", "membership").put("uri", req.uri());
            }
            req.response().putHeader("Content-Type", "application/json").end(body.encode());
        });
        // a hanging assistance times out twice per view (applications and relief), which opens its breaker for a
        // second (FakeServices: 2 failures in 4): each test starts once the view is whole again
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().auth().oauth2(token).get("/api/v1/me").jsonPath().getList("unavailable").isEmpty());
    }

    @AfterEach
    void heal() {
        FakeServices.get("membership").reset();
        FakeServices.get("assistance").reset();
    }

    @Test
    void allPartsInOneAnswerWithTheProfileMasked() {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        JsonPath me = given().auth().oauth2(token).get("/api/v1/me")
                .then().statusCode(200).contentType("application/json")
                .body("unavailable.size()", equalTo(0))
                .extract().jsonPath();
        assertThat(me.getString("memberId")).isEqualTo(memberId.toString());
        assertThat(me.getString("profile.name")).isEqualTo("张三");
        assertThat(me.getString("profile.residentIdNumber")).isEqualTo("110***********1234");
        assertThat(me.getString("profile.phone")).isEqualTo("138****5678");
        assertThat(me.getString("organization.name")).isEqualTo("朝阳区快递行业工会");
        assertThat(me.getString("cards.uri")).isEqualTo("/api/v1/members/" + memberId + "/cards");
        assertThat(me.getString("savings.uri")).isEqualTo("/api/v1/members/" + memberId + "/savings?year=" + year);
        assertThat(me.getString("honors.uri")).isEqualTo("/api/v1/members/" + memberId + "/honors");
        assertThat(me.getString("upcomingBookings.service")).isEqualTo("venue");
        assertThat(me.getString("upcomingBookings.uri")).isEqualTo("/api/v1/members/" + memberId + "/bookings?upcoming=true");
        assertThat(me.getString("openApplications.service")).isEqualTo("assistance");
        assertThat(me.getString("openApplications.uri")).isEqualTo("/api/v1/members/" + memberId + "/applications?open=true");
        assertThat(me.getString("relief.service")).isEqualTo("assistance");
        assertThat(me.getString("relief.uri")).isEqualTo("/api/v1/members/" + memberId + "/relief?year=" + year);
        assertThat(me.getString("openDemands.service")).isEqualTo("membership");
        assertThat(me.getString("openDemands.uri")).isEqualTo("/api/v1/members/" + memberId + "/demands?open=true");
        assertThat(me.getString("competitionResults.service")).isEqualTo("competition");
        // each service got the member's own token, so it decides what he may see
        assertThat(FakeServices.get("venue").lastHeaders().get("Authorization")).isEqualTo("Bearer " + token);
        assertThat(FakeServices.get("competition").lastHeaders().get("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void aStoppedServiceIsListedAsUnavailableNeverA500() {
        FakeService competition = FakeServices.get("competition");
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200); // warm, so the timing below is the gateway's
        competition.stop();
        try {
            long start = System.nanoTime();
            JsonPath me = given().auth().oauth2(token).get("/api/v1/me")
                    .then().statusCode(200)
                    .extract().jsonPath();
            // far below the 4 s budget on an idle machine; the bound only tells a refusal from a hang (30 s)
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000L);
            assertThat(me.getList("unavailable")).containsExactly("competitionResults");
            assertThat(me.getString("competitionResults")).isNull();
            assertThat(me.getString("profile.name")).isEqualTo("张三");
            assertThat(me.getString("upcomingBookings.service")).isEqualTo("venue");
        } finally {
            competition.start();
        }
    }

    @Test
    void aSlowServiceIsCutOffAtTheShortTimeout() {
        FakeServices.get("assistance").mode(FakeService.Mode.HANG);
        long start = System.nanoTime();
        JsonPath me = given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).extract().jsonPath();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(ms).as("me timeout is 4 s in tests, the service would answer after 30 s").isBetween(3_500L, 15_000L);
        assertThat(me.getList("unavailable")).containsExactlyInAnyOrder("openApplications", "relief");
        assertThat(me.getString("cards.uri")).isNotNull();
    }

    @Test
    void nearbyPassesToTheVenueSearchWithTheDefaultRadius() {
        given().auth().oauth2(token).get("/api/v1/me/nearby?lat=39.9087&lon=116.3975")
                .then().statusCode(200)
                .body("service", equalTo("venue"))
                .body("uri", equalTo("/api/v1/venues?near=39.9087,116.3975&radiusKm=5"));
        given().auth().oauth2(token).get("/api/v1/me/nearby?lat=abc&lon=116.3975")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("lat"));
        given().auth().oauth2(token).get("/api/v1/me/nearby?lat=39.9&lon=200")
                .then().statusCode(400).body("errors[0].field", equalTo("lon"));
    }

    @Test
    void aMemberTokenWithoutMemberIdIsForbidden() {
        String noId = DevTokens.token("member-x", java.util.Set.of("member"), null, null, java.time.Duration.ofHours(1));
        given().auth().oauth2(noId).get("/api/v1/me").then().statusCode(403).contentType("application/problem+json");
    }
}
