package org.unionhub.competition.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Ranks teams by the mean of their members' totals; equal scores share a rank (1, 2, 2, 4). */
public final class TeamRanking {

    private TeamRanking() {
    }

    public record Result(UUID teamId, int rank, BigDecimal score) {
    }

    public static List<Result> rank(Map<UUID, List<BigDecimal>> memberTotalsByTeam) {
        List<Result> unranked = new ArrayList<>(memberTotalsByTeam.size());
        memberTotalsByTeam.forEach((team, totals) -> unranked.add(new Result(team, 0, ScoringRules.teamScore(totals))));
        unranked.sort(Comparator.comparing(Result::score).reversed().thenComparing(Result::teamId));
        List<Result> ranked = new ArrayList<>(unranked.size());
        int rank = 0;
        for (int i = 0; i < unranked.size(); i++) {
            Result r = unranked.get(i);
            if (i == 0 || unranked.get(i - 1).score().compareTo(r.score()) != 0) {
                rank = i + 1;
            }
            ranked.add(new Result(r.teamId(), rank, r.score()));
        }
        return ranked;
    }
}
