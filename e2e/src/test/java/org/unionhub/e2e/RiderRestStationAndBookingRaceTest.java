package org.unionhub.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.e2e.Suite.activeMember;
import static org.unionhub.e2e.Suite.as;
import static org.unionhub.e2e.Suite.eventually;
import static org.unionhub.e2e.Suite.idNumber;
import static org.unionhub.e2e.Suite.member;
import static org.unionhub.e2e.Suite.org;
import static org.unionhub.e2e.Suite.staff;

/**
 * A food-delivery rider in Shenzhen Nanshan finds the nearest outdoor workers' rest station (暖蜂驿站) with the GCJ-02
 * coordinates his phone's map gives, and books its activity. Then 40 riders race for 7 seats: exactly 7 are confirmed
 * and 33 wait in line; a cancellation gives the seat to the first in line at once.
 */
class RiderRestStationAndBookingRaceTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void theRiderFindsTheNearestStationByGcj02AndFortyRidersRaceForSevenSeats() throws Exception {
        UUID district = org("深圳市南山区总工会", "FEDERATION_COUNTY", null);
        UUID riders = org("南山区网约送餐员联合工会", "INDUSTRY_JOINT", district);
        // a spot of its own in Nanshan per run (the suite keeps its data between runs)
        double lat = 22.48 + RANDOM.nextInt(8000) / 100_000.0;
        double lon = 113.88 + RANDOM.nextInt(8000) / 100_000.0;
        UUID near = station(district, "暖蜂驿站·近", lat, lon);
        UUID far = station(district, "暖蜂驿站·远", lat + 0.01, lon);

        // the phone stands about 55 m north of the near station, in GCJ-02 as its map gives it
        Response found = eventually(10, () -> as(null).queryParam("near", (lat + 0.0005) + "," + lon)
                .queryParam("coordSystem", "GCJ02").queryParam("kind", "OUTDOOR_STATION").queryParam("radiusKm", 3)
                .get("/api/v1/venues"), r -> r.statusCode() == 200 && r.jsonPath().getList("items").size() >= 2);
        List<Map<String, Object>> items = found.jsonPath().getList("items");
        assertThat(items.get(0).get("id")).isEqualTo(near.toString());
        assertThat(((Number) items.get(0).get("distanceMeters")).longValue()).isBetween(50L, 61L);
        assertThat(items.stream().map(i -> i.get("id")).toList()).contains(far.toString());
        assertThat(((Number) items.get(1).get("distanceMeters")).longValue()).isGreaterThan(1000L);

        Instant startsAt = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String activity = as(staff(district)).body("{\"title\":\"骑手安全驾驶讲座\",\"startsAt\":\"" + startsAt + "\",\"endsAt\":\""
                        + startsAt.plus(2, ChronoUnit.HOURS) + "\",\"capacity\":7,\"membersOnly\":true}")
                .post("/api/v1/venues/" + near + "/activities").then().statusCode(201).extract().path("id");
        // the activity is public, also through the gateway
        assertThat(as(null).get("/api/v1/activities/" + activity).<Integer>path("capacity")).isEqualTo(7);

        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            members.add(activeMember(riders, idNumber()));
        }
        // venue-service learns of them by events
        for (UUID m : members) {
            eventually(15, () -> as(staff(district)).get("/api/v1/members/" + m + "/bookings").statusCode(), s -> s == 200);
        }

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (UUID m : members) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return as(member(m)).body("{\"memberId\":\"" + m + "\"}").post("/api/v1/activities/" + activity + "/bookings");
                }));
            }
            go.countDown();
            List<String> confirmed = new ArrayList<>();
            Map<Integer, String> waitlist = new java.util.TreeMap<>();
            for (Future<Response> f : answers) {
                Response r = f.get();
                assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
                if ("CONFIRMED".equals(r.path("status"))) {
                    confirmed.add(r.path("id"));
                } else {
                    assertThat(r.<String>path("status")).isEqualTo("WAITLISTED");
                    waitlist.put(r.path("waitlistPosition"), r.path("id"));
                }
            }
            assertThat(confirmed).hasSize(7);
            assertThat(waitlist.keySet()).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 33).boxed().toList());
            Response counts = as(null).get("/api/v1/activities/" + activity);
            assertThat(counts.<Integer>path("confirmed")).isEqualTo(7);
            assertThat(counts.<Integer>path("waitlisted")).isEqualTo(33);

            // one rider cannot come: the first in line has his seat at once, no waiting for a job
            String cancelled = confirmed.get(0);
            UUID cancelling = UUID.fromString(as(staff(district)).get("/api/v1/bookings/" + cancelled).path("memberId"));
            assertThat(as(member(cancelling)).delete("/api/v1/bookings/" + cancelled).statusCode()).isEqualTo(200);
            String first = waitlist.get(1);
            assertThat(as(staff(district)).get("/api/v1/bookings/" + first).<String>path("status")).isEqualTo("CONFIRMED");
            Response after = as(null).get("/api/v1/activities/" + activity);
            assertThat(after.<Integer>path("confirmed")).isEqualTo(7);
            assertThat(after.<Integer>path("waitlisted")).isEqualTo(32);
            // and the promoted rider sees it among his bookings
            UUID promoted = UUID.fromString(as(staff(district)).get("/api/v1/bookings/" + first).path("memberId"));
            List<Map<String, Object>> his = as(member(promoted)).get("/api/v1/members/" + promoted + "/bookings?upcoming=true")
                    .jsonPath().getList("items");
            assertThat(his).anySatisfy(b -> {
                assertThat(b.get("bookingId")).isEqualTo(first);
                assertThat(b.get("status")).isEqualTo("CONFIRMED");
                assertThat(b.get("venueName")).isEqualTo(as(null).get("/api/v1/venues/" + near).path("name"));
            });
        } finally {
            pool.shutdownNow();
        }
    }

    /** An outdoor station at GCJ-02 {@code lat, lon} (the map's coordinates), opened by staff of {@code org}. */
    static UUID station(UUID org, String name, double lat, double lon) {
        return UUID.fromString(eventually(10, () -> as(staff(org)).queryParam("coordSystem", "GCJ02")
                .body("{\"name\":\"" + name + "-" + Suite.suffix() + "\",\"kind\":\"OUTDOOR_STATION\",\"level\":\"COMMUNITY\","
                        + "\"organizationId\":\"" + org + "\",\"address\":\"深圳市南山区西丽街道\",\"location\":{\"lat\":" + lat
                        + ",\"lon\":" + lon + "},\"areaSqm\":30.00,\"amenities\":[],\"openingHours\":{},\"operatingModel\":\"PUBLIC\","
                        + "\"openedOn\":\"2022-11-20\"}")
                .post("/api/v1/venues"), r -> r.statusCode() == 201).path("id"));
    }
}
