package org.unionhub.venue.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.unionhub.platform.event.EventTypes;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.venue.booking.Booking;
import org.unionhub.venue.booking.BookingPolicy;
import org.unionhub.venue.site.Venue;
import org.unionhub.venue.site.VenueEvents;
import org.unionhub.venue.site.Venues;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Recording visits; a booked member's check-in marks his booking attended. */
@ApplicationScoped
public class Checkins {

    public static final String RECORDED = EventTypes.type("venue", "checkin", "recorded", 1);

    public record CheckinRecorded(UUID checkinId, UUID venueId, UUID memberId, int count, Instant occurredAt, UUID bookingId,
                                  String actor) {
    }

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    BookingPolicy policy;
    @Inject
    BusinessClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Checkin record(UUID venueId, UUID memberId, int count, Instant at, String actor) {
        Venue v = Venues.require(venueId);
        if (v.status != Venue.Status.OPEN) {
            throw ProblemException.conflict("venue-closed", "venue " + venueId + " is closed").with("currentStatus", v.status);
        }
        Checkin c = new Checkin();
        c.id = UUID.randomUUID();
        c.venueId = venueId;
        c.memberId = memberId;
        c.headCount = count;
        c.occurredAt = at;
        c.recordedBy = actor;
        c.recordedAt = clock.now();
        if (memberId != null) {
            c.bookingId = attend(venueId, memberId, at);
        }
        c.persist();
        outbox.publish(VenueEvents.TOPIC, RECORDED, c.id, new CheckinRecorded(c.id, venueId, memberId, count, at, c.bookingId, actor));
        return c;
    }

    /** The member's booking of an activity at this venue that is on at {@code at} (or about to start) becomes ATTENDED. */
    private UUID attend(UUID venueId, UUID memberId, Instant at) {
        List<Booking> due = em.createQuery("SELECT b FROM Booking b, Activity a WHERE b.activityId = a.id AND a.venueId = ?1 "
                        + "AND b.memberId = ?2 AND b.status IN (?3, ?4) AND a.startsAt <= ?5 AND a.endsAt >= ?6 ORDER BY a.startsAt", Booking.class)
                .setParameter(1, venueId).setParameter(2, memberId).setParameter(3, Booking.Status.CONFIRMED)
                .setParameter(4, Booking.Status.NO_SHOW).setParameter(5, at.plus(policy.checkInEarly())).setParameter(6, at)
                .setMaxResults(1).getResultList();
        if (due.isEmpty()) {
            return null;
        }
        Booking b = due.get(0);
        em.lock(b, LockModeType.PESSIMISTIC_WRITE);
        b.status = Booking.Status.ATTENDED;
        b.attendedAt = at;
        b.noShowAt = null;
        return b.id;
    }
}
