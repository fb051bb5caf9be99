package org.unionhub.venue.booking;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.venue.Fixtures;

import java.time.Duration;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.unionhub.venue.Fixtures.member;
import static org.unionhub.venue.Fixtures.staff;

/**
 * Issue 13: staff book for a member only when their subtree holds him. Staff of a venue used to book anyone anywhere
 * into their activities: that fills the member's cap of future bookings, gets him banned after three no-shows, and
 * the 422 of a members-only activity told them his membership status.
 */
@QuarkusTest
class BookingScopeTest {

    @Inject
    Fixtures fixtures;

    @Test
    void staffBookForAMemberOnlyWhenTheirSubtreeHoldsHim() {
        UUID root = fixtures.org(null);
        UUID venueOrg = fixtures.org(root);
        UUID memberOrg = fixtures.org(root);
        UUID worker = fixtures.member(memberOrg, "SUSPENDED");
        UUID venue = Fixtures.venue(venueOrg, "SERVICE_CENTER", "STREET", null);
        UUID open = Fixtures.activity(venueOrg, venue, 5, false, Duration.ofDays(2));
        UUID membersOnly = Fixtures.activity(venueOrg, venue, 5, true, Duration.ofDays(3));

        staff(venueOrg).body("{\"memberId\":\"" + worker + "\"}").post("/api/v1/activities/" + open + "/bookings").then().statusCode(403);
        staff(venueOrg).body("{\"memberId\":\"" + worker + "\"}").post("/api/v1/activities/" + membersOnly + "/bookings")
                .then().statusCode(403).body("memberStatus", org.hamcrest.Matchers.nullValue());
        member(worker).get("/api/v1/members/" + worker + "/bookings").then().statusCode(200).body("items.size()", equalTo(0));

        // his own union (or one above it) may book for him at any venue
        staff(memberOrg).body("{\"memberId\":\"" + worker + "\"}").post("/api/v1/activities/" + open + "/bookings")
                .then().statusCode(201).body("memberId", equalTo(worker.toString()));
        staff(root).body("{\"memberId\":\"" + worker + "\"}").post("/api/v1/activities/" + membersOnly + "/bookings")
                .then().statusCode(422).body("memberStatus", equalTo("SUSPENDED"));
        member(worker).get("/api/v1/members/" + worker + "/bookings").then().statusCode(200).body("items.size()", equalTo(1));
    }
}
