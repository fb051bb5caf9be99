package org.unionhub.venue.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.venue.venue.OpeningHours;
import org.unionhub.venue.venue.VenueLevel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Visits over time, by venue or summed over a network; days and months are those of Asia/Shanghai. */
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

    private final EntityManager em;

    public VisitStats(EntityManager em) {
        this.em = em;
    }

    /** [from 00:00, to+1 00:00) in Shanghai, as instants. */
    public static Instant[] range(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (from.plusYears(10).isBefore(to)) {
            throw ProblemException.invalid("to", "the range may span at most ten years");
        }
        return new Instant[]{from.atStartOfDay(OpeningHours.ZONE).toInstant(), to.plusDays(1).atStartOfDay(OpeningHours.ZONE).toInstant()};
    }

    public VenueStats venue(UUID venueId, LocalDate from, LocalDate to, GroupBy groupBy) {
        Instant[] r = range(from, to);
        String unit = groupBy == GroupBy.DAY ? "day" : "month";
        String format = groupBy == GroupBy.DAY ? "YYYY-MM-DD" : "YYYY-MM";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT to_char(date_trunc('" + unit + "', occurred_at AT TIME ZONE 'Asia/Shanghai'), '"
                        + format + "') AS period, sum(head_count) FROM checkin WHERE venue_id = ?1 AND occurred_at >= ?2 AND occurred_at < ?3 "
                        + "GROUP BY 1 ORDER BY 1")
                .setParameter(1, venueId).setParameter(2, r[0]).setParameter(3, r[1]).getResultList();
        List<Bucket> buckets = new ArrayList<>();
        long total = 0;
        for (Object[] row : rows) {
            long visits = ((Number) row[1]).longValue();
            buckets.add(new Bucket((String) row[0], visits));
            total += visits;
        }
        return new VenueStats(venueId, from, to, groupBy, total, buckets);
    }

    public NetworkStats network(UUID venueId, String path, LocalDate from, LocalDate to) {
        Instant[] r = range(from, to);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT v.id, v.name, v.level, coalesce(sum(c.head_count), 0) FROM venue v "
                        + "LEFT JOIN checkin c ON c.venue_id = v.id AND c.occurred_at >= ?2 AND c.occurred_at < ?3 "
                        + "WHERE v.path LIKE ?1 GROUP BY v.id, v.name, v.level, v.path ORDER BY v.path")
                .setParameter(1, path + "%").setParameter(2, r[0]).setParameter(3, r[1]).getResultList();
        List<VenueVisits> byVenue = new ArrayList<>();
        Map<VenueLevel, Long> byLevel = new EnumMap<>(VenueLevel.class);
        long total = 0;
        for (Object[] row : rows) {
            VenueLevel level = VenueLevel.valueOf((String) row[2]);
            long visits = ((Number) row[3]).longValue();
            byVenue.add(new VenueVisits((UUID) row[0], (String) row[1], level, visits));
            byLevel.merge(level, visits, Long::sum);
            total += visits;
        }
        return new NetworkStats(venueId, from, to, total, byLevel, byVenue);
    }
}
