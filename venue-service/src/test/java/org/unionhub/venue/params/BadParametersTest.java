package org.unionhub.venue.params;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.unionhub.venue.Fixtures;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.unionhub.venue.Fixtures.anonymous;
import static org.unionhub.venue.Fixtures.member;
import static org.unionhub.venue.Fixtures.staff;

/**
 * Malformed or out-of-bounds path, query and body values are a 400 problem naming them (issue 16, item 2): the stats
 * with {@code to=+999999999-12-31} and a check-in {@code at} far in the past answered 500; a malformed id, enum,
 * number or date in the path or query answered 404.
 */
@QuarkusTest
class BadParametersTest {

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    @Test
    void statsWithADateInTheYear999999999IsA400NamingTo() {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.venue(org, "SERVICE_CENTER", "STREET", null);
        refused(staff(org).queryParam("to", "+999999999-12-31").get("/api/v1/venues/" + venue + "/stats").then(), "to");
        refused(staff(org).queryParam("from", "-999999999-01-01").queryParam("to", "2023-01-31")
                .get("/api/v1/venues/" + venue + "/network/stats").then(), "from");
        refused(staff(org).queryParam("from", "2023-02-30").get("/api/v1/venues/" + venue + "/stats").then(), "from")
                .body("errors[0].message", startsWith("is not a date"));
        refused(staff(org).queryParam("from", "2023-01-31").queryParam("to", "2023-01-01").get("/api/v1/venues/" + venue + "/stats").then(), "to");
        staff(org).queryParam("from", "2022-11-20").queryParam("to", "2023-01-31").get("/api/v1/venues/" + venue + "/stats")
                .then().statusCode(200);
    }

    @Test
    void aCheckinAtFarInThePastIsA400AndRecordsNothing() {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.venue(org, "SERVICE_CENTER", "STREET", null);
        long before = checkins(venue);
        for (String at : new String[]{"-999999999-01-01T00:00:00Z", "1000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z"}) {
            staff(org).body("{\"count\":3,\"at\":\"" + at + "\"}").post("/api/v1/venues/" + venue + "/checkins")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("at"));
        }
        assertThat(checkins(venue)).isEqualTo(before);
        staff(org).body("{\"count\":3,\"at\":\"2022-11-20T06:00:00Z\"}").post("/api/v1/venues/" + venue + "/checkins").then().statusCode(201);
    }

    @Test
    void aMalformedIdEnumNumberOrTimeIsA400NotA404() {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.venue(org, "SERVICE_CENTER", "STREET", null);
        refused(anonymous().get("/api/v1/venues/not-a-venue").then(), "id");
        refused(anonymous().get("/api/v1/venues/1-1-1-1-1").then(), "id");
        refused(anonymous().get("/api/v1/venues?kind=CASTLE").then(), "kind").body("errors[0].message", startsWith("must be one of"));
        refused(anonymous().get("/api/v1/venues?coordSystem=MERCATOR").then(), "coordSystem");
        refused(anonymous().get("/api/v1/venues?near=22.58,113.95&radiusKm=far").then(), "radiusKm");
        refused(anonymous().get("/api/v1/venues?openNow=maybe").then(), "openNow");
        refused(anonymous().get("/api/v1/venues?limit=2147483648").then(), "limit");
        refused(anonymous().get("/api/v1/venues?organizationId=xyz").then(), "organizationId");
        refused(anonymous().get("/api/v1/venues/" + venue + "/activities?from=tomorrow").then(), "from");
        refused(anonymous().get("/api/v1/venues/" + venue + "/activities?from=1000-01-01T00:00:00Z").then(), "from");
        UUID worker = fixtures.member(org, "ACTIVE");
        refused(member(worker).get("/api/v1/members/" + worker + "/bookings?upcoming=sometimes").then(), "upcoming");
        refused(member(worker).get("/api/v1/members/" + worker + "/bookings?cursor=%40%40%40").then(), "cursor");
        // a well-formed id of nothing stays a 404
        anonymous().get("/api/v1/venues/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aBodyOverOneMegabyteIsA413ProblemAndRecordsNothing() {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.venue(org, "SERVICE_CENTER", "STREET", null);
        long before = checkins(venue);
        String padding = "x".repeat(1_100_000);
        staff(org).body("{\"count\":3,\"note\":\"" + padding + "\"}").post("/api/v1/venues/" + venue + "/checkins")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://unionhub.org/problems/payload-too-large"));
        assertThat(checkins(venue)).isEqualTo(before);
    }

    private long checkins(UUID venue) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM checkin WHERE venue_id = ?1").setParameter(1, venue).getSingleResult()).longValue());
    }

    static ValidatableResponse refused(ValidatableResponse r, String parameter) {
        return r.statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(parameter));
    }
}
