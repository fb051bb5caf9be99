package org.unionhub.membership.card;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A partner discount expressed as the share the member pays (0.97 = 九七折). Exact decimal arithmetic:
 * payable is rounded half-up to the fen and saved is the rest, so payable + saved is always the amount.
 */
public final class Discount {

    public record Result(BigDecimal amount, BigDecimal payable, BigDecimal saved) {
    }

    private Discount() {
    }

    public static boolean isValidRate(BigDecimal rate) {
        return rate != null && rate.signum() > 0 && rate.compareTo(BigDecimal.ONE) <= 0 && rate.stripTrailingZeros().scale() <= 4;
    }

    public static Result apply(BigDecimal amount, BigDecimal rate) {
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount must be positive with at most two decimals");
        }
        if (!isValidRate(rate)) {
            throw new IllegalArgumentException("rate must be in (0, 1] with at most four decimals");
        }
        BigDecimal a = amount.setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal payable = a.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        return new Result(a, payable, a.subtract(payable));
    }
}
