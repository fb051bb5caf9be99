package org.unionhub.membership.demand;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.hibernate.Session;
import org.unionhub.membership.organization.Organization;
import org.unionhub.platform.time.BusinessClock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The yearly figures a union reports upward (e.g. "听取意见6条、解决实际诉求13件"), for the organization itself and for its
 * whole subtree. The year is the calendar year of the business clock (China Standard Time). Forums count by the day held; a demand counts as
 * received in the year it was raised and for the organization answering it now (after an escalation: the one above);
 * resolved and declined count in the year they were closed; the median days to answer runs from raising to closing
 * (resolved or declined) over the demands closed in the year.
 */
@ApplicationScoped
public class DemandFigures {

    public record Figures(long forumsHeld, long opinionsHeard, long demandsReceived, long demandsResolved,
                          long demandsDeclined, long demandsStillOpen, BigDecimal medianDaysToAnswer) {
    }

    public record YearFigures(UUID organizationId, int year, Figures organization, Figures subtree) {
    }

    @Inject
    EntityManager em;

    public YearFigures of(Organization o, int year) {
        return new YearFigures(o.id, year, figures("o.id = ?1", o.id, year), figures("o.path LIKE ?1", o.path + "%", year));
    }

    private Figures figures(String where, Object org, int year) {
        LocalDate firstDay = LocalDate.of(year, 1, 1);
        LocalDate nextYear = firstDay.plusYears(1);
        Instant from = BusinessClock.startOf(firstDay);
        Instant to = BusinessClock.startOf(nextYear);
        Tuple forums = em.unwrap(Session.class).createNativeQuery("SELECT count(*), coalesce(sum((SELECT count(*) FROM forum_opinion op "
                        + "WHERE op.forum_id = f.id)), 0) FROM forum f JOIN organization o ON o.id = f.organization_id "
                        + "WHERE " + where + " AND f.held_on >= ?2 AND f.held_on < ?3", Tuple.class)
                .setParameter(1, org).setParameter(2, firstDay).setParameter(3, nextYear).getSingleResult();
        Tuple demands = em.unwrap(Session.class).createNativeQuery("SELECT "
                        + "count(*) FILTER (WHERE d.raised_at >= ?2 AND d.raised_at < ?3), "
                        + "count(*) FILTER (WHERE d.status = 'RESOLVED' AND d.closed_at >= ?2 AND d.closed_at < ?3), "
                        + "count(*) FILTER (WHERE d.status = 'DECLINED' AND d.closed_at >= ?2 AND d.closed_at < ?3), "
                        + "count(*) FILTER (WHERE d.raised_at >= ?2 AND d.raised_at < ?3 AND d.closed_at IS NULL), "
                        + "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.closed_at - d.raised_at) / 86400.0) "
                        + "  FILTER (WHERE d.closed_at >= ?2 AND d.closed_at < ?3) "
                        + "FROM demand d JOIN organization o ON o.id = d.answering_organization_id WHERE " + where, Tuple.class)
                .setParameter(1, org).setParameter(2, from).setParameter(3, to).getSingleResult();
        Number days = demands.get(4, Number.class);
        BigDecimal median = days == null ? null : BigDecimal.valueOf(days.doubleValue()).setScale(1, RoundingMode.HALF_UP);
        return new Figures(n(forums, 0), n(forums, 1), n(demands, 0), n(demands, 1), n(demands, 2), n(demands, 3), median);
    }

    private static long n(Tuple row, int column) {
        return row.get(column, Number.class).longValue();
    }
}
