package org.unionhub.venue.booking;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.TopicProbe;
import org.unionhub.venue.Fixtures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.unionhub.venue.Fixtures.book;
import static org.unionhub.venue.Fixtures.member;
import static org.unionhub.venue.Fixtures.staff;

@QuarkusTest
class BookingResourceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    NoShows noShows;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void twoHundredConcurrentRequestsForTenSeatsGiveExactlyTenConfirmed() throws Exception {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.venue(org, "CULTURAL_PALACE", "CITY", null);
        UUID activity = Fixtures.activity(org, venue, 10, false, Duration.ofDays(3));
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            members.add(UUID.randomUUID());
        }
        ExecutorService pool = Executors.newFixedThreadPool(200);
        CountDownLatch start = new CountDownLatch(1);
        try {
            // all 200 threads wait at the gate, then fire together
            List<Callable<Response>> calls = members.stream().<Callable<Response>>map(m -> () -> {
                start.await();
                return book(activity, m);
            }).toList();
            List<Future<Response>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
            Map<String, Long> byStatus = responses.stream().collect(Collectors.groupingBy(r -> r.path("status"), Collectors.counting()));
            assertThat(byStatus).containsEntry("CONFIRMED", 10L).containsEntry("WAITLISTED", 190L);
            List<Integer> positions = responses.stream().filter(r -> "WAITLISTED".equals(r.path("status")))
                    .map(r -> (Integer) r.path("waitlistPosition")).sorted().toList();
            assertThat(positions).hasSize(190).doesNotHaveDuplicates().startsWith(1).endsWith(190);
        } finally {
            pool.shutdownNow();
        }
        Fixtures.anonymous().get("/api/v1/activities/" + activity).then().body("confirmed", equalTo(10)).body("waitlisted", equalTo(190));
    }

    @Test
    void cancellingGivesTheSeatToTheFirstOfTheWaitlistAtOnce() {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.venue(org, "SERVICE_CENTER", "STREET", null);
        UUID activity = Fixtures.activity(org, venue, 1, false, Duration.ofDays(2));
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID();
        String bookingA = book(activity, a).then().statusCode(201).body("status", equalTo("CONFIRMED")).extract().path("id");
        String bookingB = book(activity, b).then().statusCode(201).body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1)).extract().path("id");
        String bookingC = book(activity, c).then().statusCode(201).body("waitlistPosition", equalTo(2)).extract().path("id");
        member(a).delete("/api/v1/bookings/" + bookingA).then().statusCode(200).body("status", equalTo("CANCELLED"));
        member(b).get("/api/v1/bookings/" + bookingB).then().body("status", equalTo("CONFIRMED")).body("waitlistPosition", nullValue());
        member(c).get("/api/v1/bookings/" + bookingC).then().body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        member(a).delete("/api/v1/bookings/" + bookingA).then().statusCode(409);
        // a cancelled member may book again: he joins the end of the waitlist
        book(activity, a).then().statusCode(201).body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(2));
        try (TopicProbe probe = new TopicProbe(bootstrap, "venue.v1")) {
            probe.await(r -> bookingB.equals(r.key()) && "org.unionhub.venue.booking.promoted.v1".equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(60));
            probe.await(r -> bookingA.equals(r.key()) && "org.unionhub.venue.booking.cancelled.v1".equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(60));
        }
    }

    @Test
    void aMemberActsOnlyForHimself() {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.venue(org, "SERVICE_CENTER", "STREET", null);
        UUID activity = Fixtures.activity(org, venue, 5, false, Duration.ofDays(2));
        UUID owner = UUID.randomUUID(), other = UUID.randomUUID();
        String booking = book(activity, owner).then().statusCode(201).extract().path("id");
        member(other).delete("/api/v1/bookings/" + booking).then().statusCode(403);
        member(other).get("/api/v1/bookings/" + booking).then().statusCode(403);
        member(other).body("{\"memberId\":\"" + owner + "\"}").post("/api/v1/activities/" + activity + "/bookings").then().statusCode(403);
        staff(fixtures.org(null)).delete("/api/v1/bookings/" + booking).then().statusCode(403);
        Fixtures.anonymous().delete("/api/v1/bookings/" + booking).then().statusCode(401);
        assertThat(fixtures.bookingStatus(UUID.fromString(booking))).isEqualTo("CONFIRMED");
        // staff of the venue's organization may cancel for him
        staff(org).delete("/api/v1/bookings/" + booking).then().statusCode(200).body("cancelReason", equalTo("BY_STAFF"));
    }

    @Test
    void membersOnlyNeedsAnActiveMemberAndOneBookingPerMember() {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.venue(org, "SERVICE_CENTER", "STREET", null);
        UUID activity = Fixtures.activity(org, venue, 5, true, Duration.ofDays(2));
        UUID active = fixtures.member(org, "ACTIVE");
        UUID suspended = fixtures.member(org, "SUSPENDED");
        book(activity, UUID.randomUUID()).then().statusCode(422).body("type", equalTo("https://unionhub.org/problems/member-not-active"));
        book(activity, suspended).then().statusCode(422).body("memberStatus", equalTo("SUSPENDED"));
        book(activity, active).then().statusCode(201).body("status", equalTo("CONFIRMED"));
        book(activity, active).then().statusCode(409).body("type", equalTo("https://unionhub.org/problems/already-booked"));
    }

    @Test
    void aMemberHoldsAtMostFiveFutureBookings() {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.busyVenue(org);
        UUID m = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            book(Fixtures.activity(org, venue, 5, false, Duration.ofDays(1 + i)), m).then().statusCode(201);
        }
        UUID sixth = Fixtures.activity(org, venue, 5, false, Duration.ofDays(7));
        book(sixth, m).then().statusCode(422).body("type", equalTo("https://unionhub.org/problems/too-many-bookings")).body("limit", equalTo(5));
    }

    @Test
    void threeNoShowsIn30DaysBanBookingFor14Days() {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.busyVenue(org);
        UUID twice = UUID.randomUUID();
        UUID thrice = UUID.randomUUID();
        fixtures.noShows(twice, venue, 2, Instant.now().minus(Duration.ofDays(3)));
        fixtures.noShows(thrice, venue, 3, Instant.now().minus(Duration.ofDays(3)));
        UUID activity = Fixtures.activity(org, venue, 5, false, Duration.ofDays(1));
        book(activity, twice).then().statusCode(201);
        book(activity, thrice).then().statusCode(422).body("type", equalTo("https://unionhub.org/problems/booking-banned"))
                .body("bannedUntil", notNullValue());
    }

    @Test
    void aConfirmedBookingNotCheckedInBecomesANoShow() {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.busyVenue(org);
        UUID activity = Fixtures.activity(org, venue, 5, false, Duration.ofDays(1));
        UUID m = UUID.randomUUID();
        UUID booking = UUID.fromString(book(activity, m).then().statusCode(201).extract().path("id"));
        noShows.markDue(Instant.now());
        assertThat(fixtures.bookingStatus(booking)).isEqualTo("CONFIRMED");
        fixtures.reschedule(activity, Instant.now().minus(Duration.ofMinutes(20)));
        noShows.markDue(Instant.now());
        assertThat(fixtures.bookingStatus(booking)).as("within the 30 minutes of grace").isEqualTo("CONFIRMED");
        fixtures.reschedule(activity, Instant.now().minus(Duration.ofMinutes(31)));
        noShows.markDue(Instant.now()); // the scheduled job may have got there first: either way it is a no-show now
        assertThat(fixtures.bookingStatus(booking)).isEqualTo("NO_SHOW");
    }

    @Test
    void aMemberWhoLeavesLosesFutureMembersOnlyBookingsAndTheWaitlistMovesUp() throws Exception {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.busyVenue(org);
        UUID leaver = fixtures.member(org, "ACTIVE");
        UUID waiting = fixtures.member(org, "ACTIVE");
        UUID membersOnly = Fixtures.activity(org, venue, 1, true, Duration.ofDays(2));
        UUID open = Fixtures.activity(org, venue, 5, false, Duration.ofDays(2));
        UUID lost = UUID.fromString(book(membersOnly, leaver).then().body("status", equalTo("CONFIRMED")).extract().path("id"));
        UUID kept = UUID.fromString(book(open, leaver).then().body("status", equalTo("CONFIRMED")).extract().path("id"));
        UUID promoted = UUID.fromString(book(membersOnly, waiting).then().body("status", equalTo("WAITLISTED")).extract().path("id"));
        String data = "{\"memberId\":\"" + leaver + "\",\"name\":\"快递员小刘\",\"status\":\"LEFT\",\"organizationId\":\"" + org
                + "\",\"organizationAncestors\":[],\"employmentForm\":\"COURIER\"}";
        TopicProbe.sendCloudEvent(bootstrap, "membership.member.v1", leaver.toString(), UUID.randomUUID(),
                "org.unionhub.membership.member.left.v1", "/unionhub/membership", Instant.now().toString(), data);
        await().atMost(Duration.ofSeconds(60)).until(() -> "CANCELLED".equals(fixtures.bookingStatus(lost)));
        assertThat(fixtures.bookingStatus(promoted)).isEqualTo("CONFIRMED");
        assertThat(fixtures.bookingStatus(kept)).isEqualTo("CONFIRMED");
        member(leaver).get("/api/v1/bookings/" + lost).then().body("cancelReason", equalTo("MEMBER_LEFT"));
    }

    @Test
    void theMeViewListsUpcomingBookingsWithTitleAndVenueName() {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.busyVenue(org);
        UUID m = UUID.randomUUID();
        UUID later = Fixtures.activity(org, venue, 5, false, Duration.ofDays(3));
        UUID sooner = Fixtures.activity(org, venue, 5, false, Duration.ofDays(1));
        UUID cancelled = Fixtures.activity(org, venue, 5, false, Duration.ofDays(2));
        book(later, m).then().statusCode(201);
        book(sooner, m).then().statusCode(201);
        String gone = book(cancelled, m).then().statusCode(201).extract().path("id");
        member(m).delete("/api/v1/bookings/" + gone).then().statusCode(200);
        Response page1 = member(m).get("/api/v1/members/" + m + "/bookings?upcoming=true&limit=1");
        page1.then().statusCode(200)
                .body("items[0].activityId", equalTo(sooner.toString()))
                .body("items[0].activityTitle", equalTo("法律咨询日"))
                .body("items[0].venueName", equalTo("阵地"))
                .body("items[0].status", equalTo("CONFIRMED"))
                .body("items[0].startsAt", notNullValue());
        member(m).get("/api/v1/members/" + m + "/bookings?upcoming=true&limit=1&cursor=" + page1.path("nextCursor"))
                .then().body("items.activityId", equalTo(List.of(later.toString()))).body("nextCursor", nullValue());
        member(m).get("/api/v1/members/" + m + "/bookings").then().body("items.size()", equalTo(3));
        member(UUID.randomUUID()).get("/api/v1/members/" + m + "/bookings?upcoming=true").then().statusCode(403);
    }

    @Test
    void activitiesOverlapOnlyWhereTheVenueAllowsIt() {
        UUID org = fixtures.org(null);
        UUID strict = Fixtures.venue(org, "SERVICE_CENTER", "STREET", null);
        Instant start = Instant.now().plus(Duration.ofDays(10));
        String body = "{\"title\":\"书法课\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(7200) + "\",\"capacity\":20}";
        String overlapping = "{\"title\":\"瑜伽\",\"startsAt\":\"" + start.plusSeconds(3600) + "\",\"endsAt\":\"" + start.plusSeconds(9000) + "\",\"capacity\":20}";
        String after = "{\"title\":\"瑜伽\",\"startsAt\":\"" + start.plusSeconds(7200) + "\",\"endsAt\":\"" + start.plusSeconds(9000) + "\",\"capacity\":20}";
        staff(org).body(body).post("/api/v1/venues/" + strict + "/activities").then().statusCode(201);
        staff(org).body(overlapping).post("/api/v1/venues/" + strict + "/activities").then().statusCode(409)
                .body("type", equalTo("https://unionhub.org/problems/activity-overlap"));
        staff(org).body(after).post("/api/v1/venues/" + strict + "/activities").then().statusCode(201);
        UUID relaxed = Fixtures.busyVenue(org);
        staff(org).body(body).post("/api/v1/venues/" + relaxed + "/activities").then().statusCode(201);
        staff(org).body(overlapping).post("/api/v1/venues/" + relaxed + "/activities").then().statusCode(201);
        String backwards = "{\"title\":\"x\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.minusSeconds(60) + "\",\"capacity\":20}";
        staff(org).body(backwards).post("/api/v1/venues/" + relaxed + "/activities").then().statusCode(400).body("errors[0].field", equalTo("endsAt"));
        staff(org).body("{\"title\":\"x\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(60) + "\",\"capacity\":0}")
                .post("/api/v1/venues/" + relaxed + "/activities").then().statusCode(400).body("errors[0].field", equalTo("capacity"));
        staff(fixtures.org(null)).body(body).post("/api/v1/venues/" + relaxed + "/activities").then().statusCode(403);
    }

    @Test
    void bookingOnlyWhileTheWindowIsOpenAndARepeatedIdempotencyKeyChangesNothing() {
        UUID org = fixtures.org(null);
        UUID venue = Fixtures.busyVenue(org);
        Instant start = Instant.now().plus(Duration.ofDays(5));
        String notYet = staff(org).body("{\"title\":\"春节联欢\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(7200)
                        + "\",\"capacity\":50,\"bookingOpensAt\":\"" + start.minus(Duration.ofDays(1)) + "\"}")
                .post("/api/v1/venues/" + venue + "/activities").then().statusCode(201).extract().path("id");
        book(UUID.fromString(notYet), UUID.randomUUID()).then().statusCode(422).body("type", equalTo("https://unionhub.org/problems/booking-not-open"));
        String closed = staff(org).body("{\"title\":\"春节联欢\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(7200)
                        + "\",\"capacity\":50,\"bookingClosesAt\":\"" + Instant.now().minusSeconds(60) + "\"}")
                .post("/api/v1/venues/" + venue + "/activities").then().statusCode(201).extract().path("id");
        book(UUID.fromString(closed), UUID.randomUUID()).then().statusCode(422).body("type", equalTo("https://unionhub.org/problems/booking-closed"));

        UUID open = Fixtures.activity(org, venue, 1, false, Duration.ofDays(5));
        UUID m = UUID.randomUUID();
        String first = member(m).header("Idempotency-Key", "tap-" + m).body("{\"memberId\":\"" + m + "\"}")
                .post("/api/v1/activities/" + open + "/bookings").then().statusCode(201).extract().path("id");
        member(m).header("Idempotency-Key", "tap-" + m).body("{\"memberId\":\"" + m + "\"}")
                .post("/api/v1/activities/" + open + "/bookings").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        Fixtures.anonymous().get("/api/v1/activities/" + open).then().body("confirmed", equalTo(1)).body("waitlisted", equalTo(0));
    }
}
