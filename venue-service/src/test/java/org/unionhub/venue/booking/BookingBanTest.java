package org.unionhub.venue.booking;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BookingBanTest {

    private static final Instant NOW = Instant.parse("2023-03-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);
    private static final Duration BAN = Duration.ofDays(14);

    private static Instant daysAgo(int d) {
        return NOW.minus(Duration.ofDays(d));
    }

    @Test
    void threeNoShowsWithin30DaysBanFor14DaysAfterTheLast() {
        assertThat(BookingBan.bannedUntil(List.of(daysAgo(20), daysAgo(10), daysAgo(5)), NOW, 3, WINDOW, BAN))
                .contains(daysAgo(5).plus(BAN));
    }

    @Test
    void twoNoShowsAreNotABan() {
        assertThat(BookingBan.bannedUntil(List.of(daysAgo(3), daysAgo(1)), NOW, 3, WINDOW, BAN)).isEmpty();
    }

    @Test
    void threeNoShowsSpreadOverMoreThan30DaysAreNotABan() {
        assertThat(BookingBan.bannedUntil(List.of(daysAgo(40), daysAgo(12), daysAgo(2)), NOW, 3, WINDOW, BAN)).isEmpty();
    }

    @Test
    void theBanEnds() {
        assertThat(BookingBan.bannedUntil(List.of(daysAgo(25), daysAgo(20), daysAgo(15)), NOW, 3, WINDOW, BAN)).isEmpty();
        assertThat(BookingBan.bannedUntil(List.of(daysAgo(25), daysAgo(20), daysAgo(13)), NOW, 3, WINDOW, BAN)).isPresent();
    }
}
