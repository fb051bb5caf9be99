package org.unionhub.venue.site;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.TopicProbe;
import org.unionhub.venue.Fixtures;
import org.unionhub.venue.geo.CoordSystem;
import org.unionhub.venue.geo.LatLon;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.unionhub.venue.Fixtures.ALWAYS_OPEN;
import static org.unionhub.venue.Fixtures.anonymous;
import static org.unionhub.venue.Fixtures.staff;
import static org.unionhub.venue.Fixtures.venueJson;

@QuarkusTest
class VenueResourceTest {

    @Inject
    Fixtures fixtures;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void staffOpenVenueAnyoneReadsItChineseTextRoundTripsAndVenueOpenedIsPublished() {
        UUID org = fixtures.org(null);
        String body = venueJson("西丽街道职工服务中心", "SERVICE_CENTER", "STREET", null, org, 22.5826, 113.9505,
                "[\"DRINKING_WATER\",\"CHARGING\",\"TEA_BAR\"]", "{\"MONDAY\":[{\"opens\":\"09:00\",\"closes\":\"21:00\"}]}");
        Response created = staff(org).body(body).post("/api/v1/venues");
        created.then().statusCode(201).header("Location", containsString("/api/v1/venues/")).header("ETag", "W/\"0\"");
        String id = created.path("id");
        anonymous().get("/api/v1/venues/" + id).then().statusCode(200)
                .body("name", equalTo("西丽街道职工服务中心"))
                .body("address", equalTo("深圳市南山区"))
                .body("kind", equalTo("SERVICE_CENTER"))
                .body("level", equalTo("STREET"))
                .body("amenities", hasItem("CHARGING"))
                .body("openingHours.MONDAY[0].opens", equalTo("09:00"))
                .body("status", equalTo("OPEN"))
                .body("location.coordSystem", equalTo("WGS84"));
        try (TopicProbe probe = new TopicProbe(bootstrap, "venue.v1")) {
            var record = probe.await(r -> id.equals(r.key())
                    && "org.unionhub.venue.venue.opened.v1".equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(60));
            assertThat(TopicProbe.value(record)).contains("西丽街道职工服务中心");
        }
    }

    @Test
    void badInputIsA400NamingTheField() {
        UUID org = fixtures.org(null);
        staff(org).body(venueJson("", "SERVICE_CENTER", "STREET", null, org, 22.5, 113.9, "[]", "{}"))
                .post("/api/v1/venues").then().statusCode(400).body("errors.field", hasItem("name"));
        staff(org).body(venueJson("x", "CASTLE", "STREET", null, org, 22.5, 113.9, "[]", "{}"))
                .post("/api/v1/venues").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        staff(org).body(venueJson("x", "SERVICE_CENTER", "STREET", null, org, 22.5, 113.9, "[\"JACUZZI\"]", "{}"))
                .post("/api/v1/venues").then().statusCode(400).body("errors[0].field", startsWith("amenities"));
        staff(org).body(venueJson("x", "SERVICE_CENTER", "STREET", null, org, 95, 113.9, "[]", "{}"))
                .post("/api/v1/venues").then().statusCode(400).body("errors[0].field", equalTo("location.lat"));
        staff(org).body(venueJson("x", "SERVICE_CENTER", "STREET", null, org, 22.5, 113.9, "[]",
                        "{\"MONDAY\":[{\"opens\":\"21:00\",\"closes\":\"09:00\"}]}"))
                .post("/api/v1/venues").then().statusCode(400).body("errors[0].field", equalTo("openingHours.MONDAY[0].closes"));
        staff(org).body(venueJson("x", "SERVICE_CENTER", "STREET", null, org, 22.5, 113.9, "[]",
                        "{\"MONDAY\":[{\"opens\":\"9h\",\"closes\":\"21:00\"}]}"))
                .post("/api/v1/venues").then().statusCode(400).body("errors[0].field", equalTo("openingHours.MONDAY[0].opens"));
        staff(org).body(venueJson("x", "SERVICE_CENTER", "STREET", UUID.randomUUID(), org, 22.5, 113.9, "[]", "{}"))
                .post("/api/v1/venues").then().statusCode(400).body("errors[0].field", equalTo("parentVenueId"));
        anonymous().get("/api/v1/venues?near=abc").then().statusCode(400).body("errors[0].field", equalTo("near"));
        anonymous().get("/api/v1/venues?near=22.5,113.9&radiusKm=500").then().statusCode(400).body("errors[0].field", equalTo("radiusKm"));
    }

