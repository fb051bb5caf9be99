package org.unionhub.competition.ranking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.unionhub.competition.contest.AssessmentItem;
import org.unionhub.competition.contest.Competition;
import org.unionhub.competition.team.Contestant;
import org.unionhub.competition.team.Team;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads a competition's contestants and marks and applies the ranking rules to them. */
@ApplicationScoped
public class Standings {

    /** Everything the rules need, read once. */
    public record Snapshot(Competition competition, List<AssessmentItem> items, List<Contestant> contestants,
                           Map<UUID, Team> teams, Map<UUID, Map<String, List<BigDecimal>>> marks, Set<String> confirmed) {

        List<IndividualRanking.Item> rankingItems() {
            return items.stream().map(i -> new IndividualRanking.Item(i.code, i.weight, i.maxScore)).toList();
        }

        Map<String, List<BigDecimal>> marksOf(UUID contestantId) {
            return marks.getOrDefault(contestantId, Map.of());
        }
    }

    public record IndividualRow(int rank, UUID contestantId, UUID memberId, String name, UUID teamId, String teamName,
                                String enterprise, String province, BigDecimal total, Map<String, BigDecimal> itemScores) {
    }

    public record TeamRow(int rank, UUID teamId, String name, String enterprise, String province, BigDecimal score,
                          List<IndividualRow> members) {
    }

    /** Why a contestant's item keeps the results from being published. */
    public record Blocker(UUID contestantId, String contestantName, String itemCode, String problem, String detail) {
        public static final String MISSING_SCORE = "MISSING_SCORE";
        public static final String TOO_FEW_JUDGES = "TOO_FEW_JUDGES";
        public static final String OUT_OF_TOLERANCE = "OUT_OF_TOLERANCE";
    }

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public Snapshot load(Competition c) {
        List<AssessmentItem> items = c.items();
        List<Contestant> contestants = Contestant.list("competitionId", c.id);
        Map<UUID, Team> teams = Team.<Team>list("competitionId", c.id).stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
        Map<UUID, Map<String, List<BigDecimal>>> marks = new HashMap<>();
        List<Tuple> rows = em.createNativeQuery("SELECT contestant_id, item_code, score FROM score WHERE competition_id = ?1", Tuple.class)
                .setParameter(1, c.id).getResultList();
        for (Tuple r : rows) {
            marks.computeIfAbsent(r.get("contestant_id", UUID.class), k -> new HashMap<>())
                    .computeIfAbsent(r.get("item_code", String.class), k -> new ArrayList<>()).add(r.get("score", BigDecimal.class));
        }
        Set<String> confirmed = new HashSet<>();
        List<Tuple> confirmations = em.createNativeQuery("SELECT contestant_id, item_code FROM mark_confirmation WHERE competition_id = ?1",
                        Tuple.class).setParameter(1, c.id).getResultList();
        for (Tuple r : confirmations) {
            confirmed.add(r.get("contestant_id", UUID.class) + "|" + r.get("item_code", String.class));
        }
        return new Snapshot(c, items, contestants, teams, marks, confirmed);
    }

    /** The ranking of everyone who competed, disqualified contestants included (for the medal rule). */
    public List<IndividualRanking.Result> everyone(Snapshot s) {
        return IndividualRanking.rank(s.rankingItems(), Arrays.asList(s.competition().tieBreak),
                s.contestants().stream().map(c -> new IndividualRanking.Contestant(c.id, s.marksOf(c.id))).toList());
    }

    /** The published individual ranking: disqualified contestants are not in it. */
    public List<IndividualRow> individuals(Snapshot s) {
        Map<UUID, Contestant> byId = s.contestants().stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<IndividualRanking.Result> results = IndividualRanking.rank(s.rankingItems(), Arrays.asList(s.competition().tieBreak),
                s.contestants().stream().filter(c -> !c.disqualified())
                        .map(c -> new IndividualRanking.Contestant(c.id, s.marksOf(c.id))).toList());
        List<IndividualRow> rows = new ArrayList<>(results.size());
        for (IndividualRanking.Result r : results) {
            Contestant c = byId.get(r.id());
            Team t = s.teams().get(c.teamId);
            rows.add(new IndividualRow(r.rank(), c.id, c.memberId, c.name, c.teamId, t == null ? null : t.name,
                    c.enterprise, c.province, r.total(), r.itemScores()));
        }
        return rows;
    }

    /** Team score = mean of its members' totals. A team with a disqualified member is not ranked. */
    public List<TeamRow> teams(Snapshot s, List<IndividualRow> individuals) {
        Set<UUID> incomplete = s.contestants().stream().filter(Contestant::disqualified).map(c -> c.teamId).collect(Collectors.toSet());
        Map<UUID, List<IndividualRow>> members = new LinkedHashMap<>();
        for (IndividualRow row : individuals) {
            if (!incomplete.contains(row.teamId())) {
                members.computeIfAbsent(row.teamId(), k -> new ArrayList<>()).add(row);
            }
        }
        Map<UUID, List<BigDecimal>> totals = new HashMap<>();
        members.forEach((team, rows) -> totals.put(team, rows.stream().map(IndividualRow::total).toList()));
        List<TeamRow> out = new ArrayList<>();
        for (TeamRanking.Result r : TeamRanking.rank(totals)) {
            Team t = s.teams().get(r.teamId());
            out.add(new TeamRow(r.rank(), t.id, t.name, t.enterprise, t.province, r.score(), members.get(t.id)));
        }
        return out;
    }

    /** Marks that keep the results from being published: missing, too few judges, unconfirmed disagreement. */
    public List<Blocker> blockers(Snapshot s) {
        List<Blocker> blockers = new ArrayList<>();
        for (Contestant c : s.contestants()) {
            if (c.disqualified()) {
                continue;
            }
            Map<String, List<BigDecimal>> marks = s.marksOf(c.id);
            for (AssessmentItem item : s.items()) {
                List<BigDecimal> m = marks.getOrDefault(item.code, List.of());
                if (m.isEmpty()) {
                    blockers.add(new Blocker(c.id, c.name, item.code, Blocker.MISSING_SCORE, "no score for " + item.code));
                } else if (item.kind == AssessmentItem.Kind.JUDGEMENT) {
                    if (m.size() < ScoringRules.MIN_JUDGEMENT_MARKS) {
                        blockers.add(new Blocker(c.id, c.name, item.code, Blocker.TOO_FEW_JUDGES,
                                m.size() + " judges marked " + item.code + ", at least " + ScoringRules.MIN_JUDGEMENT_MARKS + " must"));
                    } else if (ScoringRules.outOfTolerance(m, item.effectiveTolerance()) && !s.confirmed().contains(c.id + "|" + item.code)) {
                        blockers.add(new Blocker(c.id, c.name, item.code, Blocker.OUT_OF_TOLERANCE,
                                "marks spread " + ScoringRules.spread(m).toPlainString() + ", wider than the tolerance "
                                        + item.effectiveTolerance().toPlainString() + ": re-mark, or the chief judge confirms"));
                    }
                }
            }
        }
        return blockers;
    }
}
