package org.unionhub.competition.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How marks become scores. Item score: the mean of the judges' marks, dropping the highest and
 * the lowest when five or more judges marked (so one lenient or harsh judge cannot move it).
 * Total: Σ weight × itemScore / maxScore. Intermediate values are kept as exact fractions so that
 * the total is rounded once, HALF_UP to two decimals, and never suffers a double rounding.
 */
public final class ScoringRules {

    /** From this many marks on, the highest and the lowest are dropped. */
    public static final int TRIM_FROM = 5;
    /** The fewest marks a JUDGEMENT item needs for one contestant. */
    public static final int MIN_JUDGEMENT_MARKS = 3;

    private ScoringRules() {
    }

    /** An exact fraction numerator / denominator of decimals (denominator positive). */
    public record Ratio(BigDecimal numerator, BigDecimal denominator) {

        public static final Ratio ZERO = new Ratio(BigDecimal.ZERO, BigDecimal.ONE);

        public Ratio plus(Ratio other) {
            if (other.numerator.signum() == 0) {
                return this;
            }
            if (numerator.signum() == 0) {
                return other;
            }
            if (denominator.compareTo(other.denominator) == 0) {
                return new Ratio(numerator.add(other.numerator), denominator);
            }
            return new Ratio(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                    denominator.multiply(other.denominator));
        }

        /** HALF_UP to two decimals: what is published. */
        public BigDecimal rounded() {
            return numerator.divide(denominator, 2, RoundingMode.HALF_UP);
        }
    }

    /** The marks that count: all of them, or without one highest and one lowest from {@link #TRIM_FROM} on. */
    public static List<BigDecimal> counted(List<BigDecimal> marks) {
        if (marks.size() < TRIM_FROM) {
            return marks;
        }
        List<BigDecimal> sorted = new ArrayList<>(marks);
        Collections.sort(sorted);
        return sorted.subList(1, sorted.size() - 1);
    }

    /** The exact item score, or null when nobody marked the item. */
    public static Ratio itemScore(List<BigDecimal> marks) {
        if (marks == null || marks.isEmpty()) {
            return null;
        }
        List<BigDecimal> counted = counted(marks);
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal m : counted) {
            sum = sum.add(m);
        }
        return new Ratio(sum, BigDecimal.valueOf(counted.size()));
    }

    /** weight × itemScore / maxScore, exact. A missing item score counts as zero. */
    public static Ratio weighted(BigDecimal weight, Ratio itemScore, BigDecimal maxScore) {
        if (itemScore == null) {
            return Ratio.ZERO;
        }
        return new Ratio(weight.multiply(itemScore.numerator()), itemScore.denominator().multiply(maxScore));
    }

    /** The total of the weighted item scores, rounded once to two decimals. */
    public static BigDecimal total(List<Ratio> weightedScores) {
        Ratio sum = Ratio.ZERO;
        for (Ratio r : weightedScores) {
            sum = sum.plus(r);
        }
        return sum.rounded();
    }

    /** A team's score: the mean of its members' (published, two-decimal) totals, HALF_UP to two decimals. */
    public static BigDecimal teamScore(List<BigDecimal> memberTotals) {
        if (memberTotals.isEmpty()) {
            throw new IllegalArgumentException("a team score needs at least one member total");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal t : memberTotals) {
            sum = sum.add(t);
        }
        return sum.divide(BigDecimal.valueOf(memberTotals.size()), 2, RoundingMode.HALF_UP);
    }

    /** Highest minus lowest mark; zero for fewer than two marks. */
    public static BigDecimal spread(List<BigDecimal> marks) {
        if (marks.size() < 2) {
            return BigDecimal.ZERO;
        }
        return Collections.max(marks).subtract(Collections.min(marks));
    }

    /** Judges disagree more than the item allows: the mark is flagged until re-marked or confirmed. */
    public static boolean outOfTolerance(List<BigDecimal> marks, BigDecimal tolerance) {
        return spread(marks).compareTo(tolerance) > 0;
    }

    /** Without an explicit tolerance, a third of the scale: one point on WorldSkills' 0-3 judgement scale. */
    public static BigDecimal defaultTolerance(BigDecimal maxScore) {
        return maxScore.divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
    }
}
