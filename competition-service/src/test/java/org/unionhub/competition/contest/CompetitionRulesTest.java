package org.unionhub.competition.contest;

import org.junit.jupiter.api.Test;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompetitionRulesTest {

    @Test
    void weightsMustSumToExactly100() {
        assertThatCode(() -> CompetitionRules.requireWeightsSumTo100(List.of(new BigDecimal("30"), new BigDecimal("40.00"), new BigDecimal("30"))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> CompetitionRules.requireWeightsSumTo100(List.of(new BigDecimal("30"), new BigDecimal("40"), new BigDecimal("29.99"))))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.errors().get(0).field()).isEqualTo("items");
                    assertThat(p.getMessage()).contains("99.99");
                });
    }

    @Test
    void codesAreDistinctAndTieBreaksNameItems() {
        assertThatThrownBy(() -> CompetitionRules.requireDistinctCodes(List.of("THEORY", "THEORY")))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.errors().get(0).field()).isEqualTo("items[1].code"));
        assertThatThrownBy(() -> CompetitionRules.requireKnownTieBreak(List.of("VR"), List.of("THEORY")))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.errors().get(0).field()).isEqualTo("tieBreakOrder[0]"));
        assertThatThrownBy(() -> CompetitionRules.requireOrderedDates(LocalDate.of(2023, 2, 22), LocalDate.of(2023, 2, 20)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.errors().get(0).field()).isEqualTo("endsOn"));
    }

    @Test
    void theStatusMovesOnlyOneStepForward() {
        assertThat(CompetitionStatus.DRAFT.mayMoveTo(CompetitionStatus.REGISTRATION)).isTrue();
        assertThat(CompetitionStatus.DRAFT.mayMoveTo(CompetitionStatus.IN_PROGRESS)).isFalse();
        assertThat(CompetitionStatus.IN_PROGRESS.mayMoveTo(CompetitionStatus.REGISTRATION)).isFalse();
        assertThat(CompetitionStatus.SCORING_CLOSED.mayMoveTo(CompetitionStatus.SCORING_CLOSED)).isFalse();
        assertThat(CompetitionStatus.SCORING_CLOSED.mayMoveTo(CompetitionStatus.PUBLISHED)).isTrue();
        assertThat(CompetitionStatus.PUBLISHED.next()).isNull();
    }
}
