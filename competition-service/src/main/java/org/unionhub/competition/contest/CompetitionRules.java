package org.unionhub.competition.contest;

import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What makes a competition's definition coherent; each refusal names the field (400). */
public final class CompetitionRules {

    public static final BigDecimal TOTAL_WEIGHT = BigDecimal.valueOf(100);

    private CompetitionRules() {
    }

    public static void requireWeightsSumTo100(List<BigDecimal> weights) {
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(TOTAL_WEIGHT) != 0) {
            throw ProblemException.invalid("items", "the weights must sum to 100, they sum to " + sum.stripTrailingZeros().toPlainString());
        }
    }

    public static void requireDistinctCodes(List<String> codes) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!seen.add(codes.get(i))) {
                throw ProblemException.invalid("items[" + i + "].code", "the code " + codes.get(i) + " is used twice");
            }
        }
    }

    public static void requireKnownTieBreak(List<String> tieBreak, List<String> codes) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tieBreak.size(); i++) {
            String code = tieBreak.get(i);
            if (!codes.contains(code)) {
                throw ProblemException.invalid("tieBreakOrder[" + i + "]", "names no item of this competition: " + code);
            }
            if (!seen.add(code)) {
                throw ProblemException.invalid("tieBreakOrder[" + i + "]", "names " + code + " twice");
            }
        }
    }

    public static void requireOrderedDates(LocalDate startsOn, LocalDate endsOn) {
        if (endsOn.isBefore(startsOn)) {
            throw ProblemException.invalid("endsOn", "must not be before startsOn");
        }
    }
}
