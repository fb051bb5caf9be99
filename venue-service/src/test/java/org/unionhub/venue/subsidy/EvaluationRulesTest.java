package org.unionhub.venue.subsidy;

import org.junit.jupiter.api.Test;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationRulesTest {

    private static final Map<String, Integer> CRITERIA = Map.of("SERVICE_DELIVERY", 30, "ACTIVITY_COUNT", 20, "VISITS", 20,
            "MANAGEMENT", 15, "SAFETY", 15);
    private static final EvaluationRules RULES = new EvaluationRules(CRITERIA,
            Map.of(Grade.EXCELLENT, 90, Grade.GOOD, 80, Grade.PASS, 60),
            Map.of(Grade.EXCELLENT, new BigDecimal("200000.00"), Grade.GOOD, new BigDecimal("100000.00")));

    /** Full marks except {@code lost} points off service delivery. */
    private static Map<String, BigDecimal> scoresLosing(String lost) {
        Map<String, BigDecimal> s = new HashMap<>();
        CRITERIA.forEach((k, v) -> s.put(k, BigDecimal.valueOf(v)));
        s.put("SERVICE_DELIVERY", new BigDecimal("30").subtract(new BigDecimal(lost)));
        return s;
    }

    @Test
    void gradesAtTheirThresholdsAndAwardTheConfiguredAmounts() {
        assertThat(RULES.grade(scoresLosing("10"))).isEqualTo(new EvaluationRules.Result(new BigDecimal("90.00"), Grade.EXCELLENT, new BigDecimal("200000.00")));
        assertThat(RULES.grade(scoresLosing("10.01")).grade()).isEqualTo(Grade.GOOD);
        assertThat(RULES.grade(scoresLosing("20")).award()).isEqualTo(new BigDecimal("100000.00"));
        Map<String, BigDecimal> pass = scoresLosing("30");
        pass.put("ACTIVITY_COUNT", new BigDecimal("10"));
        assertThat(RULES.grade(pass)).isEqualTo(new EvaluationRules.Result(new BigDecimal("60.00"), Grade.PASS, new BigDecimal("0.00")));
        pass.put("ACTIVITY_COUNT", new BigDecimal("9.5"));
        assertThat(RULES.grade(pass).grade()).isEqualTo(Grade.FAIL);
    }

    @Test
    void scoresMustCoverEveryCriterionWithinItsPoints() {
        Map<String, BigDecimal> missing = scoresLosing("0");
        missing.remove("SAFETY");
        assertThatThrownBy(() -> RULES.grade(missing)).isInstanceOf(ProblemException.class).hasMessageContaining("scores.SAFETY");
        Map<String, BigDecimal> unknown = scoresLosing("0");
        unknown.put("LOOKS", BigDecimal.ONE);
        assertThatThrownBy(() -> RULES.grade(unknown)).hasMessageContaining("scores.LOOKS");
        assertThatThrownBy(() -> RULES.grade(scoresLosing("-1"))).hasMessageContaining("between 0 and 30");
        assertThatThrownBy(() -> RULES.grade(scoresLosing("0.001"))).hasMessageContaining("two decimals");
    }

    @Test
    void weightsMustAddUpTo100() {
        assertThatThrownBy(() -> new EvaluationRules(Map.of("A", 50, "B", 40), Map.of(Grade.EXCELLENT, 90, Grade.GOOD, 80, Grade.PASS, 60), Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("100");
    }
}
