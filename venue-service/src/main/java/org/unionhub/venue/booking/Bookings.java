package org.unionhub.venue.booking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.unionhub.platform.metrics.AfterCommit;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.venue.site.VenueEvents;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Booking use cases. "Never overbooked": every change to the seats of an activity first locks the activity
 * row (SELECT ... FOR UPDATE), so counting confirmed seats and adding one is a single step for the database;
 * a member's own rules (ban, future-booking cap) are serialised per member by an advisory lock taken before.
 */
@ApplicationScoped
@Startup // registers its counters at start: a dashboard sees 0, and increase() the first one
public class Bookings {

    public static final String MEMBER_LEFT = "MEMBER_LEFT";

    private final EntityManager em;
    private final Outbox outbox;
    private final BookingPolicy policy;
    private final AfterCommit afterCommit;
    private final Counter confirmed;
    private final Counter waitlisted;

    public Bookings(EntityManager em, Outbox outbox, BookingPolicy policy, AfterCommit afterCommit, MeterRegistry metrics) {
        this.em = em;
        this.outbox = outbox;
        this.policy = policy;
        this.afterCommit = afterCommit;
        this.confirmed = bookings(metrics, Booking.Status.CONFIRMED);
        this.waitlisted = bookings(metrics, Booking.Status.WAITLISTED);
    }

    /** unionhub_bookings_total{status}: bookings made, by the status they got when made (counted at commit). */
    private static Counter bookings(MeterRegistry metrics, Booking.Status status) {
        return Counter.builder("unionhub.bookings").description("bookings made, by the status they got (CONFIRMED or WAITLISTED)")
                .tag("status", status.name()).register(metrics);
    }

