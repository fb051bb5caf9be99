package org.unionhub.assistance.ledger;

import org.junit.jupiter.api.Test;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapCheckTest {

    private static BigDecimal m(String s) {
        return new BigDecimal(s);
    }

    @Test
    void theLastFiveThousandOfThirtyThousandFitsExactly() {
        assertThatCode(() -> CapCheck.check("TARGETED_MEDICAL", m("30000.00"), null, m("25000.00"), m("25000.00"), m("5000.00")))
                .doesNotThrowAnyException();
    }

    @Test
    void oneFenAboveTheProgramCapIsRefusedWith422() {
        assertThatThrownBy(() -> CapCheck.check("TARGETED_MEDICAL", m("30000.00"), null, m("25000.00"), m("25000.00"), m("5000.01")))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    ProblemException p = (ProblemException) e;
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.slug()).isEqualTo("cap-exceeded");
                    assertThat(p.extensions().get("remaining")).isEqualTo(m("5000.00"));
                });
    }

    @Test
    void theOverallCapAcrossProgramsIsEnforcedWhenConfigured() {
        assertThatThrownBy(() -> CapCheck.check("DAILY_RELIEF", m("10000.00"), m("100000.00"), m("0.00"), m("99000.00"), m("1000.01")))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).slug()).isEqualTo("overall-cap-exceeded"));
        assertThatCode(() -> CapCheck.check("DAILY_RELIEF", m("10000.00"), m("100000.00"), m("0.00"), m("99000.00"), m("1000.00")))
                .doesNotThrowAnyException();
    }

    @Test
    void withoutAnOverallCapOnlyTheProgramCapCounts() {
        assertThatCode(() -> CapCheck.check("DAILY_RELIEF", m("10000.00"), null, m("0.00"), m("5000000.00"), m("10000.00")))
                .doesNotThrowAnyException();
    }

    @Test
    void remainingNeverGoesBelowZero() {
        assertThat(CapCheck.remaining(m("30000.00"), m("30000.00"))).isEqualTo(m("0.00"));
        assertThat(CapCheck.remaining(m("30000.00"), m("31000.00"))).isEqualTo(m("0.00"));
        assertThat(CapCheck.remaining(null, m("1.00"))).isNull();
    }
}
