package org.unionhub.venue.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.venue.site.Venue;
import org.unionhub.venue.site.Venues;

import java.time.Instant;
import java.util.UUID;

/** Scheduling activities at a venue. */
@ApplicationScoped
public class Activities {

    public record NewActivity(String title, String description, Instant startsAt, Instant endsAt, int capacity,
                              boolean membersOnly, Instant bookingOpensAt, Instant bookingClosesAt) {
    }

    @Inject
    Venues venues;
    @Inject
    BusinessClock clock;

    /** Checks of the times alone, without the database. */
    public static void validate(NewActivity r) {
        if (!r.endsAt().isAfter(r.startsAt())) {
            throw ProblemException.invalid("endsAt", "must be after startsAt");
        }
        if (r.bookingOpensAt() != null && r.bookingClosesAt() != null && !r.bookingClosesAt().isAfter(r.bookingOpensAt())) {
            throw ProblemException.invalid("bookingClosesAt", "must be after bookingOpensAt");
        }
        if (r.bookingClosesAt() != null && r.bookingClosesAt().isAfter(r.startsAt())) {
            throw ProblemException.invalid("bookingClosesAt", "must not be after startsAt");
        }
        if (r.bookingOpensAt() != null && !r.bookingOpensAt().isBefore(r.startsAt())) {
            throw ProblemException.invalid("bookingOpensAt", "must be before startsAt");
        }
    }

    /**
     * The venue row is locked while checking for overlaps, so two overlapping activities created at once cannot
     * both pass the check.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Activity schedule(UUID venueId, NewActivity r, String actor) {
        validate(r);
        Venue v = venues.lock(venueId);
        if (v.status != Venue.Status.OPEN) {
            throw ProblemException.conflict("venue-closed", "venue " + venueId + " is closed").with("currentStatus", v.status);
        }
        if (!v.allowOverlappingActivities) {
            long overlapping = Activity.count("venueId = ?1 and status = ?2 and startsAt < ?3 and endsAt > ?4",
                    venueId, Activity.Status.SCHEDULED, r.endsAt(), r.startsAt());
            if (overlapping > 0) {
                throw ProblemException.conflict("activity-overlap", "venue " + venueId
                        + " already has an activity at that time and does not allow overlapping activities");
            }
        }
        Activity a = new Activity();
        a.id = UUID.randomUUID();
        a.venueId = venueId;
        a.title = r.title();
        a.description = r.description();
        a.startsAt = r.startsAt();
        a.endsAt = r.endsAt();
        a.capacity = r.capacity();
        a.membersOnly = r.membersOnly();
        a.bookingOpensAt = r.bookingOpensAt();
        a.bookingClosesAt = r.bookingClosesAt();
        a.status = Activity.Status.SCHEDULED;
        a.createdBy = actor;
        a.createdAt = clock.now();
        a.persist();
        return a;
    }
}
