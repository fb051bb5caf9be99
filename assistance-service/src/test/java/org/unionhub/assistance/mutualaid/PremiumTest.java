package org.unionhub.assistance.mutualaid;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PremiumTest {

    @Test
    void aFullNonLeapYearCosts21_90() {
        Premium p = Premium.of(2023, LocalDate.of(2023, 1, 1));
        assertThat(p.daysCovered()).isEqualTo(365);
        assertThat(p.amount().toPlainString()).isEqualTo("21.90");
    }

    @Test
    void aFullLeapYearCosts21_96() {
        assertThat(Premium.of(2024, LocalDate.of(2024, 1, 1)).amount().toPlainString()).isEqualTo("21.96");
    }

    @Test
    void aMidYearEnrollmentPaysForTheRemainingDaysOnly() {
        Premium p = Premium.of(2023, LocalDate.of(2023, 7, 1));
        assertThat(p.daysCovered()).isEqualTo(184);
        assertThat(p.amount().toPlainString()).isEqualTo("11.04");
        Premium last = Premium.of(2023, LocalDate.of(2023, 12, 31));
        assertThat(last.daysCovered()).isEqualTo(1);
        assertThat(last.amount().toPlainString()).isEqualTo("0.06");
    }

    @Test
    void coverMustStartInsideTheYear() {
        assertThatThrownBy(() -> Premium.of(2023, LocalDate.of(2022, 12, 31))).isInstanceOf(IllegalArgumentException.class);
    }
}
