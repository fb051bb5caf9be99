package org.unionhub.platform.time;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessClockTest {

    @Test
    void newYearComesEightHoursEarlierInTheUnionsCalendarThanInUtc() {
        BusinessClock lastEveningUtc = BusinessClock.fixedAt(Instant.parse("2026-12-31T16:30:00Z"));
        assertThat(lastEveningUtc.today()).isEqualTo(LocalDate.parse("2027-01-01"));
        assertThat(lastEveningUtc.year()).isEqualTo(2027);

        BusinessClock justBefore = BusinessClock.fixedAt(Instant.parse("2026-12-31T15:59:59Z"));
        assertThat(justBefore.year()).isEqualTo(2026);
        assertThat(BusinessClock.startOf(LocalDate.parse("2027-01-01"))).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(BusinessClock.dateOf(Instant.parse("2026-12-31T16:00:00Z"))).isEqualTo(LocalDate.parse("2027-01-01"));
    }
}
