package org.unionhub.membership.card;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscountTest {

    @Test
    void fuelAtNinetySevenPercent() {
        Discount.Result r = Discount.apply(new BigDecimal("300.00"), new BigDecimal("0.97"));
        assertThat(r.payable()).isEqualTo(new BigDecimal("291.00"));
        assertThat(r.saved()).isEqualTo(new BigDecimal("9.00"));
    }

    @Test
    void repairsAtNinetyFivePercentRoundHalfUpToTheFenAndAddUp() {
        Discount.Result r = Discount.apply(new BigDecimal("0.10"), new BigDecimal("0.95"));
        assertThat(r.payable()).isEqualTo(new BigDecimal("0.10")); // 0.095 → 0.10
        assertThat(r.saved()).isEqualTo(new BigDecimal("0.00"));
        Discount.Result s = Discount.apply(new BigDecimal("123.45"), new BigDecimal("0.95"));
        assertThat(s.payable()).isEqualTo(new BigDecimal("117.28")); // 117.2775
        assertThat(s.payable().add(s.saved())).isEqualTo(new BigDecimal("123.45"));
    }

    @Test
    void ratesMustBeAShareAndAmountsYuanWithTwoDecimals() {
        assertThat(Discount.isValidRate(new BigDecimal("1"))).isTrue();
        assertThat(Discount.isValidRate(BigDecimal.ZERO)).isFalse();
        assertThat(Discount.isValidRate(new BigDecimal("1.01"))).isFalse();
        assertThat(Discount.isValidRate(new BigDecimal("0.97001"))).isFalse();
        assertThatThrownBy(() -> Discount.apply(new BigDecimal("1.001"), new BigDecimal("0.97"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Discount.apply(new BigDecimal("-1"), new BigDecimal("0.97"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cardNumbersCarryALuhnCheckDigit() {
        for (int i = 0; i < 50; i++) {
            String n = CardNumber.generate();
            assertThat(n).hasSize(16).startsWith("8860");
            assertThat(CardNumber.isValid(n)).isTrue();
            char wrong = (char) ('0' + (n.charAt(15) - '0' + 1) % 10);
            assertThat(CardNumber.isValid(n.substring(0, 15) + wrong)).isFalse();
        }
        assertThat(CardNumber.luhnDigit("7992739871")).isEqualTo(3);
    }
}
