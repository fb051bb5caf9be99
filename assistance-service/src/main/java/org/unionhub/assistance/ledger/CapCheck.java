package org.unionhub.assistance.ledger;

import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;

/**
 * Whether one more amount fits under a member's caps for a year, given what is committed already.
 * Plain arithmetic on exact amounts: the ledger calls it while it holds the member's lock.
 */
public final class CapCheck {

    private CapCheck() {
    }

    /**
     * @param programCap    the program's cap per person and year, or null for none
     * @param overallCap    the cap across all programs per person and year, or null when off
     * @param programSoFar  committed in this program this year
     * @param overallSoFar  committed in all programs this year
     */
    public static void check(String programCode, BigDecimal programCap, BigDecimal overallCap,
                             BigDecimal programSoFar, BigDecimal overallSoFar, BigDecimal amount) {
        if (programCap != null) {
            BigDecimal remaining = programCap.subtract(programSoFar);
            if (amount.compareTo(remaining) > 0) {
                throw ProblemException.rule("cap-exceeded", amount + " is above what remains of the member's yearly cap of "
                                + programCap + " in " + programCode + ": " + remaining.max(BigDecimal.ZERO.setScale(2)))
                        .with("cap", programCap).with("remaining", remaining.max(BigDecimal.ZERO.setScale(2)));
            }
        }
        if (overallCap != null) {
            BigDecimal remaining = overallCap.subtract(overallSoFar);
            if (amount.compareTo(remaining) > 0) {
                throw ProblemException.rule("overall-cap-exceeded", amount + " is above what remains of the member's overall yearly cap of "
                                + overallCap + " across all programs: " + remaining.max(BigDecimal.ZERO.setScale(2)))
                        .with("cap", overallCap).with("remaining", remaining.max(BigDecimal.ZERO.setScale(2)));
            }
        }
    }

    /** Whether the amount fits under both caps (null = no cap); the non-throwing twin of {@link #check}, for batches. */
    public static boolean fits(BigDecimal programCap, BigDecimal overallCap, BigDecimal programSoFar, BigDecimal overallSoFar,
                               BigDecimal amount) {
        return (programCap == null || amount.compareTo(programCap.subtract(programSoFar)) <= 0)
                && (overallCap == null || amount.compareTo(overallCap.subtract(overallSoFar)) <= 0);
    }

    /** What remains of a cap, never below zero; null when there is no cap. */
    public static BigDecimal remaining(BigDecimal cap, BigDecimal used) {
        return cap == null ? null : cap.subtract(used).max(BigDecimal.ZERO.setScale(2));
    }
}