    public static Activity requireActivity(UUID id) {
        Activity a = Activity.<Activity>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("activity", id));
        return a;
    }

    public static Booking requireBooking(UUID id) {
        Booking b = Booking.<Booking>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("booking", id));
        return b;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Booking book(UUID activityId, UUID memberId, String actor, Instant now) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "member-bookings:" + memberId).getSingleResult();
        Activity a = em.find(Activity.class, activityId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("activity", activityId);
        }
        if (a.status != Activity.Status.SCHEDULED) {
            throw ProblemException.conflict("activity-cancelled", "activity " + activityId + " is cancelled").with("currentStatus", a.status);
        }
        if (!now.isBefore(a.startsAt)) {
            throw ProblemException.rule("booking-closed", "activity " + activityId + " has already started");
        }
        if (a.bookingOpensAt != null && now.isBefore(a.bookingOpensAt)) {
            throw ProblemException.rule("booking-not-open", "booking opens at " + a.bookingOpensAt).with("bookingOpensAt", a.bookingOpensAt);
        }
        if (a.bookingClosesAt != null && !now.isBefore(a.bookingClosesAt)) {
            throw ProblemException.rule("booking-closed", "booking closed at " + a.bookingClosesAt).with("bookingClosesAt", a.bookingClosesAt);
        }
        if (a.membersOnly) {
            MemberView m = MemberView.findById(memberId);
            if (m == null || !m.isActive()) {
                throw ProblemException.rule("member-not-active", "activity " + activityId + " is for active union members only")
                        .with("memberStatus", m == null ? "UNKNOWN" : m.status);
            }
        }
        long existing = Booking.count("activityId = ?1 and memberId = ?2 and status <> ?3", activityId, memberId, Booking.Status.CANCELLED);
        if (existing > 0) {
            throw ProblemException.conflict("already-booked", "member " + memberId + " already holds a booking for activity " + activityId);
        }
        List<Instant> noShows = em.createQuery("SELECT b.noShowAt FROM Booking b WHERE b.memberId = ?1 AND b.status = ?2 AND b.noShowAt > ?3", Instant.class)
                .setParameter(1, memberId).setParameter(2, Booking.Status.NO_SHOW)
                .setParameter(3, now.minus(policy.noShowWindow()).minus(policy.banFor())).getResultList();
        Optional<Instant> banned = BookingBan.bannedUntil(noShows, now, policy.noShowLimit(), policy.noShowWindow(), policy.banFor());
        if (banned.isPresent()) {
            throw ProblemException.rule("booking-banned", "member " + memberId + " missed " + policy.noShowLimit()
                    + " booked activities within " + policy.noShowWindow().toDays() + " days and may book again from " + banned.get())
                    .with("bannedUntil", banned.get());
        }
        long future = em.createQuery("SELECT count(b) FROM Booking b, Activity x WHERE b.activityId = x.id AND b.memberId = ?1 "
                        + "AND b.status IN (?2, ?3) AND x.startsAt > ?4", Long.class)
                .setParameter(1, memberId).setParameter(2, Booking.Status.CONFIRMED).setParameter(3, Booking.Status.WAITLISTED)
                .setParameter(4, now).getSingleResult();
        if (future >= policy.maxFutureBookings()) {
            throw ProblemException.rule("too-many-bookings", "member " + memberId + " already holds " + future
                    + " future bookings (at most " + policy.maxFutureBookings() + ")").with("limit", policy.maxFutureBookings());
        }
        Booking b = new Booking();
        b.id = UUID.randomUUID();
        b.activityId = activityId;
        b.memberId = memberId;
        b.bookedAt = now;
        b.bookedBy = actor;
        if (confirmedSeats(activityId) < a.capacity) {
            b.status = Booking.Status.CONFIRMED;
            b.confirmedAt = now;
            b.persist();
            announce(BookingEvents.CONFIRMED, b, a, null, actor, now);
            afterCommit.run(confirmed::increment);
        } else {
            b.status = Booking.Status.WAITLISTED;
            b.waitlistSeq = ((Number) em.createNativeQuery("SELECT nextval('booking_waitlist_seq')").getSingleResult()).longValue();
            b.persist();
            afterCommit.run(waitlisted::increment);
        }
        return b;
    }

    /** Cancels a live booking and gives its seat to the first of the waitlist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Booking cancel(UUID bookingId, String reason, String actor, Instant now) {
        Booking b = requireBooking(bookingId);
        Activity a = em.find(Activity.class, b.activityId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(b);
        if (!b.status.isLive()) {
            throw ProblemException.conflict("booking-not-live", "booking " + bookingId + " is " + b.status).with("currentStatus", b.status);
        }
        boolean hadSeat = b.status == Booking.Status.CONFIRMED;
        b.status = Booking.Status.CANCELLED;
        b.cancelledAt = now;
        b.cancelledBy = actor;
        b.cancelReason = reason;
        announce(BookingEvents.CANCELLED, b, a, reason, actor, now);
        if (hadSeat) {
            em.flush();
            promote(a, actor, now);
        }
        return b;
    }

    /** A member who left (or was suspended) loses his future members-only bookings; others move up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelMembersOnlyOf(UUID memberId, String reason, Instant now) {
        List<UUID> ids = em.createQuery("SELECT b.id FROM Booking b, Activity a WHERE b.activityId = a.id AND b.memberId = ?1 "
                        + "AND b.status IN (?2, ?3) AND a.membersOnly = true AND a.startsAt > ?4 ORDER BY a.id", UUID.class)
                .setParameter(1, memberId).setParameter(2, Booking.Status.CONFIRMED).setParameter(3, Booking.Status.WAITLISTED)
                .setParameter(4, now).getResultList();
        for (UUID id : ids) {
            cancel(id, reason, "system:membership", now);
        }
        return ids.size();
    }

    private void promote(Activity a, String actor, Instant now) {
        if (!now.isBefore(a.startsAt)) {
            return;
        }
        long free = a.capacity - confirmedSeats(a.id);
        if (free <= 0) {
            return;
        }
        List<Booking> next = em.createQuery("FROM Booking b WHERE b.activityId = ?1 AND b.status = ?2 ORDER BY b.waitlistSeq", Booking.class)
                .setParameter(1, a.id).setParameter(2, Booking.Status.WAITLISTED).setMaxResults((int) free).getResultList();
        for (Booking w : next) {
            w.status = Booking.Status.CONFIRMED;
            w.confirmedAt = now;
            w.waitlistSeq = null;
            announce(BookingEvents.PROMOTED, w, a, null, actor, now);
        }
    }

    /** Seats taken: confirmed and already attended bookings. */
    public long confirmedSeats(UUID activityId) {
        return Booking.count("activityId = ?1 and status in (?2, ?3)", activityId, Booking.Status.CONFIRMED, Booking.Status.ATTENDED);
    }

    /** 1-based place in the waitlist, or null when not waitlisted. */
    public Integer waitlistPosition(Booking b) {
        if (b.status != Booking.Status.WAITLISTED) {
            return null;
        }
        return (int) Booking.count("activityId = ?1 and status = ?2 and waitlistSeq <= ?3", b.activityId, Booking.Status.WAITLISTED, b.waitlistSeq);
    }

    private void announce(String type, Booking b, Activity a, String reason, String actor, Instant now) {
        outbox.publish(VenueEvents.TOPIC, type, b.id, new BookingEvents.BookingChanged(b.id, a.id, a.venueId, b.memberId,
                b.status.name(), a.startsAt, reason, actor, now));
    }
}
