package org.unionhub.competition.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ranks contestants by total (descending). Equal totals are separated by the competition's
 * tie-break items, in order, compared at two decimals as published; contestants still equal
 * share a rank and the next rank skips (1, 2, 2, 4).
 */
public final class IndividualRanking {

    private IndividualRanking() {
    }

    public record Item(String code, BigDecimal weight, BigDecimal maxScore) {
    }

    /** @param marks the marks per item code (absent or empty: not marked) */
    public record Contestant(UUID id, Map<String, List<BigDecimal>> marks) {
    }

    /** @param itemScores per item code, two decimals; null when the item is not marked */
    public record Result(UUID id, int rank, BigDecimal total, Map<String, BigDecimal> itemScores) {
    }

    public static List<Result> rank(List<Item> items, List<String> tieBreak, Collection<Contestant> contestants) {
        List<Result> unranked = new ArrayList<>(contestants.size());
        List<ScoringRules.Ratio> terms = new ArrayList<>(items.size());
        for (Contestant c : contestants) {
            Map<String, BigDecimal> itemScores = new LinkedHashMap<>();
            terms.clear();
            for (Item item : items) {
                ScoringRules.Ratio score = ScoringRules.itemScore(c.marks().get(item.code()));
                itemScores.put(item.code(), score == null ? null : score.rounded());
                terms.add(ScoringRules.weighted(item.weight(), score, item.maxScore()));
            }
            unranked.add(new Result(c.id(), 0, ScoringRules.total(terms), itemScores));
        }
        Comparator<Result> order = Comparator.comparing(Result::total).reversed();
        for (String code : tieBreak) {
            order = order.thenComparing((Result r) -> scoreOf(r, code), Comparator.reverseOrder());
        }
        Comparator<Result> sharing = order;
        unranked.sort(order.thenComparing(Result::id));
        List<Result> ranked = new ArrayList<>(unranked.size());
        int rank = 0;
        for (int i = 0; i < unranked.size(); i++) {
            Result r = unranked.get(i);
            if (i == 0 || sharing.compare(unranked.get(i - 1), r) != 0) {
                rank = i + 1;
            }
            ranked.add(new Result(r.id(), rank, r.total(), r.itemScores()));
        }
        return ranked;
    }

    private static BigDecimal scoreOf(Result r, String code) {
        BigDecimal s = r.itemScores().get(code);
        return s == null ? BigDecimal.ZERO : s;
    }
}
