package org.unionhub.membership.demand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.identity.OrganizationPath;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.membership.demand.DemandStatus.ACCEPTED;
import static org.unionhub.membership.demand.DemandStatus.DECLINED;
import static org.unionhub.membership.demand.DemandStatus.IN_PROGRESS;
import static org.unionhub.membership.demand.DemandStatus.RECEIVED;
import static org.unionhub.membership.demand.DemandStatus.RESOLVED;

/** The status rules, the tree rule and the event schemas, without Quarkus. */
class DemandRulesTest {

    @Test
    void statusesMoveOnlyForwardAndNothingLeavesAClosedDemand() {
        assertThat(RECEIVED.next()).containsExactlyInAnyOrder(ACCEPTED, DECLINED);
        assertThat(ACCEPTED.next()).containsExactlyInAnyOrder(IN_PROGRESS, RESOLVED, DECLINED);
        assertThat(IN_PROGRESS.next()).containsExactlyInAnyOrder(RESOLVED, DECLINED);
        assertThat(RESOLVED.next()).isEmpty();
        assertThat(DECLINED.next()).isEmpty();
        assertThat(RECEIVED.canMoveTo(RESOLVED)).isFalse();
        assertThat(IN_PROGRESS.canMoveTo(ACCEPTED)).isFalse();
        assertThat(Arrays.stream(DemandStatus.values()).filter(DemandStatus::isClosed)).containsExactlyInAnyOrder(RESOLVED, DECLINED);
    }

    @Test
    void withinMeansTheOrganizationItselfOrAnAncestorOnThePath() {
        UUID root = UUID.randomUUID();
        UUID county = UUID.randomUUID();
        UUID leaf = UUID.randomUUID();
        String path = "/" + root + "/" + county + "/" + leaf + "/";
        assertThat(OrganizationPath.isWithin(path, leaf)).isTrue();
        assertThat(OrganizationPath.isWithin(path, root)).isTrue();
        assertThat(OrganizationPath.isWithin(path, UUID.randomUUID())).isFalse();
        assertThat(OrganizationPath.isWithin(null, leaf)).isFalse();
    }

    @Test
    void eachEventTypeHasASchemaPromisingExactlyTheFieldsOfItsData() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Class<? extends Record>> events = Map.of(
                DemandEvents.RAISED, DemandEvents.DemandRaised.class,
                DemandEvents.RESOLVED, DemandEvents.DemandResolved.class);
        for (Map.Entry<String, Class<? extends Record>> e : events.entrySet()) {
            try (InputStream in = getClass().getResourceAsStream("/events/" + e.getKey() + ".json")) {
                assertThat(in).as("schema of " + e.getKey()).isNotNull();
                JsonNode schema = json.readTree(in);
                assertThat(schema.get("x-cloudevents-type").asText()).isEqualTo(e.getKey());
                assertThat(schema.get("x-topic").asText()).isEqualTo(DemandEvents.TOPIC);
                Set<String> fields = Arrays.stream(e.getValue().getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
                Set<String> properties = new HashSet<>();
                schema.get("properties").fieldNames().forEachRemaining(properties::add);
                assertThat(properties).as("properties of " + e.getKey()).isEqualTo(fields);
                schema.get("required").forEach(r -> assertThat(fields).contains(r.asText()));
                assertThat(properties).doesNotContain("name", "text", "response", "phone", "idNumber");
            }
        }
    }
}
