package org.unionhub.competition.ranking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrizeQuotasTest {

    @Test
    void prizesFollowCumulativeQuotasInRankOrder() {
        PrizeQuotas q = new PrizeQuotas(15, 20, 30);
        assertThat(q.prizeFor(1)).isEqualTo(PrizeQuotas.Prize.FIRST);
        assertThat(q.prizeFor(15)).isEqualTo(PrizeQuotas.Prize.FIRST);
        assertThat(q.prizeFor(16)).isEqualTo(PrizeQuotas.Prize.SECOND);
        assertThat(q.prizeFor(35)).isEqualTo(PrizeQuotas.Prize.SECOND);
        assertThat(q.prizeFor(65)).isEqualTo(PrizeQuotas.Prize.THIRD);
        assertThat(q.prizeFor(66)).isNull();
    }

    @Test
    void everyoneTiedAtAQuotasEdgeGetsTheHigherPrize() {
        // ranks 1..14, then three contestants tied at 15 (places 15, 16, 17): all FIRST
        PrizeQuotas q = new PrizeQuotas(15, 2, 0);
        assertThat(q.prizeFor(15)).isEqualTo(PrizeQuotas.Prize.FIRST);
        // the next contestant is ranked 18: the two SECOND places were taken by the tie
        assertThat(q.prizeFor(18)).isNull();
    }

    @Test
    void quotasCannotBeNegative() {
        assertThatThrownBy(() -> new PrizeQuotas(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PrizeQuotas(0, 0, 0).prizeFor(1)).isNull();
    }
}
