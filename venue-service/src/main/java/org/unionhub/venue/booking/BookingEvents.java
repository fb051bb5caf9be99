package org.unionhub.venue.booking;

import org.unionhub.platform.event.EventTypes;

import java.time.Instant;
import java.util.UUID;

/** Booking events on {@code venue.v1}, keyed by booking id. */
public final class BookingEvents {

    public static final String CONFIRMED = EventTypes.type("venue", "booking", "confirmed", 1);
    public static final String CANCELLED = EventTypes.type("venue", "booking", "cancelled", 1);
    public static final String PROMOTED = EventTypes.type("venue", "booking", "promoted", 1);

    /** The data of all three: the booking as it is after the change. */
    public record BookingChanged(UUID bookingId, UUID activityId, UUID venueId, UUID memberId, String status,
                                 Instant startsAt, String reason, String actor, Instant at) {
    }

    private BookingEvents() {
    }
}
