package org.unionhub.competition.ranking;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The national May 1st Labour Medal is proposed for the first-ranked individual only when that
 * person is eligible: an active union member who was not disqualified. The first place is taken
 * from the ranking of everyone who competed (disqualified contestants included): if the best
 * score belongs to someone ineligible, the medal is not passed down to the runner-up
 * automatically; the result says why and the federation decides by its own procedure.
 */
public final class MedalNomination {

    public static final String MEDAL = "NATIONAL_MAY_FIRST_LABOUR_MEDAL";

    private MedalNomination() {
    }

    /** One contestant of the ranking of everyone who competed. */
    public record Candidate(UUID contestantId, UUID memberId, String name, int rank, BigDecimal total,
                            String disqualifiedReason, String memberStatus) {
    }

    /** Either a nominee, or null and the reason nobody was nominated. */
    public record Outcome(Candidate nominee, String reason) {
    }

    /** @param rankedEveryone rank order, disqualified contestants included */
    public static Outcome decide(List<Candidate> rankedEveryone) {
        if (rankedEveryone.isEmpty()) {
            return new Outcome(null, "nobody was ranked");
        }
        Candidate first = rankedEveryone.get(0);
        long tiedForFirst = rankedEveryone.stream().filter(c -> c.rank() == first.rank()).count();
        if (tiedForFirst > 1) {
            return new Outcome(null, tiedForFirst + " contestants share the first rank: nobody is nominated automatically");
        }
        if (first.disqualifiedReason() != null) {
            return new Outcome(null, "the first-ranked contestant " + first.name() + " was disqualified ("
                    + first.disqualifiedReason() + "): nobody is nominated automatically");
        }
        if (!"ACTIVE".equals(first.memberStatus())) {
            return new Outcome(null, "the first-ranked contestant " + first.name() + " is not an active union member (status "
                    + (first.memberStatus() == null ? "unknown" : first.memberStatus()) + "): nobody is nominated automatically");
        }
        return new Outcome(first, null);
    }
}
