package org.unionhub.infra.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode released() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"type": "object", "additionalProperties": true,
                 "required": ["payoutId", "amount", "status"],
                 "properties": {
                   "payoutId": {"type": "string", "format": "uuid"},
                   "amount": {"type": "string", "pattern": "^-?[0-9]+\\\\.[0-9]{2}$"},
                   "status": {"enum": ["PAID", "RETURNED"]},
                   "note": {"type": ["string", "null"]},
                   "ancestors": {"type": "array", "items": {"type": "string", "format": "uuid"}}}}""");
    }

    private static ObjectNode props(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    @Test
    void theSameSchemaIsCompatible() throws Exception {
        assertThat(Compatibility.breakingChanges(released(), released())).isEmpty();
    }

    @Test
    void addingAnOptionalPropertyAnEnumValueOrADescriptionIsCompatible() throws Exception {
        ObjectNode current = released();
        props(current).putObject("paidAt").put("type", "string").put("format", "date-time");
        ((ArrayNode) props(current).get("status").get("enum")).add("CANCELLED");
        ((ObjectNode) props(current).get("amount")).put("description", "yuan");
        ((ObjectNode) props(current).get("note")).set("type", JSON.readTree("[\"null\", \"string\"]"));
        current.putArray("examples").addObject().put("payoutId", "x");
        assertThat(Compatibility.breakingChanges(released(), current)).isEmpty();
    }

    @Test
    void removingOrRenamingAPropertyIsBreaking() throws Exception {
        ObjectNode current = released();
        props(current).set("memo", props(current).remove("note"));
        assertThat(Compatibility.breakingChanges(released(), current)).containsExactly("$.note: property removed (or renamed)");
    }

    @Test
    void changingATypeIsBreakingAtAnyDepth() throws Exception {
        ObjectNode current = released();
        ((ObjectNode) props(current).get("amount")).put("type", "number").remove("pattern");
        ((ObjectNode) props(current).get("ancestors").get("items")).remove("format");
        assertThat(Compatibility.breakingChanges(released(), current)).containsExactlyInAnyOrder(
                "$.amount: type changed from \"string\" to \"number\"",
                "$.amount: pattern changed from \"^-?[0-9]+\\\\.[0-9]{2}$\" to (none)",
                "$.ancestors[]: format changed from \"uuid\" to (none)");
    }

    @Test
    void aNewRequiredPropertyIsBreaking() throws Exception {
        ObjectNode current = released();
        ((ArrayNode) current.get("required")).add("note");
        assertThat(Compatibility.breakingChanges(released(), current)).containsExactly("$: note is newly required");
    }

    @Test
    void removingAnEnumValueIsBreaking() throws Exception {
        ObjectNode current = released();
        ((ObjectNode) props(current).get("status")).putArray("enum").add("PAID");
        assertThat(Compatibility.breakingChanges(released(), current)).containsExactly("$.status: enum value \"RETURNED\" removed");
    }

    @Test
    void tighteningAdditionalPropertiesIsBreaking() throws Exception {
        ObjectNode current = released();
        current.put("additionalProperties", false);
        assertThat(Compatibility.breakingChanges(released(), current)).containsExactly("$: additionalProperties tightened from true to false");
    }

    @Test
    void aBreakingChangeUnderTheSameTypeFailsTheReleasedCheckButANewMajorVersionDoesNot(@org.junit.jupiter.api.io.TempDir Path root) throws Exception {
        Path contracts = Files.createDirectories(root.resolve("contracts/assistance"));
        Path events = Files.createDirectories(root.resolve("assistance-service/src/main/resources/events"));
        String v1 = "org.unionhub.assistance.payout.sent.v1.json";
        Files.writeString(contracts.resolve(v1), released().toString());
        ObjectNode broken = released();
        props(broken).remove("note");
        Files.writeString(events.resolve(v1), broken.toString());
        assertThat(ReleasedContracts.breakingChanges(root)).containsExactly(
                "assistance org.unionhub.assistance.payout.sent.v1 $.note: property removed (or renamed)");

        // the breaking schema becomes v2; v1 stays as released
        Files.writeString(events.resolve("org.unionhub.assistance.payout.sent.v2.json"), broken.toString());
        Files.writeString(events.resolve(v1), released().toString());
        assertThat(ReleasedContracts.breakingChanges(root)).isEmpty();

        Files.delete(events.resolve(v1));
        assertThat(ReleasedContracts.breakingChanges(root)).singleElement().asString()
                .startsWith("assistance org.unionhub.assistance.payout.sent.v1: released but no longer in");
    }
}
