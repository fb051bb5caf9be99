package org.unionhub.venue.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.access.AccessMatrix;
import org.unionhub.infra.access.CallerTokens;
import org.unionhub.venue.Fixtures;
import org.unionhub.venue.booking.Activity;
import org.unionhub.venue.booking.Booking;
import org.unionhub.venue.checkin.Checkin;
import org.unionhub.venue.subsidy.Evaluation;
import org.unionhub.venue.subsidy.Subsidy;
import org.unionhub.venue.subsidy.SubsidyBudget;
import org.unionhub.venue.site.Venue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.unionhub.infra.access.Caller.ADMIN;
import static org.unionhub.infra.access.Caller.ANCESTOR_STAFF;
import static org.unionhub.infra.access.Caller.FINANCE;
import static org.unionhub.infra.access.Caller.PARTNER;
import static org.unionhub.infra.access.Caller.SELF;
import static org.unionhub.infra.access.Caller.SUBTREE_STAFF;
import static org.unionhub.venue.Fixtures.as;
import static org.unionhub.venue.Fixtures.staff;

/**
 * Every operation of venue-service's OpenAPI document, tried as each of the eleven kinds of caller (issue 13). The
 * records belong to "subtree" (a union under "ancestor", beside "sibling"); "self" is an active member of the
 * subtree; "ancestor" holds the year's subsidy budget, so its staff are the federation above the venues.
 */
@QuarkusTest
class VenueAccessMatrixTest {

    private static final String ADMIN_TOKEN = DevTokens.role("admin");
    private static final String SCORES = "{\"SERVICE_DELIVERY\":28,\"ACTIVITY_COUNT\":19,\"VISITS\":18,\"MANAGEMENT\":14,\"SAFETY\":14}";

    @Inject
    Fixtures fixtures;

    private UUID subtree;

