package org.unionhub.competition.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Times the ranking rules for 10,000 contestants (3,334 teams of three) with the chemical final's
 * items: one THEORY and one VR_SIMULATION score and five HAZARD_SPOTTING marks each, tie-break on
 * all three items, then team ranking and prizes. Not a test (surefire ignores it); run:
 *
 * <pre>java -cp competition-service/target/classes:competition-service/target/test-classes \
 *   org.unionhub.competition.ranking.RankingBenchmark [contestants] [iterations]</pre>
 *
 * Two data sets: "spread" (scores with two decimals, few ties) and "coarse" (whole-point scores,
 * many equal totals, so the tie-break comparisons run).
 */
public final class RankingBenchmark {

    static final List<IndividualRanking.Item> ITEMS = List.of(
            new IndividualRanking.Item("THEORY", new BigDecimal("30"), new BigDecimal("100")),
            new IndividualRanking.Item("VR_SIMULATION", new BigDecimal("40"), new BigDecimal("100")),
            new IndividualRanking.Item("HAZARD_SPOTTING", new BigDecimal("30"), new BigDecimal("10")));
    static final List<String> TIE_BREAK = List.of("HAZARD_SPOTTING", "VR_SIMULATION", "THEORY");

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        for (boolean coarse : new boolean[]{false, true}) {
            List<IndividualRanking.Contestant> contestants = generate(n, coarse, new Random(42));
            for (int i = 0; i < 10; i++) {
                run(contestants); // warm-up: let the JIT compile the hot paths
            }
            long[] nanos = new long[iterations];
            int ranks = 0;
            for (int i = 0; i < iterations; i++) {
                long start = System.nanoTime();
                ranks += run(contestants);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("%s: %d contestants, %d iterations: min %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms (checksum %d)%n",
                    coarse ? "coarse (many ties)" : "spread (few ties)", n, iterations, ms(nanos[0]), ms(nanos[iterations / 2]),
                    ms(nanos[(int) Math.ceil(iterations * 0.95) - 1]), ms(nanos[iterations - 1]), ranks);
        }
    }

    /** Individual ranking, team ranking (teams of three in order) and prizes: what publication computes. */
    static int run(List<IndividualRanking.Contestant> contestants) {
        List<IndividualRanking.Result> ranked = IndividualRanking.rank(ITEMS, TIE_BREAK, contestants);
        Map<UUID, List<BigDecimal>> teams = new HashMap<>();
        Map<UUID, UUID> teamOf = new HashMap<>();
        for (int i = 0; i < contestants.size(); i++) {
            teamOf.put(contestants.get(i).id(), new UUID(0, i / 3));
        }
        for (IndividualRanking.Result r : ranked) {
            teams.computeIfAbsent(teamOf.get(r.id()), k -> new ArrayList<>(3)).add(r.total());
        }
        List<TeamRanking.Result> teamRanks = TeamRanking.rank(teams);
        PrizeQuotas quotas = new PrizeQuotas(15, 30, 45);
        int prized = 0;
        for (IndividualRanking.Result r : ranked) {
            if (quotas.prizeFor(r.rank()) != null) prized++;
        }
        return ranked.get(ranked.size() - 1).rank() + teamRanks.get(teamRanks.size() - 1).rank() + prized;
    }

    static List<IndividualRanking.Contestant> generate(int n, boolean coarse, Random random) {
        List<IndividualRanking.Contestant> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, List<BigDecimal>> marks = new HashMap<>();
            marks.put("THEORY", List.of(score(random, 100, coarse)));
            marks.put("VR_SIMULATION", List.of(score(random, 100, coarse)));
            List<BigDecimal> hazard = new ArrayList<>(5);
            for (int j = 0; j < 5; j++) {
                hazard.add(score(random, 10, coarse));
            }
            marks.put("HAZARD_SPOTTING", hazard);
            out.add(new IndividualRanking.Contestant(UUID.randomUUID(), marks));
        }
        return out;
    }

    static BigDecimal score(Random random, int max, boolean coarse) {
        if (coarse) {
            return BigDecimal.valueOf(max / 2 + random.nextInt(max / 2 + 1));
        }
        return BigDecimal.valueOf(random.nextInt(max * 100 + 1), 2);
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
