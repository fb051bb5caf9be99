package org.unionhub.venue.site;

import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A weekly schedule in the business time zone ({@link BusinessClock#ZONE}): per day, periods {@code "09:00"-"21:00"}; {@code "24:00"} closes at
 * midnight. Stored as minutes of the week (Monday 00:00 = 0) so that "open now" is a database range test.
 */
public final class OpeningHours {

    public static final int MINUTES_PER_DAY = 24 * 60;

    public record Period(String opens, String closes) {
    }

    /** [start, end) in minutes of the week. */
    public record WeekInterval(int startMinute, int endMinute) {
        public boolean contains(int minuteOfWeek) {
            return startMinute <= minuteOfWeek && minuteOfWeek < endMinute;
        }
    }

    private final Map<DayOfWeek, List<Period>> days;
    private final List<WeekInterval> intervals;

    private OpeningHours(Map<DayOfWeek, List<Period>> days, List<WeekInterval> intervals) {
        this.days = days;
        this.intervals = intervals;
    }

    /** Validates a schedule as the API receives it; field names in errors follow the JSON. */
    public static OpeningHours of(String field, Map<DayOfWeek, List<Period>> schedule) {
        Map<DayOfWeek, List<Period>> days = new EnumMap<>(DayOfWeek.class);
        List<WeekInterval> intervals = new ArrayList<>();
        if (schedule != null) {
            for (Map.Entry<DayOfWeek, List<Period>> e : schedule.entrySet()) {
                if (e.getKey() == null) {
                    throw ProblemException.invalid(field, "days are MONDAY..SUNDAY");
                }
                List<Period> periods = e.getValue() == null ? List.of() : e.getValue();
                for (int i = 0; i < periods.size(); i++) {
                    String at = field + "." + e.getKey() + "[" + i + "]";
                    Period p = periods.get(i);
                    if (p == null) {
                        throw ProblemException.invalid(at, "must be {opens, closes}");
                    }
                    int opens = minuteOfDay(at + ".opens", p.opens(), false);
                    int closes = minuteOfDay(at + ".closes", p.closes(), true);
                    if (closes <= opens) {
                        throw ProblemException.invalid(at + ".closes", "must be after opens");
                    }
                    int base = (e.getKey().getValue() - 1) * MINUTES_PER_DAY;
                    intervals.add(new WeekInterval(base + opens, base + closes));
                }
                days.put(e.getKey(), List.copyOf(periods));
            }
        }
        return new OpeningHours(days, List.copyOf(intervals));
    }

    public Map<DayOfWeek, List<Period>> days() {
        return days;
    }

    public List<WeekInterval> intervals() {
        return intervals;
    }

    public boolean isOpenAt(Instant at) {
        int m = minuteOfWeek(at);
        return intervals.stream().anyMatch(i -> i.contains(m));
    }

    public static int minuteOfWeek(Instant at) {
        ZonedDateTime local = at.atZone(BusinessClock.ZONE);
        return (local.getDayOfWeek().getValue() - 1) * MINUTES_PER_DAY + local.getHour() * 60 + local.getMinute();
    }

    private static int minuteOfDay(String field, String text, boolean closing) {
        if (text == null) {
            throw ProblemException.invalid(field, "is required (HH:mm)");
        }
        if (closing && text.equals("24:00")) {
            return MINUTES_PER_DAY;
        }
        try {
            LocalTime t = LocalTime.parse(text);
            return t.getHour() * 60 + t.getMinute();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a time HH:mm");
        }
    }
}
