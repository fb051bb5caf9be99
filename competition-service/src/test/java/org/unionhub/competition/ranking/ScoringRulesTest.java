package org.unionhub.competition.ranking;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoringRulesTest {

    static List<BigDecimal> marks(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void itemScoreIsTheMeanOfAllMarksBelowFiveJudges() {
        assertThat(ScoringRules.itemScore(marks("2", "3", "3", "1")).rounded()).isEqualByComparingTo("2.25");
        assertThat(ScoringRules.itemScore(marks("7.5")).rounded()).isEqualByComparingTo("7.50");
    }

    @Test
    void fromFiveJudgesTheHighestAndLowestAreDropped() {
        // 0 and 10 are dropped: (6 + 7 + 8) / 3
        assertThat(ScoringRules.itemScore(marks("10", "6", "0", "7", "8")).rounded()).isEqualByComparingTo("7.00");
        // only one of two equal highest marks is dropped
        assertThat(ScoringRules.itemScore(marks("9", "9", "5", "6", "7", "1")).rounded()).isEqualByComparingTo("6.75");
    }

    @Test
    void noMarksIsNoItemScoreAndCountsAsZeroInTheTotal() {
        assertThat(ScoringRules.itemScore(List.of())).isNull();
        assertThat(ScoringRules.total(List.of(ScoringRules.weighted(BigDecimal.TEN, null, BigDecimal.TEN)))).isEqualByComparingTo("0.00");
    }

    @Test
    void totalIsTheWeightedSumOfItemScoresOverTheirScalesExactToTwoDecimals() {
        // 30 × 88/100 + 40 × 76.5/100 + 30 × 7.25/10 = 26.4 + 30.6 + 21.75
        BigDecimal total = ScoringRules.total(List.of(
                ScoringRules.weighted(new BigDecimal("30"), ScoringRules.itemScore(marks("88")), new BigDecimal("100")),
                ScoringRules.weighted(new BigDecimal("40"), ScoringRules.itemScore(marks("76.5")), new BigDecimal("100")),
                ScoringRules.weighted(new BigDecimal("30"), ScoringRules.itemScore(marks("7", "7.5", "7.25")), new BigDecimal("10"))));
        assertThat(total).isEqualByComparingTo("78.75").hasScaleOf(2);
    }

    @Test
    void theTotalIsRoundedOnceFromExactFractionsNotFromRoundedItemScores() {
        // three items each worth exactly 1/3 of a point: rounding each first would give 0.33 × 3 = 0.99
        ScoringRules.Ratio third = ScoringRules.weighted(BigDecimal.ONE, ScoringRules.itemScore(marks("1", "1", "2")), new BigDecimal("4"));
        assertThat(third.rounded()).isEqualByComparingTo("0.33");
        assertThat(ScoringRules.total(List.of(third, third, third))).isEqualByComparingTo("1.00");
        // HALF_UP at the second decimal: 1/3 + 1/6 + 0.005 = 0.505 exactly
        ScoringRules.Ratio sixth = ScoringRules.weighted(BigDecimal.ONE, ScoringRules.itemScore(marks("0.5")), new BigDecimal("3"));
        ScoringRules.Ratio half = ScoringRules.weighted(BigDecimal.ONE, ScoringRules.itemScore(marks("0.01")), new BigDecimal("2"));
        assertThat(ScoringRules.total(List.of(third, sixth, half))).isEqualByComparingTo("0.51");
    }

    @Test
    void teamScoreIsTheMeanOfTheMembersTotals() {
        assertThat(ScoringRules.teamScore(marks("90.00", "85.50", "80.25"))).isEqualByComparingTo("85.25");
        assertThat(ScoringRules.teamScore(marks("90.00", "90.00", "90.01"))).isEqualByComparingTo("90.00");
        assertThatThrownBy(() -> ScoringRules.teamScore(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void marksSpreadingWiderThanTheToleranceAreOutOfTolerance() {
        assertThat(ScoringRules.outOfTolerance(marks("1", "2", "2"), BigDecimal.ONE)).isFalse();
        assertThat(ScoringRules.outOfTolerance(marks("0", "2", "3"), BigDecimal.ONE)).isTrue();
        assertThat(ScoringRules.defaultTolerance(new BigDecimal("3"))).isEqualByComparingTo("1.00");
    }
}
