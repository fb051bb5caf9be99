package org.unionhub.partner.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential backoff, {@code base * 2^(failures-1)} capped at
 * {@code maxDelay}, with full jitter (a uniformly random wait between 0 and that bound, so that many deliveries
 * failing together at an endpoint's outage do not all come back at the same instant). A delivery whose first
 * attempt was {@code giveUpAfter} ago is given up (DEAD).
 */
public record RetrySchedule(Duration base, Duration maxDelay, Duration giveUpAfter) {

    /** The bound of the wait after the n-th consecutive failure of a delivery (n from 1). */
    public Duration ceiling(int failures) {
        long baseMillis = Math.max(1, base.toMillis());
        int shift = Math.min(Math.max(failures - 1, 0), 40);
        long millis = baseMillis > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : baseMillis << shift;
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }

    /** The next attempt after the n-th failure, or null when the delivery is to be given up. */
    public Instant next(int failures, Instant firstQueued, Instant now, DoubleSupplier random) {
        if (!now.isBefore(firstQueued.plus(giveUpAfter))) {
            return null;
        }
        long wait = (long) (random.getAsDouble() * ceiling(failures).toMillis());
        return now.plusMillis(wait);
    }
}
