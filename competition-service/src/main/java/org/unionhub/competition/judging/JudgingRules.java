package org.unionhub.competition.judging;

import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;

/** Who may mark what, and on which scale. */
public final class JudgingRules {

    private JudgingRules() {
    }

    /** WorldSkills' rule for experts: never mark a competitor of one's own enterprise. */
    public static void requireDifferentEnterprise(String judgeName, String judgeEnterprise, String contestantName, String contestantEnterprise) {
        if (normalise(judgeEnterprise).equals(normalise(contestantEnterprise))) {
            throw ProblemException.rule("judge-same-enterprise", "judge " + judgeName + " belongs to " + judgeEnterprise
                    + ", the enterprise of contestant " + contestantName + ", and may not score this contestant");
        }
    }

    public static void requireOnScale(BigDecimal score, BigDecimal maxScore) {
        if (score.signum() < 0 || score.compareTo(maxScore) > 0) {
            throw ProblemException.invalid("score", "must be between 0 and " + maxScore.stripTrailingZeros().toPlainString());
        }
    }

    static String normalise(String enterprise) {
        return enterprise == null ? "" : enterprise.strip().replaceAll("\\s+", " ");
    }
}