    @Test
    void everyOperationRefusesEveryCallerItDoesNotName() {
        UUID ancestor = fixtures.org(null);
        subtree = fixtures.org(ancestor);
        UUID sibling = fixtures.org(ancestor);
        UUID self = fixtures.member(subtree, "ACTIVE");
        UUID other = fixtures.member(sibling, "ACTIVE");
        as(ADMIN_TOKEN).body("{\"year\":2023,\"amount\":\"100000000.00\",\"organizationId\":\"" + ancestor + "\"}")
                .post("/api/v1/subsidy-budgets").then().statusCode(201);
        String budget = as(ADMIN_TOKEN).body("{\"year\":2030,\"amount\":\"1000.00\",\"organizationId\":\"" + ancestor + "\"}")
                .post("/api/v1/subsidy-budgets").then().statusCode(201).extract().path("id");

        UUID venue = Fixtures.venue(subtree, "CULTURAL_PALACE", "COUNTY", null);
        UUID busy = Fixtures.busyVenue(subtree);
        UUID activity = Fixtures.activity(subtree, venue, 100, false, Duration.ofDays(10));
        UUID booking = startedBooking(busy, self);
        String evaluation = as(ADMIN_TOKEN).body(evaluationBody(palace())).post("/api/v1/evaluations")
                .then().statusCode(201).extract().path("id");
        String subsidy = submitted(venue);

        AccessMatrix m = AccessMatrix.forService("venue")
                .callers(CallerTokens.standard(self, other, subtree, sibling, ancestor));

        // venues
        m.op("POST /api/v1/venues").body(Fixtures.venueJson("驿站", "OUTDOOR_STATION", "STREET", venue, subtree, 22.5, 113.9, "[]", "{}"))
                .rule("staff of the venue's organization or above, admin; a parent venue must be inside the caller's subtree too")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> count(() -> Venue.count("organizationId", subtree)));
        m.op("GET /api/v1/venues").query("organizationId", subtree).rule("public").allowAll();
        m.op("GET /api/v1/venues/{id}").path("id", venue).rule("public").allowAll();
        m.op("PATCH /api/v1/venues/{id}").path("id", venue).body("{\"name\":\"工人文化宫\",\"amenities\":[\"WIFI\"]}")
                .rule("staff of the venue's organization or above, admin; a new parent venue or organization inside the caller's subtree too")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> count(() -> ((Venue) Venue.findById(venue)).version));
        m.op("POST /api/v1/venues/{id}/closure").pathPerCall("id", c -> Fixtures.venue(subtree, "SHARED_HOME", "COMMUNITY", null))
                .body("{\"reason\":\"迁址\"}")
                .rule("staff of the venue's organization or above, admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> count(() -> Venue.count("organizationId = ?1 and status = ?2", subtree, Venue.Status.CLOSED)));
        m.op("GET /api/v1/venues/{id}/network").path("id", venue).rule("public").allowAll();

        // activities and bookings
        Instant start = Instant.now().plus(Duration.ofDays(20));
        m.op("POST /api/v1/venues/{id}/activities").path("id", busy)
                .body("{\"title\":\"法律咨询日\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(3600) + "\",\"capacity\":10}")
                .rule("staff of the venue's organization or above, admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> count(() -> Activity.count("venueId", busy)));
        m.op("GET /api/v1/venues/{id}/activities").path("id", venue).rule("public").allowAll();
        m.op("GET /api/v1/activities/{id}").path("id", activity).rule("public").allowAll();
        m.op("POST /api/v1/activities/{id}/bookings").path("id", activity).body("{\"memberId\":\"" + self + "\"}")
                .rule("the member himself; staff whose subtree holds the member (for him, at any venue); admin")
                .allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> count(() -> Booking.count("memberId", self)));
        m.op("GET /api/v1/bookings/{id}").path("id", booking)
                .rule("the member himself, staff of the venue's organization or above, admin")
                .allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("DELETE /api/v1/bookings/{id}").pathPerCall("id", c -> startedBooking(busy, self))
                .rule("the member himself, staff of the venue's organization or above, admin")
                .allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> count(() -> Booking.count("memberId = ?1 and status = ?2", self, Booking.Status.CANCELLED)));
        m.op("GET /api/v1/members/{memberId}/bookings").path("memberId", self)
                .rule("the member himself, staff whose subtree holds him, admin")
                .allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);

        // visits
        m.op("POST /api/v1/venues/{id}/checkins").path("id", venue).body("{\"memberId\":\"" + self + "\"}")
                .rule("the member himself; staff of the venue's organization or above for anyone, head counts and past times; admin")
                .allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> count(() -> Checkin.count("venueId", venue)));
        m.op("GET /api/v1/venues/{id}/stats").path("id", venue).query("from", "2023-01-01").query("to", "2023-01-31")
                .rule("staff of the venue's organization or above, admin, partner")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN, PARTNER);
        m.op("GET /api/v1/venues/{id}/network/stats").path("id", venue).query("from", "2023-01-01").query("to", "2023-01-31")
                .rule("staff of the venue's organization or above, admin, partner")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN, PARTNER);

        // evaluations, budgets and subsidies
        m.op("POST /api/v1/subsidy-budgets")
                .body(c -> "{\"year\":" + (2040 + c.ordinal()) + ",\"amount\":\"500000.00\",\"organizationId\":\"" + subtree + "\"}")
                .rule("staff of a federation strictly above the budget's organization, admin (an organization does not set its own budget)")
                .allow(ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> count(() -> SubsidyBudget.count()));
        m.op("GET /api/v1/subsidy-budgets/{id}").path("id", budget)
                .rule("staff of the budget's organization or above, admin, finance, partner")
                .allow(ANCESTOR_STAFF, ADMIN, FINANCE, PARTNER);
        m.op("POST /api/v1/evaluations").body(c -> evaluationBody(palace()))
                .rule("staff of a federation strictly above the venue's organization that covers the funding budget's organization, admin")
                .allow(ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> count(() -> Evaluation.count()));
        m.op("GET /api/v1/evaluations/{id}").path("id", evaluation)
                .rule("staff of the venue's organization or above, admin, finance, partner")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN, FINANCE, PARTNER);
        m.op("POST /api/v1/construction-subsidies")
                .body("{\"venueId\":\"" + venue + "\",\"kind\":\"EXPANSION\",\"requestedAmount\":\"1000.00\",\"description\":\"扩建\",\"year\":2023}")
                .rule("staff of the venue's organization or above, admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> count(() -> Subsidy.count()));
        m.op("POST /api/v1/construction-subsidies/{id}/approval").pathPerCall("id", c -> submitted(venue))
                .body("{\"amount\":\"1000.00\"}")
                .rule("staff of a federation strictly above the venue's organization that covers the funding budget's organization, admin")
                .allow(ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> count(() -> Subsidy.count("status", Subsidy.Status.APPROVED)));
        m.op("POST /api/v1/construction-subsidies/{id}/rejection").pathPerCall("id", c -> submitted(venue))
                .body("{\"reason\":\"材料不全\"}")
                .rule("staff of a federation strictly above the venue's organization, admin")
                .allow(ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> count(() -> Subsidy.count("status", Subsidy.Status.REJECTED)));
        m.op("POST /api/v1/subsidies/{id}/payment").pathPerCall("id", c -> approved(venue))
                .body("{\"paymentReference\":\"FIN-2023-0042\"}")
                .rule("finance, not someone who asked for or committed the money")
                .allow(FINANCE)
                .unchangedWhenDenied(() -> count(() -> Subsidy.count("status", Subsidy.Status.PAID)));
        m.op("GET /api/v1/subsidies/{id}").path("id", subsidy)
                .rule("staff of the venue's organization or above, admin, finance, partner")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN, FINANCE, PARTNER);
        m.op("GET /api/v1/subsidies").query("year", 2023).query("organizationId", subtree)
                .rule("staff for their subtree, admin, finance, partner")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN, FINANCE, PARTNER);

        // the platform's operations
        m.op("POST /internal/dead-letters/{topic}/replay").path("topic", "venue.v1")
                .rule("admin (operators)").allow(ADMIN);
        m.op("GET /internal/outbox/parked")
                .rule("admin (operators: events the broker kept refusing)").allow(ADMIN);
        m.op("POST /internal/outbox/unpark")
                .rule("admin (operators)").allow(ADMIN);
        m.op("GET /internal/projections/members/{id}").path("id", self)
                .rule("admin, partner").allow(ADMIN, PARTNER);
        // last: it empties and rebuilds the projections the fixtures above wrote into
        m.op("POST /internal/projections/membership/rebuild")
                .rule("admin (operators)").allow(ADMIN);
        m.verify();
    }

    private String evaluationBody(UUID palace) {
        return "{\"venueId\":\"" + palace + "\",\"year\":2023,\"scores\":" + SCORES + "}";
    }

    /** A fresh county cultural palace of the subtree: one evaluation per venue and year. */
    private UUID palace() {
        return Fixtures.venue(subtree, "CULTURAL_PALACE", "COUNTY", null);
    }

    private static String submitted(UUID venue) {
        return staff(venueOrganization(venue)).body("{\"venueId\":\"" + venue + "\",\"kind\":\"NEW\",\"requestedAmount\":\"1000.00\","
                + "\"description\":\"新建\",\"year\":2023}").post("/api/v1/construction-subsidies").then().statusCode(201).extract().path("id");
    }

    private static String approved(UUID venue) {
        String id = submitted(venue);
        as(ADMIN_TOKEN).body("{\"amount\":\"1000.00\"}").post("/api/v1/construction-subsidies/" + id + "/approval").then().statusCode(200);
        return id;
    }

    private static UUID venueOrganization(UUID venue) {
        return QuarkusTransaction.requiringNew().call(() -> ((Venue) Venue.findById(venue)).organizationId);
    }

    /** A confirmed booking of the member's for an activity that has just started (it counts against no cap). */
    private static UUID startedBooking(UUID venue, UUID member) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            Activity a = new Activity();
            a.id = UUID.randomUUID();
            a.venueId = venue;
            a.title = "正在进行的活动";
            a.startsAt = now.minusSeconds(60);
            a.endsAt = now.plusSeconds(3600);
            a.capacity = 10;
            a.status = Activity.Status.SCHEDULED;
            a.createdBy = "test";
            a.createdAt = now;
            a.persist();
            Booking b = new Booking();
            b.id = UUID.randomUUID();
            b.activityId = a.id;
            b.memberId = member;
            b.status = Booking.Status.CONFIRMED;
            b.bookedAt = now.minusSeconds(3600);
            b.bookedBy = "test";
            b.confirmedAt = b.bookedAt;
            b.persist();
            return b.id;
        });
    }

    private static Object count(Callable<Object> query) {
        return QuarkusTransaction.requiringNew().call(query);
    }
}
