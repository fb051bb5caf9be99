package org.unionhub.competition.ranking;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IndividualRankingTest {

    static final List<IndividualRanking.Item> ITEMS = List.of(
            new IndividualRanking.Item("THEORY", new BigDecimal("30"), new BigDecimal("100")),
            new IndividualRanking.Item("VR_SIMULATION", new BigDecimal("40"), new BigDecimal("100")),
            new IndividualRanking.Item("HAZARD_SPOTTING", new BigDecimal("30"), new BigDecimal("10")));

    static IndividualRanking.Contestant c(UUID id, String theory, String vr, String... hazard) {
        return new IndividualRanking.Contestant(id, Map.of(
                "THEORY", List.of(new BigDecimal(theory)),
                "VR_SIMULATION", List.of(new BigDecimal(vr)),
                "HAZARD_SPOTTING", java.util.Arrays.stream(hazard).map(BigDecimal::new).toList()));
    }

    @Test
    void ranksByTotalAndEqualContestantsShareARankWithTheNextRankSkipped() {
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), d = UUID.randomUUID();
        List<IndividualRanking.Result> r = IndividualRanking.rank(ITEMS, List.of(), List.of(
                c(a, "80", "80", "8", "8", "8"), c(b, "90", "90", "9", "9", "9"),
                c(c, "80", "80", "8", "8", "8"), c(d, "70", "70", "7", "7", "7")));
        assertThat(r).extracting(IndividualRanking.Result::rank).containsExactly(1, 2, 2, 4);
        assertThat(r.get(0).id()).isEqualTo(b);
        assertThat(r.get(0).total()).isEqualByComparingTo("90.00");
        assertThat(r.get(3).id()).isEqualTo(d);
        assertThat(r.get(0).itemScores()).containsEntry("HAZARD_SPOTTING", new BigDecimal("9.00"));
    }

    @Test
    void theTieBreakOrderSeparatesEqualTotals() {
        UUID strongHazard = UUID.randomUUID(), strongTheory = UUID.randomUUID();
        // both 0.3 × T + 0.4 × V + 3 × H = 93.60
        IndividualRanking.Contestant x = c(strongHazard, "94", "93", "9.4", "9.4", "9.4");
        IndividualRanking.Contestant y = c(strongTheory, "98", "93", "9.0", "9.0", "9.0");
        List<IndividualRanking.Result> withoutTieBreak = IndividualRanking.rank(ITEMS, List.of(), List.of(x, y));
        assertThat(withoutTieBreak).extracting(IndividualRanking.Result::rank).containsExactly(1, 1);
        List<IndividualRanking.Result> hazardFirst = IndividualRanking.rank(ITEMS, List.of("HAZARD_SPOTTING", "THEORY"), List.of(y, x));
        assertThat(hazardFirst).extracting(IndividualRanking.Result::id).containsExactly(strongHazard, strongTheory);
        assertThat(hazardFirst).extracting(IndividualRanking.Result::rank).containsExactly(1, 2);
        List<IndividualRanking.Result> theoryFirst = IndividualRanking.rank(ITEMS, List.of("THEORY"), List.of(x, y));
        assertThat(theoryFirst).extracting(IndividualRanking.Result::id).containsExactly(strongTheory, strongHazard);
    }

    @Test
    void fiveJudgesMarksAreTrimmedInTheRanking() {
        UUID a = UUID.randomUUID(), b = UUID.randomUUID();
        // a's outlier 0 is dropped: hazard (8+8+8)/3 = 8; b without trimming would be equal
        List<IndividualRanking.Result> r = IndividualRanking.rank(ITEMS, List.of(), List.of(
                c(a, "80", "80", "0", "8", "8", "8", "10"), c(b, "80", "80", "7", "7", "7")));
        assertThat(r.get(0).id()).isEqualTo(a);
        assertThat(r.get(0).itemScores().get("HAZARD_SPOTTING")).isEqualByComparingTo("8.00");
    }

    @Test
    void teamsRankByTheMeanOfTheirMembersAndTiesShareARank() {
        UUID t1 = UUID.randomUUID(), t2 = UUID.randomUUID(), t3 = UUID.randomUUID();
        List<TeamRanking.Result> r = TeamRanking.rank(Map.of(
                t1, List.of(new BigDecimal("90"), new BigDecimal("80"), new BigDecimal("70")),
                t2, List.of(new BigDecimal("85"), new BigDecimal("80"), new BigDecimal("75")),
                t3, List.of(new BigDecimal("95"), new BigDecimal("90"), new BigDecimal("85"))));
        assertThat(r).extracting(TeamRanking.Result::teamId).startsWith(t3);
        assertThat(r).extracting(TeamRanking.Result::rank).containsExactly(1, 2, 2);
        assertThat(r.get(1).score()).isEqualByComparingTo("80.00");
    }
}
