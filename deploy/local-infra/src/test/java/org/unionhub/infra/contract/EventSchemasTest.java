package org.unionhub.infra.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemasTest {

    private static final String TYPE = "org.unionhub.assistance.assistance.disbursed.v1";
    private final EventSchemas schemas;

    EventSchemasTest() throws Exception {
        schemas = EventSchemas.of(Map.of(TYPE, new ObjectMapper().readTree("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "x-topic": "assistance.v1",
                 "required": ["payoutId", "amount", "disbursedAt"],
                 "properties": {
                   "payoutId": {"type": "string", "format": "uuid"},
                   "amount": {"type": "string", "pattern": "^-?[0-9]+\\\\.[0-9]{2}$"},
                   "disbursedAt": {"type": "string", "format": "date-time"},
                   "currency": {"enum": ["CNY"]}},
                 "additionalProperties": true}""")));
    }

    @Test
    void aMatchingEventHasNoViolations() {
        assertThat(schemas.violations(TYPE, "{\"payoutId\":\"3f1d2c4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f\",\"amount\":\"30000.00\","
                + "\"disbursedAt\":\"2022-06-10T03:00:00Z\",\"currency\":\"CNY\"}")).isEmpty();
    }

    @Test
    void anInvalidPayloadIsReportedWithEachProblem() {
        List<String> offenders = schemas.offenders(List.of(new EventSchemas.Event("e-1", "assistance.v1", TYPE,
                "{\"payoutId\":\"not-a-uuid\",\"amount\":30000.0,\"disbursedAt\":\"yesterday\",\"currency\":\"USD\",\"note\":\"x\"}")));
        assertThat(offenders).hasSize(1);
        assertThat(offenders.get(0)).startsWith(TYPE + " e-1 on assistance.v1: ")
                .contains("payoutId").contains("amount").contains("disbursedAt").contains("currency")
                .contains("$.note: written but not declared in the schema");
    }

    @Test
    void aMissingRequiredFieldIsReported() {
        assertThat(schemas.violations(TYPE, "{\"payoutId\":\"3f1d2c4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f\",\"disbursedAt\":\"2022-06-10T03:00:00Z\"}"))
                .anySatisfy(v -> assertThat(v).contains("amount"));
    }

    @Test
    void anUnknownTypeIsReported() {
        List<String> offenders = schemas.offenders(List.of(new EventSchemas.Event("e-2", "assistance.v1",
                "org.unionhub.assistance.payout.sent.v1", "{}")));
        assertThat(offenders).containsExactly("org.unionhub.assistance.payout.sent.v1 e-2 on assistance.v1: unknown type: no schema org.unionhub.assistance.payout.sent.v1.json");
    }

    @Test
    void anEventOnAnotherTopicThanItsSchemaSaysIsReported() {
        assertThat(schemas.offenders(List.of(new EventSchemas.Event("e-3", "venue.v1", TYPE, "{\"payoutId\":\"3f1d2c4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f\","
                + "\"amount\":\"1.00\",\"disbursedAt\":\"2022-06-10T03:00:00Z\"}")))).containsExactly(
                TYPE + " e-3: written to venue.v1 but its schema says x-topic assistance.v1");
    }
}
