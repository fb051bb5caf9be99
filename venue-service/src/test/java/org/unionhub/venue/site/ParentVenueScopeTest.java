package org.unionhub.venue.site;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.venue.Fixtures;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.unionhub.venue.Fixtures.anonymous;
import static org.unionhub.venue.Fixtures.as;
import static org.unionhub.venue.Fixtures.staff;
import static org.unionhub.venue.Fixtures.venueJson;

/**
 * Issue 13, finding 3: a venue's parent is a target like any other. Staff attach a venue only under a parent
 * venue whose organization they cover; otherwise a grassroots clerk could graft his venue into another
 * federation's "1+8+N" network and its counts and visit statistics.
 */
@QuarkusTest
class ParentVenueScopeTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aNewVenueGoesOnlyUnderAParentOfTheCallersSubtree() {
        UUID root = fixtures.org(null);
        UUID ours = fixtures.org(root);
        UUID theirs = fixtures.org(root);
        UUID foreignParent = Fixtures.venue(theirs, "SERVICE_CENTER", "DISTRICT", null);

        staff(ours).body(venueJson("嫁接的驿站", "OUTDOOR_STATION", "STREET", foreignParent, ours, 22.5, 113.9, "[]", "{}"))
                .post("/api/v1/venues").then().statusCode(403);
        anonymous().get("/api/v1/venues?organizationId=" + ours).then().statusCode(200).body("items.size()", equalTo(0));
        anonymous().get("/api/v1/venues/" + foreignParent + "/network").then().statusCode(200).body("total", equalTo(1));

        // the parent must exist
        staff(ours).body(venueJson("x", "OUTDOOR_STATION", "STREET", UUID.randomUUID(), ours, 22.5, 113.9, "[]", "{}"))
                .post("/api/v1/venues").then().statusCode(400).body("errors[0].field", equalTo("parentVenueId"));

        // staff above both organizations may build the network across them, and so may an admin
        staff(root).body(venueJson("驿站", "OUTDOOR_STATION", "STREET", foreignParent, ours, 22.5, 113.9, "[]", "{}"))
                .post("/api/v1/venues").then().statusCode(201).body("parentVenueId", equalTo(foreignParent.toString()));
        as(DevTokens.role("admin")).body(venueJson("驿站", "OUTDOOR_STATION", "STREET", foreignParent, ours, 22.5, 113.9, "[]", "{}"))
                .post("/api/v1/venues").then().statusCode(201);
        anonymous().get("/api/v1/venues/" + foreignParent + "/network").then().statusCode(200).body("total", equalTo(3));
    }

    @Test
    void aVenueMovesOnlyUnderAParentOfTheCallersSubtree() {
        UUID root = fixtures.org(null);
        UUID ours = fixtures.org(root);
        UUID theirs = fixtures.org(root);
        UUID foreignParent = Fixtures.venue(theirs, "SERVICE_CENTER", "DISTRICT", null);
        UUID ownParent = Fixtures.venue(ours, "SERVICE_CENTER", "DISTRICT", null);
        UUID venue = Fixtures.venue(ours, "SHARED_HOME", "COMMUNITY", ownParent);

        staff(ours).body("{\"parentVenueId\":\"" + foreignParent + "\"}").patch("/api/v1/venues/" + venue).then().statusCode(403);
        anonymous().get("/api/v1/venues/" + venue).then().statusCode(200)
                .body("parentVenueId", equalTo(ownParent.toString())).header("ETag", "W/\"0\"");
        anonymous().get("/api/v1/venues/" + foreignParent + "/network").then().body("total", equalTo(1));

        staff(ours).body("{\"parentVenueId\":\"" + UUID.randomUUID() + "\"}").patch("/api/v1/venues/" + venue)
                .then().statusCode(400).body("errors[0].field", equalTo("parentVenueId"));

        // the owner of the foreign network cannot pull our venue in either: he does not cover the venue
        staff(theirs).body("{\"parentVenueId\":\"" + foreignParent + "\"}").patch("/api/v1/venues/" + venue).then().statusCode(403);

        staff(root).body("{\"parentVenueId\":\"" + foreignParent + "\"}").patch("/api/v1/venues/" + venue)
                .then().statusCode(200).body("parentVenueId", equalTo(foreignParent.toString()));
        // detaching needs only the venue itself
        staff(ours).body("{\"detachFromParent\":true}").patch("/api/v1/venues/" + venue)
                .then().statusCode(200).body("parentVenueId", nullValue());
    }
}
