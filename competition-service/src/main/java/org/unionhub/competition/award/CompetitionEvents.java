package org.unionhub.competition.award;

import org.unionhub.platform.event.EventTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What competition-service tells the others on {@code competition.v1} (schemas under resources/events). */
public final class CompetitionEvents {

    public static final String TOPIC = "competition.v1";
    public static final String SERVICE = "competition";
    public static final String AWARD_GRANTED = EventTypes.type(SERVICE, "award", "granted", 1);
    public static final String MEDAL_NOMINATED = EventTypes.type(SERVICE, "medal", "nominated", 1);
    public static final String COMPETITION_PUBLISHED = EventTypes.type(SERVICE, "competition", "published", 1);

    private CompetitionEvents() {
    }

    /** One event per member per award: a team prize gives each team member one. */
    public record AwardGranted(UUID awardId, UUID competitionId, String competitionName, UUID memberId, String category,
                               String prize, int rank, String teamName, Instant publishedAt) {
    }

    public record MedalNominated(UUID nominationId, UUID competitionId, String competitionName, UUID memberId, String medal,
                                 int rank, BigDecimal total, Instant nominatedAt) {
    }

    /** @param nominatedMemberId null when nobody was nominated ({@code nominationNote} says why) */
    public record CompetitionPublished(UUID competitionId, String competitionName, String level, String stage,
                                       Instant publishedAt, Map<String, Integer> individualPrizes, Map<String, Integer> teamPrizes,
                                       int rankedContestants, int rankedTeams, UUID nominatedMemberId, String nominationNote) {
    }
}
