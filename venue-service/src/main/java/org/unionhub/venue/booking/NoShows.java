package org.unionhub.venue.booking;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import org.unionhub.platform.time.BusinessClock;

/**
 * Marks confirmed bookings nobody checked in for {@code venue.booking.no-show-after} after the start as NO_SHOW.
 * The no-show is dated at the activity's start, which is what the ban window counts.
 */
@ApplicationScoped
public class NoShows {

    @Inject
    EntityManager em;
    @Inject
    BookingPolicy policy;
    @Inject
    BusinessClock clock;

    @Scheduled(every = "${venue.jobs.no-show-check-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        markDue(clock.now());
    }

    /** @return how many bookings became no-shows */
    @Transactional
    public int markDue(Instant now) {
        return em.createNativeQuery("UPDATE booking b SET status = 'NO_SHOW', no_show_at = a.starts_at, version = b.version + 1 "
                        + "FROM activity a WHERE b.activity_id = a.id AND b.status = 'CONFIRMED' AND a.starts_at < ?1")
                .setParameter(1, now.minus(policy.noShowAfter()))
                .executeUpdate();
    }
}
