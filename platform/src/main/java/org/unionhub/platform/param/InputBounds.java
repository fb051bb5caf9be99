package org.unionhub.platform.param;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The bounds every year, date, instant and date range a client sends must keep (docs/architecture.md "Input bounds").
 * Nothing in the domain lies outside them, and values far outside overflow date arithmetic or PostgreSQL's date
 * range (a year of 1,000,000,000 or {@code +999999999-12-31} answered 500 before).
 */
public final class InputBounds {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2100;
    public static final LocalDate MIN_DATE = LocalDate.of(MIN_YEAR, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(MAX_YEAR, 12, 31);
    public static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);
    public static final Instant MAX_INSTANT = MAX_DATE.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
    /** The longest date range a report or list accepts (a leap year). */
    public static final int MAX_RANGE_DAYS = 366;

    private InputBounds() {
    }

    /** {@code year}, or a 400 naming {@code field} when it lies outside {@value #MIN_YEAR}..{@value #MAX_YEAR}. */
    public static int year(String field, int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidParameterException(field, "must be a year between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return year;
    }

    /** {@code year} when given (null passes), bounded as {@link #year(String, int)}. */
    public static Integer year(String field, Integer year) {
        return year == null ? null : year(field, year.intValue());
    }

    public static LocalDate date(String field, LocalDate date) {
        if (date != null && (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE))) {
            throw new InvalidParameterException(field, "must be a date between " + MIN_DATE + " and " + MAX_DATE);
        }
        return date;
    }

    public static Instant instant(String field, Instant instant) {
        if (instant != null && (instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT))) {
            throw new InvalidParameterException(field, "must be a time between " + MIN_INSTANT + " and " + MAX_DATE + "T23:59:59Z");
        }
        return instant;
    }

    /**
     * A range {@code from..to} (both inclusive): {@code to} not before {@code from} and at most {@code maxDays} days
     * long; the error names {@code toField}.
     */
    public static void range(String toField, LocalDate from, LocalDate to, int maxDays) {
        if (from == null || to == null) {
            return;
        }
        if (to.isBefore(from)) {
            throw new InvalidParameterException(toField, "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
            throw new InvalidParameterException(toField, "the range may span at most " + maxDays + " days");
        }
    }
}
