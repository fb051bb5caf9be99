package org.unionhub.venue.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.unionhub.platform.paging.Cursor;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.venue.geo.LatLon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Nearby search in PostgreSQL. With cube/earthdistance: the GiST index on {@code ll_to_earth(lat, lon)} walks
 * the venues in order of distance (the cube {@code <->} operator, a k-nearest-neighbour scan), bounded by the
 * {@code earth_box} of the radius, so a page reads about as many rows as it shows however dense the city;
 * the exact great-circle distance (earth_distance) trims the box's corners. The straight-line distance the index
 * orders by grows with the great-circle one, so the order is the same. Without the extensions: the btree on
 * (lat, lon) answers a bounding box and haversine does the rest.
 */
@ApplicationScoped
public class VenueSearch {

    /** One hit: the venue and how far it is, in metres. */
    public record Hit(UUID id, double distanceMeters) {
    }

    public record Filter(String kind, String amenity, boolean openNow, Instant now) {
    }

    private static final double METRES_PER_DEGREE = 111_320.0;

    @Inject
    EntityManager em;
    private volatile Boolean earthdistance;

    public boolean usesEarthdistance() {
        if (earthdistance == null) {
            earthdistance = !em.createNativeQuery(
                    "SELECT 1 FROM pg_indexes WHERE tablename = 'venue' AND indexname = 'venue_earth'").getResultList().isEmpty();
        }
        return earthdistance;
    }

    /** Open venues within {@code radiusMeters}, nearest first, {@code limit + 1} rows for paging. */
    public List<Hit> nearby(LatLon at, double radiusMeters, Filter filter, PageRequest page) {
        return nearby(at, radiusMeters, filter, page, usesEarthdistance());
    }

    /** @param earth whether to use cube/earthdistance; false forces the bounding-box fallback (tests compare both) */
    public List<Hit> nearby(LatLon at, double radiusMeters, Filter filter, PageRequest page, boolean earth) {
        List<Object> params = new ArrayList<>();
        params.add(at.lat());
        params.add(at.lon());
        params.add(radiusMeters);
        String distance;
        StringBuilder where = new StringBuilder();
        if (earth) {
            distance = "earth_distance(ll_to_earth(?1, ?2), ll_to_earth(v.lat, v.lon))";
            where.append("earth_box(ll_to_earth(?1, ?2), ?3) @> ll_to_earth(v.lat, v.lon) ");
        } else {
            double dLat = radiusMeters / METRES_PER_DEGREE;
            double dLon = radiusMeters / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(at.lat()))));
            params.add(at.lat() - dLat);
            params.add(at.lat() + dLat);
            params.add(at.lon() - dLon);
            params.add(at.lon() + dLon);
            distance = "(2 * 6371008.8 * asin(sqrt(power(sin(radians(v.lat - ?1) / 2), 2) "
                    + "+ cos(radians(?1)) * cos(radians(v.lat)) * power(sin(radians(v.lon - ?2) / 2), 2))))";
            where.append("v.lat BETWEEN ?4 AND ?5 AND v.lon BETWEEN ?6 AND ?7 ");
        }
        where.append("AND ").append(distance).append(" <= ?3 AND v.status = 'OPEN' ");
        if (filter.kind() != null) {
            params.add(filter.kind());
            where.append("AND v.kind = ?").append(params.size()).append(' ');
        }
        if (filter.amenity() != null) {
            params.add(filter.amenity());
            where.append("AND v.amenities @> ARRAY[CAST(?").append(params.size()).append(" AS varchar)] ");
        }
        if (filter.openNow()) {
            params.add(OpeningHours.minuteOfWeek(filter.now()));
            int p = params.size();
            where.append("AND EXISTS (SELECT 1 FROM venue_open_interval o WHERE o.venue_id = v.id AND o.start_minute <= ?")
                    .append(p).append(" AND o.end_minute > ?").append(p).append(") ");
        }
        if (!page.first()) {
            Cursor after = page.cursor(2);
            params.add(after.decimal(0).doubleValue());
            params.add(after.uuid(1));
            int d = params.size() - 1;
            where.append("AND (").append(distance).append(" > ?").append(d).append(" OR (").append(distance).append(" = ?").append(d)
                    .append(" AND v.id > ?").append(d + 1).append(")) ");
        }
        // the index orders by straight-line distance; ties (and the cursor) are settled by id
        String order = earth ? "ll_to_earth(v.lat, v.lon) <-> ll_to_earth(?1, ?2), v.id" : "d, v.id";
        String sql = "SELECT v.id, " + distance + " AS d FROM venue v WHERE " + where + "ORDER BY " + order
                + " LIMIT " + (page.limit() + 1);
        Query q = em.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = q.getResultList();
        return rows.stream().map(t -> new Hit(t.get("id", UUID.class), t.get("d", Number.class).doubleValue())).toList();
    }

    public static String cursor(Hit h) {
        return PageRequest.encode(h.distanceMeters(), h.id());
    }
}
