package org.unionhub.assistance.common;

import org.junit.jupiter.api.Test;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void amountsAreHeldWithExactlyTwoDecimals() {
        assertThat(Money.positive("amount", new BigDecimal("30000")).toPlainString()).isEqualTo("30000.00");
        assertThat(Money.positive("amount", new BigDecimal("0.1")).toPlainString()).isEqualTo("0.10");
        assertThat(Money.positive("amount", new BigDecimal("21.900")).toPlainString()).isEqualTo("21.90");
    }

    @Test
    void aThirdDecimalIsRefusedNamingTheFieldNeverRounded() {
        assertThatThrownBy(() -> Money.positive("requestedAmount", new BigDecimal("10.005")))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).errors().get(0).field()).isEqualTo("requestedAmount"));
    }

    @Test
    void zeroAndNegativeAmountsAreRefused() {
        assertThatThrownBy(() -> Money.positive("amount", new BigDecimal("0.00"))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Money.positive("amount", new BigDecimal("-1"))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Money.positive("amount", null)).isInstanceOf(ProblemException.class);
    }

    @Test
    void thousandsOfFenAddUpWithoutDrift() {
        BigDecimal sum = Money.ZERO;
        for (int i = 0; i < 10_000; i++) {
            sum = sum.add(Money.positive("amount", new BigDecimal("0.01")));
        }
        assertThat(sum.toPlainString()).isEqualTo("100.00");
    }
}