    @Test
    void onlyStaffOfTheSubtreeManageVenues() {
        UUID federation = fixtures.org(null);
        UUID union = fixtures.org(federation);
        UUID stranger = fixtures.org(null);
        String body = venueJson("职工之家", "SHARED_HOME", "COMMUNITY", null, union, 22.5, 113.9, "[]", "{}");
        anonymous().body(body).post("/api/v1/venues").then().statusCode(401);
        Fixtures.member(UUID.randomUUID()).body(body).post("/api/v1/venues").then().statusCode(403);
        staff(stranger).body(body).post("/api/v1/venues").then().statusCode(403);
        String id = staff(federation).body(body).post("/api/v1/venues").then().statusCode(201).extract().path("id");
        staff(stranger).body("{\"name\":\"改名\"}").patch("/api/v1/venues/" + id).then().statusCode(403);
        staff(union).body("{\"name\":\"改名\"}").patch("/api/v1/venues/" + id).then().statusCode(200).body("name", equalTo("改名"));
    }

    @Test
    void patchWithAStaleETagIsRefused() {
        UUID org = fixtures.org(null);
        UUID id = Fixtures.venue(org, "SERVICE_CENTER", "STREET", null);
        staff(org).header("If-Match", "W/\"0\"").body("{\"areaSqm\":1200.50}").patch("/api/v1/venues/" + id)
                .then().statusCode(200).header("ETag", "W/\"1\"").body("areaSqm", equalTo(1200.50f));
        staff(org).header("If-Match", "W/\"0\"").body("{\"areaSqm\":1300.00}").patch("/api/v1/venues/" + id)
                .then().statusCode(412);
    }

    @Test
    void theNetworkTreeCountsPerLevelAndRefusesCycles() {
        UUID org = fixtures.org(null);
        UUID district = Fixtures.venue(org, "SERVICE_CENTER", "DISTRICT", null);
        UUID[] streets = new UUID[8];
        for (int i = 0; i < 8; i++) {
            streets[i] = Fixtures.venue(org, "SERVICE_CENTER", "STREET", district);
        }
        UUID c1 = Fixtures.venue(org, "SHARED_HOME", "COMMUNITY", streets[0]);
        UUID c2 = Fixtures.venue(org, "SHARED_HOME", "COMMUNITY", streets[0]);
        UUID park = Fixtures.venue(org, "SHARED_HOME", "PARK", streets[1]);
        anonymous().get("/api/v1/venues/" + district + "/network").then().statusCode(200)
                .body("total", equalTo(12))
                .body("countsByLevel.DISTRICT", equalTo(1))
                .body("countsByLevel.STREET", equalTo(8))
                .body("countsByLevel.COMMUNITY", equalTo(2))
                .body("countsByLevel.PARK", equalTo(1))
                .body("root.children.size()", equalTo(8));
        // a venue cannot be its own ancestor, directly or through its subtree
        staff(org).body("{\"parentVenueId\":\"" + district + "\"}").patch("/api/v1/venues/" + district)
                .then().statusCode(409).body("type", equalTo("https://unionhub.org/problems/network-cycle"));
        staff(org).body("{\"parentVenueId\":\"" + c1 + "\"}").patch("/api/v1/venues/" + district)
                .then().statusCode(409).body("type", equalTo("https://unionhub.org/problems/network-cycle"));
        // moving a street with its communities under another street carries the subtree along
        staff(org).body("{\"parentVenueId\":\"" + streets[1] + "\"}").patch("/api/v1/venues/" + streets[0]).then().statusCode(200);
        anonymous().get("/api/v1/venues/" + streets[1] + "/network").then().statusCode(200)
                .body("total", equalTo(5)).body("countsByLevel.COMMUNITY", equalTo(2));
        staff(org).body("{\"parentVenueId\":\"" + c2 + "\"}").patch("/api/v1/venues/" + streets[1])
                .then().statusCode(409);
        staff(org).body("{\"detachFromParent\":true}").patch("/api/v1/venues/" + streets[0]).then().statusCode(200);
        anonymous().get("/api/v1/venues/" + district + "/network").then().body("total", equalTo(9));
        assertThat(park).isNotNull();
    }

