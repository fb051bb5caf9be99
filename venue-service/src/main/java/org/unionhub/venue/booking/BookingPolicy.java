package org.unionhub.venue.booking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The numbers of the booking rules; the values are the defaults. */
@ConfigMapping(prefix = "venue.booking")
public interface BookingPolicy {

    /** A confirmed booking not checked in this long after the start is a no-show. */
    @WithDefault("PT30M")
    Duration noShowAfter();

    /** How many no-shows ... */
    @WithDefault("3")
    int noShowLimit();

    /** ... within this window ... */
    @WithDefault("P30D")
    Duration noShowWindow();

    /** ... ban booking for this long after the last of them. */
    @WithDefault("P14D")
    Duration banFor();

    /** Live (confirmed or waitlisted) bookings of future activities a member may hold. */
    @WithDefault("5")
    int maxFutureBookings();

    /** A check-in this long before the start already counts as attending. */
    @WithDefault("PT1H")
    Duration checkInEarly();
}
