package org.unionhub.venue.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.venue.geo.LatLon;
import org.unionhub.venue.site.VenueSearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nearby search over 100,000 venues. Not part of the normal suite; run it with
 * {@code ./mvnw -B -pl venue-service verify -Dtest=NearbyBenchmark -Dvenue.bench=true}. Figures go to
 * {@code target/nearby-benchmark.txt} and docs/venue.md.
 */
@QuarkusTest
@Tag("benchmark")
@EnabledIfSystemProperty(named = "venue.bench", matches = "true")
class NearbyBenchmark {

    static final int VENUES = 100_000;
    // Shenzhen's built-up area, about 41 km x 87 km: dense, the hard case for a radius query
    static final double LAT0 = 22.45, LAT1 = 22.82, LON0 = 113.75, LON1 = 114.60;

    @Inject
    EntityManager em;
    @Inject
    VenueSearch search;
    @Inject
    UserTransaction tx;

    private final Path out = Path.of("target", "nearby-benchmark.txt");

    @Transactional
    void seed() {
        long existing = ((Number) em.createNativeQuery("SELECT count(*) FROM venue WHERE name LIKE 'bench-%'").getSingleResult()).longValue();
        if (existing >= VENUES) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO venue (id, name, kind, level, path, organization_id, address, lat, lon, amenities, opening_hours,
                                   operating_model, status, created_by, created_at)
                SELECT id, 'bench-' || g,
                       (ARRAY['CULTURAL_PALACE','SERVICE_CENTER','SHARED_HOME','MODEL_HOME','OUTDOOR_STATION','TRAINING_BASE','VOLUNTEER_STATION'])[1 + g % 7],
                       'COMMUNITY', '/' || id || '/', '00000000-0000-0000-0000-00000000be4c', '深圳市', 
                       ?1 + random() * (?2 - ?1), ?3 + random() * (?4 - ?3),
                       CASE g % 4 WHEN 0 THEN ARRAY['CHARGING','DRINKING_WATER'] WHEN 1 THEN ARRAY['DRINKING_WATER'] WHEN 2 THEN ARRAY['TEA_BAR','BOOK_BAR'] ELSE ARRAY['CHARGING'] END,
                       '{}', 'PUBLIC', 'OPEN', 'bench', now()
                FROM (SELECT gen_random_uuid() AS id, g FROM generate_series(1, ?5) g) s
                """).setParameter(1, LAT0).setParameter(2, LAT1).setParameter(3, LON0).setParameter(4, LON1)
                .setParameter(5, VENUES).executeUpdate();
        // half of them open around the clock, the others never (for the openNow filter)
        em.createNativeQuery("INSERT INTO venue_open_interval (venue_id, start_minute, end_minute) "
                + "SELECT id, 0, 10080 FROM venue WHERE name LIKE 'bench-%' AND (hashtext(id::text) % 2) = 0").executeUpdate();
        em.createNativeQuery("ANALYZE venue").executeUpdate();
        em.createNativeQuery("ANALYZE venue_open_interval").executeUpdate();
    }

    @Test
    void nearbySearchOver100000Venues() throws Exception {
        Files.deleteIfExists(out);
        line("nearby benchmark, %s, %d processors, load average before: %s", Instant.now(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        long t0 = System.nanoTime();
        seed();
        line("venues seeded: %d in %.1f s (lat %.2f..%.2f, lon %.2f..%.2f)", VENUES, (System.nanoTime() - t0) / 1e9, LAT0, LAT1, LON0, LON1);
        line("strategy: %s", search.usesEarthdistance() ? "cube/earthdistance GiST (earth_box prefilter + earth_distance)" : "lat/lon btree bounding box");
        line("");
        Random rnd = new Random(42);
        PageRequest page = PageRequest.of(20, null);
        Instant now = Instant.now();

        measure("SQL  radius 1 km, 20 nearest", 1000, () -> search.nearby(point(rnd), 1000, new VenueSearch.Filter(null, null, false, now), page).size());
        measure("SQL  radius 3 km, 20 nearest", 1000, () -> search.nearby(point(rnd), 3000, new VenueSearch.Filter(null, null, false, now), page).size());
        measure("SQL  radius 3 km, amenity=CHARGING, openNow", 1000, () -> search.nearby(point(rnd), 3000, new VenueSearch.Filter(null, "CHARGING", true, now), page).size());
        measure("SQL  radius 10 km, kind=OUTDOOR_STATION", 300, () -> search.nearby(point(rnd), 10_000, new VenueSearch.Filter("OUTDOOR_STATION", null, false, now), page).size());
        measure("HTTP GET /api/v1/venues?near=..&radiusKm=3 (end to end)", 500, () -> {
            LatLon p = point(rnd);
            return RestAssured.get("/api/v1/venues?near=" + p.lat() + "," + p.lon() + "&radiusKm=3").then().statusCode(200)
                    .extract().<List<?>>path("items").size();
        });
        measure("HTTP ... &amenity=DRINKING_WATER&openNow=true&coordSystem=GCJ02", 500, () -> {
            LatLon p = point(rnd);
            return RestAssured.get("/api/v1/venues?near=" + p.lat() + "," + p.lon() + "&radiusKm=3&amenity=DRINKING_WATER&openNow=true&coordSystem=GCJ02")
                    .then().statusCode(200).extract().<List<?>>path("items").size();
        });
        line("");
        explain(point(rnd));
        withoutIndexes();
        line("load average after: %s", loadAverage());
        System.out.println("\n===== nearby benchmark =====\n" + Files.readString(out));
    }

    /** A few sequential scans only: each reads all 100,000 rows, and the point is the order of magnitude. */
    private void withoutIndexes() throws Exception {
        tx.setTransactionTimeout(600);
        tx.begin();
        try {
            em.createNativeQuery("SET LOCAL enable_indexscan = off").executeUpdate();
            em.createNativeQuery("SET LOCAL enable_bitmapscan = off").executeUpdate();
            Random rnd = new Random(7);
            PageRequest page = PageRequest.of(20, null);
            measure("SQL  radius 3 km WITHOUT indexes (sequential scan), for comparison", 3, 10,
                    () -> search.nearby(point(rnd), 3000, new VenueSearch.Filter(null, null, false, Instant.now()), page).size());
        } finally {
            tx.rollback();
        }
    }

    private void explain(LatLon p) throws Exception {
        tx.begin();
        try {
            @SuppressWarnings("unchecked")
            List<String> plan = em.createNativeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT v.id, "
                            + "earth_distance(ll_to_earth(?1, ?2), ll_to_earth(v.lat, v.lon)) AS d FROM venue v "
                            + "WHERE earth_box(ll_to_earth(?1, ?2), ?3) @> ll_to_earth(v.lat, v.lon) "
                            + "AND earth_distance(ll_to_earth(?1, ?2), ll_to_earth(v.lat, v.lon)) <= ?3 AND v.status = 'OPEN' "
                            + "ORDER BY ll_to_earth(v.lat, v.lon) <-> ll_to_earth(?1, ?2), v.id LIMIT 21")
                    .setParameter(1, p.lat()).setParameter(2, p.lon()).setParameter(3, 3000.0).getResultList();
            line("plan of the 3 km query:");
            plan.forEach(l -> line("    %s", l));
            assertThat(String.join("\n", plan)).contains("venue_earth");
        } finally {
            tx.rollback();
        }
    }

    private void measure(String what, int runs, Supplier<Integer> query) {
        measure(what, 100, runs, query);
    }

    private void measure(String what, int warmups, int runs, Supplier<Integer> query) {
        for (int i = 0; i < warmups; i++) {
            query.get(); // warm up JIT, plan cache, buffers
        }
        long[] nanos = new long[runs];
        long hits = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            hits += query.get();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        line("%-72s runs %5d  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms  avg hits %.1f", what, runs,
                ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[runs - 1] / 1e6, hits / (double) runs);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    private static LatLon point(Random rnd) {
        return new LatLon(LAT0 + rnd.nextDouble() * (LAT1 - LAT0), LON0 + rnd.nextDouble() * (LON1 - LON0));
    }

    /** Appends at once, so that a run cut short still leaves what it measured. */
    private void line(String format, Object... args) {
        try {
            Files.writeString(out, String.format(format, args) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
