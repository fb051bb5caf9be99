package org.unionhub.venue.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Three no-shows in 30 days: no booking for 14 days" (numbers from {@link BookingPolicy}): every run of
 * {@code limit} no-shows inside one window bans until {@code banFor} after the last of them.
 */
public final class BookingBan {

    private BookingBan() {
    }

    /** @return until when the member is banned at {@code now}, if he is */
    public static Optional<Instant> bannedUntil(List<Instant> noShows, Instant now, int limit, Duration window, Duration banFor) {
        List<Instant> sorted = noShows.stream().sorted().toList();
        Instant until = null;
        for (int i = limit - 1; i < sorted.size(); i++) {
            Instant first = sorted.get(i - limit + 1);
            Instant last = sorted.get(i);
            if (Duration.between(first, last).compareTo(window) <= 0) {
                Instant end = last.plus(banFor);
                if (until == null || end.isAfter(until)) {
                    until = end;
                }
            }
        }
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
}
