package org.unionhub.competition.judging;

import org.junit.jupiter.api.Test;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JudgingRulesTest {

    @Test
    void aJudgeNeverScoresAContestantOfHisOwnEnterprise() {
        assertThatThrownBy(() -> JudgingRules.requireDifferentEnterprise("陈工", "中国石化", "王磊", " 中国石化 "))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.slug()).isEqualTo("judge-same-enterprise");
                    assertThat(p.getMessage()).contains("陈工").contains("王磊");
                });
        assertThatCode(() -> JudgingRules.requireDifferentEnterprise("陈工", "中国化学", "王磊", "中国石化")).doesNotThrowAnyException();
    }

    @Test
    void scoresStayOnTheItemsScale() {
        assertThatCode(() -> JudgingRules.requireOnScale(BigDecimal.ZERO, BigDecimal.TEN)).doesNotThrowAnyException();
        assertThatCode(() -> JudgingRules.requireOnScale(BigDecimal.TEN, BigDecimal.TEN)).doesNotThrowAnyException();
        assertThatThrownBy(() -> JudgingRules.requireOnScale(new BigDecimal("10.01"), BigDecimal.TEN))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.errors().get(0).field()).isEqualTo("score"));
        assertThatThrownBy(() -> JudgingRules.requireOnScale(new BigDecimal("-0.5"), BigDecimal.TEN)).isInstanceOf(ProblemException.class);
    }
}
