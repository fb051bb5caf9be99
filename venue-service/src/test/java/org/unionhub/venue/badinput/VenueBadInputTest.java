package org.unionhub.venue.badinput;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.fuzz.BadInputCampaign;
import org.unionhub.infra.fuzz.RowCounts;
import org.unionhub.venue.Fixtures;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.unionhub.venue.Fixtures.as;
import static org.unionhub.venue.Fixtures.staff;

/**
 * Generated bad input against every operation of venue-service's OpenAPI document (issue 16): never a 5xx, every
 * 4xx problem+json, nothing written on a 4xx. Path values point at real records so that mutations reach validation.
 */
@QuarkusTest
class VenueBadInputTest {

    static final int CASES = Integer.getInteger("unionhub.bad-input.cases", 2_100);
    private static final String ADMIN = DevTokens.role("admin");

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    Fixtures fixtures;

    @Test
    void generatedBadInputNeverAnswers5xxAndWritesNothingWhenRefused() {
        UUID ancestor = fixtures.org(null);
        UUID org = fixtures.org(ancestor);
        UUID member = fixtures.member(org, "ACTIVE");
        String budget = as(ADMIN).body("{\"year\":2031,\"amount\":\"1000.00\",\"organizationId\":\"" + ancestor + "\"}")
                .post("/api/v1/subsidy-budgets").then().statusCode(201).extract().path("id");
        UUID venue = Fixtures.venue(org, "CULTURAL_PALACE", "COUNTY", null);
        UUID activity = Fixtures.activity(org, venue, 100, false, Duration.ofDays(10));
        String booking = Fixtures.book(activity, member).then().statusCode(201).extract().path("id");
        String subsidy = staff(org).body("{\"venueId\":\"" + venue + "\",\"kind\":\"NEW\",\"requestedAmount\":\"1000.00\","
                + "\"description\":\"新建\",\"year\":2023}").post("/api/v1/construction-subsidies").then().statusCode(201)
                .extract().path("id");
        Instant start = Instant.now().plus(Duration.ofDays(20));
        String finance = DevTokens.role("finance");

        BadInputCampaign.forService("venue")
                .baseUri(base)
                .cases(CASES)
                .token(key -> key.equals("POST /api/v1/subsidies/{id}/payment") ? finance : ADMIN)
                .pathValue("id", venue)
                .pathValue("/api/v1/activities/", "id", activity)
                .pathValue("/api/v1/bookings/", "id", booking)
                .pathValue("/api/v1/subsidy-budgets/", "id", budget)
                .pathValue("/api/v1/construction-subsidies/", "id", subsidy)
                .pathValue("/api/v1/subsidies/", "id", subsidy)
                .pathValue("/internal/projections/", "id", member)
                .pathValue("memberId", member)
                .pathValue("topic", "venue.v1")
                .queryValue("organizationId", org)
                .queryValue("from", "2023-01-01")
                .queryValue("to", "2023-01-31")
                .queryValue("year", 2023)
                .queryValue("lat", "22.58")
                .queryValue("lon", "113.95")
                .body("POST /api/v1/venues", Fixtures.venueJson("驿站", "OUTDOOR_STATION", "STREET", venue, org, 22.5, 113.9,
                        "[]", "{}"))
                .body("POST /api/v1/venues/{id}/activities", "{\"title\":\"法律咨询日\",\"startsAt\":\"" + start
                        + "\",\"endsAt\":\"" + start.plusSeconds(3600) + "\",\"capacity\":10}")
                .body("POST /api/v1/activities/{id}/bookings", "{\"memberId\":\"" + member + "\"}")
                .body("POST /api/v1/venues/{id}/checkins", "{\"memberId\":\"" + member + "\"}")
                .body("POST /api/v1/construction-subsidies", "{\"venueId\":\"" + venue
                        + "\",\"kind\":\"EXPANSION\",\"requestedAmount\":\"1000.00\",\"description\":\"扩建\",\"year\":2023}")
                .body("POST /api/v1/subsidy-budgets", "{\"year\":2032,\"amount\":\"500000.00\",\"organizationId\":\"" + org + "\"}")
                .rowCounts(RowCounts.of(dataSource))
                .verify();
    }
}
