package org.unionhub.venue.checkin;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.venue.Fixtures;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.unionhub.venue.Fixtures.book;
import static org.unionhub.venue.Fixtures.member;
import static org.unionhub.venue.Fixtures.staff;

@QuarkusTest
class CheckinResourceTest {

    @Inject
    Fixtures fixtures;

    private static void register(UUID org, UUID venue, int count, String at) {
        staff(org).body("{\"count\":" + count + ",\"at\":\"" + at + "\"}").post("/api/v1/venues/" + venue + "/checkins")
                .then().statusCode(201).body("count", equalTo(count));
    }

    @Test
    void theXiliStreetCentreNetworkServed19000VisitsBetween20NovemberAnd31January() {
        UUID org = fixtures.org(null);
        UUID xili = Fixtures.venue(org, "SERVICE_CENTER", "STREET", null);
        UUID community = Fixtures.venue(org, "SHARED_HOME", "COMMUNITY", xili);
        UUID park = Fixtures.venue(org, "SHARED_HOME", "PARK", xili);
        // 2022-11-20 00:00 in Shenzhen is 2022-11-19T16:00Z; 2023-01-31 23:59 is 2023-01-31T15:59Z
        register(org, xili, 6_000, "2022-11-19T16:00:00Z");
        register(org, xili, 4_000, "2022-12-15T02:00:00Z");
        register(org, community, 5_000, "2023-01-10T08:00:00Z");
        register(org, park, 3_999, "2023-01-31T15:59:00Z");
        staff(org).body("{\"count\":1,\"at\":\"2023-01-20T03:00:00Z\"}").post("/api/v1/venues/" + park + "/checkins").then().statusCode(201);
        register(org, xili, 700, "2022-11-19T15:59:00Z");   // 19 November in Shenzhen: outside
        register(org, park, 300, "2023-01-31T16:00:00Z");   // 1 February in Shenzhen: outside
        staff(org).get("/api/v1/venues/" + xili + "/network/stats?from=2022-11-20&to=2023-01-31").then().statusCode(200)
                .body("total", equalTo(19_000))
                .body("byLevel.STREET", equalTo(10_000))
                .body("byLevel.COMMUNITY", equalTo(5_000))
                .body("byLevel.PARK", equalTo(4_000));
        staff(org).get("/api/v1/venues/" + xili + "/stats?from=2022-11-20&to=2023-01-31&groupBy=month").then().statusCode(200)
                .body("total", equalTo(10_000))
                .body("buckets.period", equalTo(java.util.List.of("2022-11", "2022-12")))
                .body("buckets.visits", equalTo(java.util.List.of(6_000, 4_000)));
        staff(org).get("/api/v1/venues/" + xili + "/stats?from=2022-11-19&to=2022-11-20&groupBy=day").then()
                .body("buckets.period", equalTo(java.util.List.of("2022-11-19", "2022-11-20")))
                .body("buckets.visits", equalTo(java.util.List.of(700, 6_000)));
        staff(org).get("/api/v1/venues/" + xili + "/stats?groupBy=week").then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        staff(fixtures.org(null)).get("/api/v1/venues/" + xili + "/stats").then().statusCode(403);
        Fixtures.as(DevTokens.role("partner")).get("/api/v1/venues/" + xili + "/network/stats?from=2022-11-20&to=2023-01-31")
                .then().statusCode(200).body("total", equalTo(19_000));
    }

    @Test
    void aBookedMembersCheckInMarksTheBookingAttended() {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.busyVenue(org);
        UUID activity = Fixtures.activity(org, venue, 5, false, Duration.ofMinutes(30));
        UUID m = UUID.randomUUID();
        UUID booking = UUID.fromString(book(activity, m).then().statusCode(201).extract().path("id"));
        member(m).body("{\"memberId\":\"" + m + "\"}").post("/api/v1/venues/" + venue + "/checkins").then().statusCode(201)
                .body("attendedBookingId", equalTo(booking.toString())).body("count", equalTo(1));
        assertThat(fixtures.bookingStatus(booking)).isEqualTo("ATTENDED");
    }

    @Test
    void membersCheckInOnlyThemselvesAndHeadCountsAreForStaff() {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.venue(org, "OUTDOOR_STATION", "COMMUNITY", null);
        UUID m = UUID.randomUUID();
        member(m).body("{\"memberId\":\"" + UUID.randomUUID() + "\"}").post("/api/v1/venues/" + venue + "/checkins").then().statusCode(403);
        member(m).body("{\"count\":5}").post("/api/v1/venues/" + venue + "/checkins").then().statusCode(403);
        member(m).body("{\"memberId\":\"" + m + "\",\"at\":\"2022-01-01T00:00:00Z\"}").post("/api/v1/venues/" + venue + "/checkins").then().statusCode(403);
        member(m).body("{\"memberId\":\"" + m + "\"}").post("/api/v1/venues/" + venue + "/checkins").then().statusCode(201)
                .body("attendedBookingId", equalTo(null));
        staff(org).body("{}").post("/api/v1/venues/" + venue + "/checkins").then().statusCode(400).body("errors[0].field", equalTo("memberId"));
        staff(org).body("{\"count\":0}").post("/api/v1/venues/" + venue + "/checkins").then().statusCode(400).body("errors[0].field", equalTo("count"));
        staff(org).body("{\"memberId\":\"" + m + "\",\"count\":3}").post("/api/v1/venues/" + venue + "/checkins").then().statusCode(400);
        staff(fixtures.org(null)).body("{\"count\":5}").post("/api/v1/venues/" + venue + "/checkins").then().statusCode(403);
    }
}
