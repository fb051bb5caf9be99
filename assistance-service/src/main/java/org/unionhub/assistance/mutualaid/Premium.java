package org.unionhub.assistance.mutualaid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The mutual-aid premium: 0.06 yuan (6 fen) per day covered, from enrollment to the year's end. */
public record Premium(LocalDate coveredFrom, int daysCovered, BigDecimal amount) {

    public static final BigDecimal PER_DAY = new BigDecimal("0.06");

    /**
     * @param coveredFrom the first day covered; must lie within {@code year}
     */
    public static Premium of(int year, LocalDate coveredFrom) {
        if (coveredFrom.getYear() != year) {
            throw new IllegalArgumentException("coveredFrom " + coveredFrom + " is not in " + year);
        }
        int days = (int) ChronoUnit.DAYS.between(coveredFrom, LocalDate.of(year + 1, 1, 1));
        return new Premium(coveredFrom, days, PER_DAY.multiply(BigDecimal.valueOf(days)).setScale(2));
    }
}
