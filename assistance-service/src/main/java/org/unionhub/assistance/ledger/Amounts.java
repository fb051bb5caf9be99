package org.unionhub.assistance.ledger;

import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Yuan amounts held as BigDecimal with exactly two decimals, never a floating-point value. Request fields are checked
 * by bean validation (the platform's {@code @Amount}) before a use case sees them;
 * how amounts travel in JSON is the platform's {@link org.unionhub.platform.money.Money}. This class is the arithmetic.
 */
public final class Amounts {

    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Amounts() {
    }

    /**
     * An amount that is not a request field of its own (a value inside an application's details): more than two
     * decimals is refused naming the field, never rounded.
     */
    public static BigDecimal exact(String field, BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 2) {
            throw ProblemException.invalid(field, "must have at most two decimals (yuan and fen)");
        }
        if (value.abs().compareTo(new BigDecimal("999999999999.99")) > 0) {
            throw ProblemException.invalid(field, "is too large");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The amount with exactly two decimals (validated amounts have at most two); null stays null. */
    public static BigDecimal of(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal orZero(BigDecimal value) {
        return value == null ? ZERO : value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
