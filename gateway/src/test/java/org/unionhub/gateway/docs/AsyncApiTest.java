package org.unionhub.gateway.docs;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document offers exactly the types the services publish. Two sources say what is published: the
 * services' schema files (each service's OutboxContractTest proves every schema is a type its suite wrote, and every
 * written type has a schema), and, when the services' tests ran before this module in the same build, their
 * target/published-event-types.txt, the types their suites actually wrote to an outbox.
 */
class AsyncApiTest {

    private static final JsonObject DOC = AsyncApi.build(AsyncApiTest.class.getClassLoader());

    static Path root() {
        String configured = System.getProperty("unionhub.root");
        return (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
    }

    private static Set<String> messageTypes() {
        return new TreeSet<>(DOC.getJsonObject("components").getJsonObject("messages").fieldNames());
    }

    private static Set<String> typesIn(Path dir) throws IOException {
        Set<String> types = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                        .forEach(n -> types.add(n.substring(0, n.length() - ".json".length())));
            }
        }
        return types;
    }

    @Test
    void theMessagesAreExactlyTheTypesOfTheServicesSchemas() throws IOException {
        Set<String> schemas = new TreeSet<>();
        for (String service : AsyncApi.SERVICES) {
            schemas.addAll(typesIn(root().resolve(service + "-service/src/main/resources/events")));
        }
        assertThat(schemas).isNotEmpty();
        assertThat(messageTypes()).isEqualTo(schemas);
    }

    @Test
    void theMessagesOfEachServiceAreTheTypesItsTestSuiteWroteToTheOutbox() throws IOException {
        Map<String, Set<String>> checked = new TreeMap<>();
        for (String service : AsyncApi.SERVICES) {
            Path published = root().resolve(service + "-service/target/published-event-types.txt");
            if (!Files.exists(published)) {
                continue; // the service's tests did not run in this build (e.g. -pl gateway)
            }
            Set<String> written = new TreeSet<>(Files.readAllLines(published));
            written.remove("");
            Set<String> offered = new TreeSet<>();
            messageTypes().stream().filter(t -> t.startsWith("org.unionhub." + service + ".")).forEach(offered::add);
            assertThat(offered).as(service + ": AsyncAPI messages vs types its suite wrote").isEqualTo(written);
            checked.put(service, written);
        }
        System.out.println("AsyncAPI compared with published-event-types.txt of " + checked.keySet());
    }

    @Test
    void membershipOffersItsRealTypesOnItsTwoTopicsAndNothingMadeUp() {
        JsonObject channels = DOC.getJsonObject("channels");
        assertThat(channels.getJsonObject("membership.member.v1").getJsonObject("messages").fieldNames()).containsExactlyInAnyOrder(
                "org.unionhub.membership.member.joined.v1", "org.unionhub.membership.member.approved.v1",
                "org.unionhub.membership.member.rejected.v1", "org.unionhub.membership.member.transferred.v1",
                "org.unionhub.membership.member.suspended.v1", "org.unionhub.membership.member.reinstated.v1",
                "org.unionhub.membership.member.left.v1", "org.unionhub.membership.card.issued.v1",
                "org.unionhub.membership.card.blocked.v1", "org.unionhub.membership.card.redeemed.v1",
                "org.unionhub.membership.honor.recorded.v1",
                "org.unionhub.membership.demand.raised.v1", "org.unionhub.membership.demand.resolved.v1");
        assertThat(channels.getJsonObject("membership.organization.v1").getJsonObject("messages").fieldNames()).containsExactlyInAnyOrder(
                "org.unionhub.membership.organization.created.v1", "org.unionhub.membership.organization.updated.v1");
        assertThat(messageTypes()).noneMatch(t -> t.contains("membership.membership") || t.contains("schema"));
    }

    @Test
    void everyMessageHasItsSchemaTheCloudEventHeadersAKeyAndAnExample() {
        JsonObject messages = DOC.getJsonObject("components").getJsonObject("messages");
        List<String> problems = new ArrayList<>();
        for (String type : messages.fieldNames()) {
            JsonObject m = messages.getJsonObject(type);
            JsonObject headers = m.getJsonObject("headers").getJsonObject("properties");
            for (String h : List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time", "content-type")) {
                if (!headers.containsKey(h)) {
                    problems.add(type + ": no header " + h);
                }
            }
            if (!type.equals(headers.getJsonObject("ce_type").getString("const"))) {
                problems.add(type + ": ce_type const " + headers.getJsonObject("ce_type"));
            }
            if (!"object".equals(m.getJsonObject("payload").getString("type"))) {
                problems.add(type + ": payload is not the data schema");
            }
            JsonArray examples = m.getJsonArray("examples");
            if (examples == null || examples.isEmpty()) {
                problems.add(type + ": no example");
            } else {
                JsonObject ex = examples.getJsonObject(0);
                if (!type.equals(ex.getJsonObject("headers").getString("ce_type"))) {
                    problems.add(type + ": example ce_type");
                }
                if (ex.getJsonObject("headers").getString("ce_subject", "").isEmpty()) {
                    problems.add(type + ": example has no ce_subject (x-key missing from its data)");
                }
                for (Object required : m.getJsonObject("payload").getJsonArray("required", new JsonArray())) {
                    if (!ex.getJsonObject("payload").containsKey((String) required)) {
                        problems.add(type + ": example lacks " + required);
                    }
                }
            }
            if (m.getJsonObject("bindings").getJsonObject("kafka").getJsonObject("key") == null) {
                problems.add(type + ": no Kafka key binding");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyChannelHasAReceiveOperationWithItsMessages() {
        JsonObject channels = DOC.getJsonObject("channels");
        JsonObject operations = DOC.getJsonObject("operations");
        assertThat(channels.fieldNames()).hasSize(7);
        for (String id : channels.fieldNames()) {
            JsonObject op = operations.getJsonObject("receive-" + id.replace('.', '-'));
            assertThat(op).as("operation of " + id).isNotNull();
            assertThat(op.getString("action")).isEqualTo("receive");
            assertThat(op.getJsonObject("channel").getString("$ref")).isEqualTo("#/channels/" + id);
            assertThat(op.getJsonArray("messages")).hasSize(channels.getJsonObject(id).getJsonObject("messages").size());
        }
        assertThat(channels.getJsonObject("partner.partnerId.v1").getString("address")).isEqualTo("partner.{partnerId}.v1");
        assertThat(channels.getJsonObject("partner.partnerId.v1").getJsonObject("parameters").containsKey("partnerId")).isTrue();
    }

    @Test
    void partnersAreToldHowToConnect() {
        JsonObject kafka = DOC.getJsonObject("servers").getJsonObject("partner-kafka");
        assertThat(kafka.getString("host")).isEqualTo("kafka-partners.unionhub.org:9094");
        assertThat(kafka.getString("protocol")).isEqualTo("kafka-secure");
        assertThat(kafka.getJsonArray("security").encode()).contains("#/components/securitySchemes/scramSha512")
                .contains("#/components/securitySchemes/mutualTls");
        JsonObject webhooks = DOC.getJsonObject("servers").getJsonObject("partner-webhooks");
        assertThat(webhooks.getString("protocol")).isEqualTo("https");
        assertThat(webhooks.getString("description")).contains("webhook-id").contains("webhook-signature");
        JsonObject schemes = DOC.getJsonObject("components").getJsonObject("securitySchemes");
        assertThat(schemes.getJsonObject("scramSha512").getString("type")).isEqualTo("scramSha512");
        assertThat(schemes.getJsonObject("mutualTls").getString("type")).isEqualTo("X509");
        assertThat(schemes.getJsonObject("webhookSignature").getString("type")).isEqualTo("httpApiKey");
    }

    @Test
    void moneyTravelsAsAStringInEveryMessage() {
        JsonObject messages = DOC.getJsonObject("components").getJsonObject("messages");
        for (String type : messages.fieldNames()) {
            JsonObject props = messages.getJsonObject(type).getJsonObject("payload").getJsonObject("properties");
            for (String name : props.fieldNames()) {
                JsonObject p = props.getJsonObject(name);
                if (p.getString("description", "").contains("docs/architecture.md, Money")) {
                    assertThat(p.getString("type")).as(type + "." + name).isEqualTo("string");
                    assertThat(p.getString("pattern")).as(type + "." + name).isEqualTo("^-?[0-9]+\\.[0-9]{2}$");
                }
                assertThat(p.getString("type", "")).as(type + "." + name + " must not be a JSON number of yuan")
                        .matches(t -> !(t.equals("number") && name.toLowerCase().matches(".*(amount|total|premium|paid|cap).*")
                                && !name.equals("total")));
            }
        }
    }
}
