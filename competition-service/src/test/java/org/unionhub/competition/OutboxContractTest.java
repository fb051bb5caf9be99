package org.unionhub.competition;

import org.junit.jupiter.api.Test;
import org.unionhub.competition.award.CompetitionEvents;
import org.unionhub.infra.contract.OutboxContract;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every @QuarkusTest of this module (a plain JUnit class: Quarkus' class orderer puts those last): each
 * event the suite wrote to the outbox matches the schema of its type in src/main/resources/events, each schema
 * there is a type the suite wrote, and each schema describes exactly the record its data is written from.
 */
class OutboxContractTest extends OutboxContract {

    @Override
    protected String service() {
        return "competition";
    }

    @Override
    protected Map<String, Class<? extends Record>> dataRecords() {
        return Map.of(
                CompetitionEvents.AWARD_GRANTED, CompetitionEvents.AwardGranted.class,
                CompetitionEvents.MEDAL_NOMINATED, CompetitionEvents.MedalNominated.class,
                CompetitionEvents.COMPETITION_PUBLISHED, CompetitionEvents.CompetitionPublished.class);
    }

    @Test
    void theContractTypesAreTheAgreedOnes() {
        assertThat(CompetitionEvents.AWARD_GRANTED).isEqualTo("org.unionhub.competition.award.granted.v1");
        assertThat(CompetitionEvents.MEDAL_NOMINATED).isEqualTo("org.unionhub.competition.medal.nominated.v1");
        assertThat(CompetitionEvents.COMPETITION_PUBLISHED).isEqualTo("org.unionhub.competition.competition.published.v1");
        assertThat(CompetitionEvents.TOPIC).isEqualTo("competition.v1");
    }
}
