package org.unionhub.competition.ranking;

/**
 * Prizes by rank and quota. The quotas are cumulative cut-offs: FIRST for ranks up to
 * {@code first}, SECOND up to {@code first + second}, THIRD up to {@code first + second + third}.
 * Because tied contestants share the rank of the first of them, everyone tied at a quota's edge
 * gets the higher prize; the places they take are counted against the prizes below.
 */
public record PrizeQuotas(int first, int second, int third) {

    public enum Prize { FIRST, SECOND, THIRD }

    public PrizeQuotas {
        if (first < 0 || second < 0 || third < 0) {
            throw new IllegalArgumentException("quotas cannot be negative");
        }
    }

    /** The prize a rank earns, or null for none. */
    public Prize prizeFor(int rank) {
        if (rank <= first) {
            return Prize.FIRST;
        }
        if (rank <= first + second) {
            return Prize.SECOND;
        }
        if (rank <= first + second + third) {
            return Prize.THIRD;
        }
        return null;
    }
}
