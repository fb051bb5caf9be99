package org.unionhub.venue.subsidy;

import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Grades an annual evaluation: every configured criterion scored between 0 and its most points (which add up to
 * 100); EXCELLENT from 90, GOOD from 80, PASS from 60, else FAIL; each grade earns its configured subsidy.
 */
public final class EvaluationRules {

    public record Result(BigDecimal total, Grade grade, BigDecimal award) {
    }

    private final Map<String, Integer> criteria;
    private final Map<Grade, Integer> thresholds;
    private final Map<Grade, BigDecimal> awards;

    public EvaluationRules(Map<String, Integer> criteria, Map<Grade, Integer> thresholds, Map<Grade, BigDecimal> awards) {
        int sum = criteria.values().stream().mapToInt(Integer::intValue).sum();
        if (sum != 100) {
            throw new IllegalStateException("venue.evaluation.criteria must add up to 100, not " + sum);
        }
        for (Grade g : new Grade[]{Grade.EXCELLENT, Grade.GOOD, Grade.PASS}) {
            if (!thresholds.containsKey(g)) {
                throw new IllegalStateException("venue.evaluation.thresholds." + g + " is missing");
            }
        }
        this.criteria = new TreeMap<>(criteria);
        this.thresholds = Map.copyOf(thresholds);
        this.awards = Map.copyOf(awards);
    }

    public static EvaluationRules of(EvaluationConfig config) {
        Map<Grade, Integer> thresholds = new java.util.EnumMap<>(Grade.class);
        config.thresholds().forEach((k, v) -> thresholds.put(Grade.valueOf(k), v));
        Map<Grade, BigDecimal> awards = new java.util.EnumMap<>(Grade.class);
        config.awards().forEach((k, v) -> awards.put(Grade.valueOf(k), v));
        return new EvaluationRules(config.criteria(), thresholds, awards);
    }

    public Map<String, Integer> criteria() {
        return criteria;
    }

    public Result grade(Map<String, BigDecimal> scores) {
        if (scores == null) {
            throw ProblemException.invalid("scores", "are required: " + criteria.keySet());
        }
        for (String given : scores.keySet()) {
            if (!criteria.containsKey(given)) {
                throw ProblemException.invalid("scores." + given, "is not a criterion (criteria: " + String.join(", ", criteria.keySet()) + ")");
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, Integer> c : criteria.entrySet()) {
            BigDecimal points = scores.get(c.getKey());
            String field = "scores." + c.getKey();
            if (points == null) {
                throw ProblemException.invalid(field, "is required");
            }
            if (points.signum() < 0 || points.compareTo(BigDecimal.valueOf(c.getValue())) > 0) {
                throw ProblemException.invalid(field, "must be between 0 and " + c.getValue());
            }
            if (points.stripTrailingZeros().scale() > 2) {
                throw ProblemException.invalid(field, "has at most two decimals");
            }
            total = total.add(points);
        }
        total = total.setScale(2, RoundingMode.UNNECESSARY);
        Grade grade = gradeOf(total);
        BigDecimal award = awards.getOrDefault(grade, BigDecimal.ZERO).setScale(2, RoundingMode.UNNECESSARY);
        return new Result(total, grade, award);
    }

    private Grade gradeOf(BigDecimal total) {
        for (Grade g : new Grade[]{Grade.EXCELLENT, Grade.GOOD, Grade.PASS}) {
            if (total.compareTo(BigDecimal.valueOf(thresholds.get(g))) >= 0) {
                return g;
            }
        }
        return Grade.FAIL;
    }
}
