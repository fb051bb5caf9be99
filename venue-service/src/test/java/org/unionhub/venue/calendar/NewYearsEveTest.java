package org.unionhub.venue.calendar;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.venue.Fixtures;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.unionhub.venue.Fixtures.staff;

/**
 * "Today", "this month" and "this year" are those of the business calendar (China Standard Time, UTC+8): one minute
 * before 16:00 UTC on 31 December it is still the old year in Beijing, one minute after it is already the new one. The
 * clock is fixed on both sides of that midnight, so the test does not depend on the day it runs.
 */
@QuarkusTest
class NewYearsEveTest {

    /** 23:59 on 31 December 2025 in Beijing. */
    private static final Instant OLD_YEAR = Instant.parse("2025-12-31T15:59:00Z");
    /** 00:00 on 1 January 2026 in Beijing, still 31 December in UTC. */
    private static final Instant NEW_YEAR = Instant.parse("2025-12-31T16:00:00Z");

    @Inject
    Fixtures fixtures;

    private static void clockAt(Instant instant) {
        QuarkusMock.installMockForType(BusinessClock.fixedAt(instant), BusinessClock.class);
    }

    @Test
    void aVisitAtMidnightInBeijingCountsInTheNewMonthAndTheDefaultRangeEndsOnTheBusinessToday() {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.venue(org, "SERVICE_CENTER", "STREET", null);

        clockAt(OLD_YEAR);
        staff(org).body("{\"count\":5}").post("/api/v1/venues/" + venue + "/checkins").then().statusCode(201)
                .body("occurredAt", equalTo("2025-12-31T15:59:00Z"));
        staff(org).get("/api/v1/venues/" + venue + "/stats?groupBy=month").then().statusCode(200)
                .body("to", equalTo("2025-12-31"))
                .body("buckets.period", equalTo(List.of("2025-12")))
                .body("buckets.visits", equalTo(List.of(5)));

        clockAt(NEW_YEAR);
        staff(org).body("{\"count\":7}").post("/api/v1/venues/" + venue + "/checkins").then().statusCode(201)
                .body("occurredAt", equalTo("2025-12-31T16:00:00Z"));
        staff(org).get("/api/v1/venues/" + venue + "/stats?groupBy=month").then().statusCode(200)
                .body("to", equalTo("2026-01-01"))
                .body("buckets.period", equalTo(List.of("2025-12", "2026-01")))
                .body("buckets.visits", equalTo(List.of(5, 7)));
        staff(org).get("/api/v1/venues/" + venue + "/stats?groupBy=day&from=2025-12-31").then().statusCode(200)
                .body("buckets.period", equalTo(List.of("2025-12-31", "2026-01-01")))
                .body("total", equalTo(12));
    }

    @Test
    void aConstructionSubsidyWithoutAYearIsForTheBusinessYearAndAVenueOpensOnTheBusinessToday() {
        UUID org = fixtures.org(null);
        String venueWithoutOpeningDate = Fixtures.venueJson("工人文化宫", "CULTURAL_PALACE", "COUNTY", null, org, 31.8, 117.2, "[]", "{}")
                .replace(",\"openedOn\":\"2022-11-20\"", "");

        clockAt(OLD_YEAR);
        String venue = staff(org).body(venueWithoutOpeningDate).post("/api/v1/venues").then().statusCode(201)
                .body("openedOn", equalTo("2025-12-31")).extract().path("id");
        submitWithoutYear(org, venue).then().statusCode(201).body("year", equalTo(2025));

        clockAt(NEW_YEAR);
        staff(org).body(venueWithoutOpeningDate).post("/api/v1/venues").then().statusCode(201).body("openedOn", equalTo("2026-01-01"));
        submitWithoutYear(org, venue).then().statusCode(201).body("year", equalTo(2026));
    }

    private static io.restassured.response.Response submitWithoutYear(UUID org, String venue) {
        return staff(org).body("{\"venueId\":\"" + venue + "\",\"kind\":\"EXPANSION\",\"requestedAmount\":\"1000.00\",\"description\":\"扩建\"}")
                .post("/api/v1/construction-subsidies");
    }
}
