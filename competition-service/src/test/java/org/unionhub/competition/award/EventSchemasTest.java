package org.unionhub.competition.award;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each published event type has a schema, and the schema describes exactly what the record writes. */
class EventSchemasTest {

    final ObjectMapper json = new ObjectMapper();

    void check(String type, Class<? extends Record> data) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/events/" + type + ".json")) {
            assertThat(in).as("schema of " + type).isNotNull();
            JsonNode schema = json.readTree(in);
            assertThat(schema.get("title").asText()).isEqualTo(type);
            List<String> properties = new ArrayList<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            List<String> components = Arrays.stream(data.getRecordComponents()).map(RecordComponent::getName).toList();
            assertThat(properties).containsExactlyInAnyOrderElementsOf(components);
            schema.get("required").forEach(r -> assertThat(components).contains(r.asText()));
        }
    }

    @Test
    void everyEventTypeHasAMatchingSchema() throws Exception {
        check(CompetitionEvents.AWARD_GRANTED, CompetitionEvents.AwardGranted.class);
        check(CompetitionEvents.MEDAL_NOMINATED, CompetitionEvents.MedalNominated.class);
        check(CompetitionEvents.COMPETITION_PUBLISHED, CompetitionEvents.CompetitionPublished.class);
    }

    @Test
    void theContractTypesAreTheAgreedOnes() {
        assertThat(CompetitionEvents.AWARD_GRANTED).isEqualTo("org.unionhub.competition.award.granted.v1");
        assertThat(CompetitionEvents.MEDAL_NOMINATED).isEqualTo("org.unionhub.competition.medal.nominated.v1");
        assertThat(CompetitionEvents.COMPETITION_PUBLISHED).isEqualTo("org.unionhub.competition.competition.published.v1");
        assertThat(CompetitionEvents.TOPIC).isEqualTo("competition.v1");
    }
}
