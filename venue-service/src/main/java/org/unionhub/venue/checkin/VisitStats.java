package org.unionhub.venue.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.venue.site.VenueLevel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** Visits over time, by venue or summed over a network; days and months are those of the business calendar. */
@ApplicationScoped
public class VisitStats {

    public enum GroupBy { DAY, MONTH }

    public record Bucket(String period, long visits) {
    }

    public record VenueStats(UUID venueId, LocalDate from, LocalDate to, GroupBy groupBy, long total, List<Bucket> buckets) {
    }

    public record VenueVisits(UUID venueId, String name, VenueLevel level, long visits) {
    }

    public record NetworkStats(UUID venueId, LocalDate from, LocalDate to, long total, Map<VenueLevel, Long> byLevel,
                               List<VenueVisits> byVenue) {
    }

    @Inject
    EntityManager em;

    /** [from 00:00, to+1 00:00) in the business calendar, as instants. */
    public static Instant[] range(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (from.plusYears(10).isBefore(to)) {
            throw ProblemException.invalid("to", "the range may span at most ten years");
        }
        return new Instant[]{BusinessClock.startOf(from), BusinessClock.startOf(to.plusDays(1))};
    }

    public VenueStats venue(UUID venueId, LocalDate from, LocalDate to, GroupBy groupBy) {
        Instant[] r = range(from, to);
        String unit = groupBy == GroupBy.DAY ? "day" : "month";
        String format = groupBy == GroupBy.DAY ? "YYYY-MM-DD" : "YYYY-MM";
        List<Bucket> buckets = tuples(em.createNativeQuery("SELECT to_char(date_trunc('" + unit + "', occurred_at AT TIME ZONE '"
                        + BusinessClock.ZONE.getId() + "'), '" + format + "') AS period, sum(head_count) AS visits FROM checkin "
                        + "WHERE venue_id = ?1 AND occurred_at >= ?2 AND occurred_at < ?3 GROUP BY 1 ORDER BY 1", Tuple.class)
                .setParameter(1, venueId).setParameter(2, r[0]).setParameter(3, r[1]))
                .map(t -> new Bucket(t.get("period", String.class), t.get("visits", Number.class).longValue())).toList();
        long total = buckets.stream().mapToLong(Bucket::visits).sum();
        return new VenueStats(venueId, from, to, groupBy, total, buckets);
    }

    public NetworkStats network(UUID venueId, String path, LocalDate from, LocalDate to) {
        Instant[] r = range(from, to);
        List<VenueVisits> byVenue = tuples(em.createNativeQuery("SELECT v.id, v.name, v.level, coalesce(sum(c.head_count), 0) AS visits FROM venue v "
                        + "LEFT JOIN checkin c ON c.venue_id = v.id AND c.occurred_at >= ?2 AND c.occurred_at < ?3 "
                        + "WHERE v.path LIKE ?1 GROUP BY v.id, v.name, v.level, v.path ORDER BY v.path", Tuple.class)
                .setParameter(1, path + "%").setParameter(2, r[0]).setParameter(3, r[1]))
                .map(t -> new VenueVisits(t.get("id", UUID.class), t.get("name", String.class),
                        VenueLevel.valueOf(t.get("level", String.class)), t.get("visits", Number.class).longValue()))
                .toList();
        Map<VenueLevel, Long> byLevel = new EnumMap<>(VenueLevel.class);
        long total = 0;
        for (VenueVisits v : byVenue) {
            byLevel.merge(v.level(), v.visits(), Long::sum);
            total += v.visits();
        }
        return new NetworkStats(venueId, from, to, total, byLevel, byVenue);
    }

    /** A native query's rows, by column name. */
    @SuppressWarnings("unchecked")
    private static Stream<Tuple> tuples(Query query) {
        return query.getResultList().stream();
    }
}
