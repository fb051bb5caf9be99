package org.unionhub.assistance.common;

import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Yuan amounts: BigDecimal with exactly two decimals, never a floating-point value. */
public final class Money {

    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    /** A required positive amount from a request; more than two decimals is refused, never rounded. */
    public static BigDecimal positive(String field, BigDecimal value) {
        if (value == null) {
            throw ProblemException.invalid(field, "is required");
        }
        BigDecimal v = exact(field, value);
        if (v.signum() <= 0) {
            throw ProblemException.invalid(field, "must be greater than 0.00");
        }
        return v;
    }

    /** An optional amount that may be zero. */
    public static BigDecimal nonNegativeOrNull(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal v = exact(field, value);
        if (v.signum() < 0) {
            throw ProblemException.invalid(field, "must not be negative");
        }
        return v;
    }

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

    public static BigDecimal of(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal orZero(BigDecimal value) {
        return value == null ? ZERO : value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
