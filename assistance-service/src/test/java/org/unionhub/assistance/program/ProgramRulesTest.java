package org.unionhub.assistance.program;

import org.junit.jupiter.api.Test;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramRulesTest {

    private final ProgramRules targetedMedical = new ProgramRules("TARGETED_MEDICAL", true, new BigDecimal("30000.00"),
            new BigDecimal("30000.00"), new BigDecimal("10000.00"), true, false, List.of("outOfPocketCost"), "outOfPocketCost");

    @Test
    void aidNeverExceedsTheStatedOutOfPocketCost() {
        assertThatThrownBy(() -> targetedMedical.checkRequest(new BigDecimal("12000.00"), Map.of("outOfPocketCost", "11999.99")))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).slug()).isEqualTo("exceeds-cost"));
        assertThatCode(() -> targetedMedical.checkRequest(new BigDecimal("12000.00"), Map.of("outOfPocketCost", "12000.00")))
                .doesNotThrowAnyException();
    }

    @Test
    void aRequiredDetailIsNamedWhenMissing() {
        assertThatThrownBy(() -> targetedMedical.checkRequest(new BigDecimal("100.00"), Map.of()))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).errors().get(0).field()).isEqualTo("details.outOfPocketCost"));
    }

    @Test
    void theCapPerApplicationIsARule() {
        assertThatThrownBy(() -> targetedMedical.checkRequest(new BigDecimal("30000.01"), Map.of("outOfPocketCost", "90000.00")))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(422));
    }

    @Test
    void programsWithoutMoneyTakeNoApplicationForAnAmount() {
        ProgramRules channel = new ProgramRules("CRITICAL_ILLNESS_CHANNEL", false, null, null, null, true, false, List.of(), null);
        assertThatThrownBy(() -> channel.checkRequest(new BigDecimal("1.00"), Map.of()))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).slug()).isEqualTo("not-a-money-program"));
    }

    @Test
    void onlyAmountsAboveTheThresholdNeedASecondApproval() {
        assertThat(ProgramRules.needsSecondApproval(new BigDecimal("10000.00"), new BigDecimal("10000.00"))).isFalse();
        assertThat(ProgramRules.needsSecondApproval(new BigDecimal("10000.00"), new BigDecimal("10000.01"))).isTrue();
        assertThat(ProgramRules.needsSecondApproval(null, new BigDecimal("99999.00"))).isFalse();
    }
}
