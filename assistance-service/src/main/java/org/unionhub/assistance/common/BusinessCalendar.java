package org.unionhub.assistance.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** "This year" and "this month" are those of the business, in Asia/Shanghai, whatever the server's zone. */
public final class BusinessCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessCalendar() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static int yearOf(Instant at) {
        return at.atZone(ZONE).getYear();
    }

    public static int monthOf(Instant at) {
        return at.atZone(ZONE).getMonthValue();
    }
}
