package org.unionhub.platform.time;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock and the one calendar of UnionHub. Instants are UTC; "today", "this month" and "this year" (caps per
 * year, savings per month, forums per year, ages) are those of the unions' calendar, China Standard Time, so that a
 * payout at 07:30 on 1 January in Beijing counts in the new year although it is still 31 December in UTC.
 *
 * <p>Inject it instead of calling {@code Instant.now()}: a test replaces it with {@code QuarkusMock.installMockForType(
 * BusinessClock.fixedAt(...), BusinessClock.class)} and crosses New Year's Eve without waiting for it.
 */
@ApplicationScoped
public class BusinessClock {

    /** The business calendar's time zone: China has one, UTC+8 all year. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    public BusinessClock() {
        this(Clock.systemUTC());
    }

    public BusinessClock(Clock clock) {
        this.clock = clock;
    }

    /** A clock standing still at {@code instant}: for tests. */
    public static BusinessClock fixedAt(Instant instant) {
        return new BusinessClock(Clock.fixed(instant, ZoneOffset.UTC));
    }

    public Instant now() {
        return clock.instant();
    }

    public OffsetDateTime nowUtc() {
        return OffsetDateTime.ofInstant(now(), ZoneOffset.UTC);
    }

    /** Today in the business calendar. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), ZONE);
    }

    public int year() {
        return today().getYear();
    }

    /** The business date of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The first instant of a business date. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