    @Test
    void nearbyIsSortedByDistanceFiltersAndPages() {
        UUID org = fixtures.org(null);
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        double lat = 25 + rnd.nextDouble() * 10;
        double lon = 105 + rnd.nextDouble() * 10;
        double perMetre = 1 / 111_195.0;
        UUID at800 = Fixtures.venue(org, "OUTDOOR_STATION", "COMMUNITY", null, lat + 800 * perMetre, lon, "[\"DRINKING_WATER\",\"CHARGING\"]", ALWAYS_OPEN);
        UUID at300 = Fixtures.venue(org, "SERVICE_CENTER", "STREET", null, lat + 300 * perMetre, lon, "[\"DRINKING_WATER\"]", ALWAYS_OPEN);
        UUID at1500 = Fixtures.venue(org, "OUTDOOR_STATION", "COMMUNITY", null, lat - 1500 * perMetre, lon, "[\"CHARGING\",\"DRINKING_WATER\"]", "{}");
        UUID at5000 = Fixtures.venue(org, "OUTDOOR_STATION", "COMMUNITY", null, lat + 5000 * perMetre, lon, "[\"CHARGING\"]", ALWAYS_OPEN);
        String near = lat + "," + lon;

        Response all = anonymous().get("/api/v1/venues?near=" + near + "&radiusKm=2");
        all.then().statusCode(200).body("items.id", equalTo(List.of(at300.toString(), at800.toString(), at1500.toString())));
        List<Number> distances = all.path("items.distanceMeters");
        assertThat(distances.get(0).doubleValue()).isCloseTo(300, within(3.0));
        assertThat(distances.get(1).doubleValue()).isCloseTo(800, within(5.0));
        assertThat(distances.get(2).doubleValue()).isCloseTo(1500, within(8.0));

        anonymous().get("/api/v1/venues?near=" + near + "&radiusKm=10&kind=OUTDOOR_STATION&amenity=CHARGING")
                .then().body("items.id", equalTo(List.of(at800.toString(), at1500.toString(), at5000.toString())));
        anonymous().get("/api/v1/venues?near=" + near + "&radiusKm=10&amenity=CHARGING&openNow=true")
                .then().body("items.id", equalTo(List.of(at800.toString(), at5000.toString())));

        Response first = anonymous().get("/api/v1/venues?near=" + near + "&radiusKm=10&limit=2");
        first.then().body("items.id", equalTo(List.of(at300.toString(), at800.toString())));
        String cursor = first.path("nextCursor");
        anonymous().get("/api/v1/venues?near=" + near + "&radiusKm=10&limit=2&cursor=" + cursor)
                .then().body("items.id", equalTo(List.of(at1500.toString(), at5000.toString()))).body("nextCursor", equalTo(null));

        // the app hands GCJ-02 from its map SDK: the same place, the same answer, locations back in GCJ-02
        LatLon gcj = CoordSystem.GCJ02.fromWgs84(new LatLon(lat, lon));
        Response viaGcj = anonymous().get("/api/v1/venues?near=" + gcj.lat() + "," + gcj.lon() + "&radiusKm=2&coordSystem=GCJ02");
        viaGcj.then().body("items.id", equalTo(List.of(at300.toString(), at800.toString(), at1500.toString())))
                .body("items[0].location.coordSystem", equalTo("GCJ02"));
        float gcjLat = viaGcj.path("items[0].location.lat");
        LatLon expected = CoordSystem.GCJ02.fromWgs84(new LatLon(lat + 300 * perMetre, lon));
        assertThat((double) gcjLat).isCloseTo(expected.lat(), within(1e-5));
        LatLon bd = CoordSystem.BD09.fromWgs84(new LatLon(lat, lon));
        anonymous().get("/api/v1/venues?near=" + bd.lat() + "," + bd.lon() + "&radiusKm=2&coordSystem=BD09")
                .then().body("items.id", equalTo(List.of(at300.toString(), at800.toString(), at1500.toString())));

        // a closed venue is no longer found
        staff(org).body("{\"reason\":\"迁址\"}").post("/api/v1/venues/" + at300 + "/closure").then().statusCode(200).body("status", equalTo("CLOSED"));
        staff(org).body("{\"reason\":\"迁址\"}").post("/api/v1/venues/" + at300 + "/closure").then().statusCode(409);
        anonymous().get("/api/v1/venues?near=" + near + "&radiusKm=2")
                .then().body("items.id", equalTo(List.of(at800.toString(), at1500.toString())));
    }

    @Test
    void aVenueStoredFromGcj02IsWgs84InsideAndListsByOrganization() {
        UUID org = fixtures.org(null);
        LatLon wgs = new LatLon(22.5431, 113.9298);
        LatLon gcj = CoordSystem.GCJ02.fromWgs84(wgs);
        String id = staff(org).queryParam("coordSystem", "GCJ02")
                .body(venueJson("暖蜂驿站", "OUTDOOR_STATION", "COMMUNITY", null, org, gcj.lat(), gcj.lon(), "[]", "{}"))
                .post("/api/v1/venues").then().statusCode(201).extract().path("id");
        Response r = anonymous().get("/api/v1/venues/" + id);
        assertThat(((Number) r.path("location.lat")).doubleValue()).isCloseTo(wgs.lat(), within(1e-5));
        assertThat(((Number) r.path("location.lon")).doubleValue()).isCloseTo(wgs.lon(), within(1e-5));
        anonymous().get("/api/v1/venues?organizationId=" + org + "&kind=OUTDOOR_STATION").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        anonymous().get("/api/v1/venues?organizationId=" + org + "&kind=SERVICE_CENTER").then().body("items.size()", equalTo(0));
        String charging = Fixtures.venue(org, "SERVICE_CENTER", "STREET", null, 22.5, 113.9, "[\"CHARGING\"]", "{}").toString();
        anonymous().get("/api/v1/venues?organizationId=" + org + "&amenity=CHARGING").then().statusCode(200)
                .body("items.id", equalTo(List.of(charging)));
        assertThat(DevTokens.ISSUER).isNotBlank();
    }
}
