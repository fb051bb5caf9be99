package org.unionhub.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.e2e.Suite.activeMember;
import static org.unionhub.e2e.Suite.as;
import static org.unionhub.e2e.Suite.eventually;
import static org.unionhub.e2e.Suite.idNumber;
import static org.unionhub.e2e.Suite.member;
import static org.unionhub.e2e.Suite.org;
import static org.unionhub.e2e.Suite.staff;

/**
 * A member leaves the union: venue-service cancels his bookings of members-only activities (his seat goes to the next
 * in line) and assistance-service refuses him aid, both learning it from membership's event.
 */
class MemberLeavesJourneyTest {

    @Test
    void aMemberWhoLeftLosesHisMembersOnlyBookingsAndIsRefusedAid() {
        UUID county = org("绥中县总工会", "FEDERATION_COUNTY", null);
        UUID leaving = activeMember(county, idNumber());
        UUID next = activeMember(county, idNumber());
        UUID venue = RiderRestStationAndBookingRaceTest.station(county, "职工之家", 40.3 + Math.random() / 10, 120.3);
        Instant startsAt = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String activity = as(staff(county)).body("{\"title\":\"会员专场电影\",\"startsAt\":\"" + startsAt + "\",\"endsAt\":\""
                        + startsAt.plus(2, ChronoUnit.HOURS) + "\",\"capacity\":1,\"membersOnly\":true}")
                .post("/api/v1/venues/" + venue + "/activities").then().statusCode(201).extract().path("id");
        String booking = eventually(10, () -> as(member(leaving)).body("{\"memberId\":\"" + leaving + "\"}")
                .post("/api/v1/activities/" + activity + "/bookings"), r -> r.statusCode() == 201).path("id");
        String waiting = eventually(10, () -> as(member(next)).body("{\"memberId\":\"" + next + "\"}")
                .post("/api/v1/activities/" + activity + "/bookings"), r -> r.statusCode() == 201).path("id");
        assertThat(as(staff(county)).get("/api/v1/bookings/" + booking).<String>path("status")).isEqualTo("CONFIRMED");
        assertThat(as(staff(county)).get("/api/v1/bookings/" + waiting).<String>path("status")).isEqualTo("WAITLISTED");

        as(staff(county)).body("{\"reason\":\"转行\"}").post("/api/v1/members/" + leaving + "/leave").then().statusCode(200);

        // his booking is cancelled, the seat goes to the next in line
        eventually(10, () -> as(staff(county)).get("/api/v1/bookings/" + booking).<String>path("status"), "CANCELLED"::equals);
        assertThat(as(staff(county)).get("/api/v1/bookings/" + waiting).<String>path("status")).isEqualTo("CONFIRMED");
        List<Map<String, Object>> upcoming = as(staff(county)).get("/api/v1/members/" + leaving + "/bookings?upcoming=true")
                .jsonPath().getList("items");
        assertThat(upcoming).isEmpty();
        // aid is for members: refused, naming his status
        Response refused = eventually(10, () -> as(staff(county)).body("{\"memberId\":\"" + leaving + "\",\"programCode\":\"DAILY_RELIEF\","
                + "\"requestedAmount\":\"1000.00\",\"reason\":\"生活困难\",\"details\":{}}").post("/api/v1/applications"),
                r -> r.statusCode() == 422);
        assertThat(refused.asString()).contains("member-not-active");
        // and he cannot book a members-only activity again
        assertThat(as(member(leaving)).body("{\"memberId\":\"" + leaving + "\"}")
                .post("/api/v1/activities/" + activity + "/bookings").statusCode()).isEqualTo(422);
    }
}
