package org.unionhub.infra.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A service's event contracts: one JSON Schema (draft 2020-12) per CloudEvent type, in a file named
 * {@code <type>.json} (e.g. {@code org.unionhub.venue.booking.confirmed.v1.json}) describing the event's data.
 * Checks event data with the networknt validator, formats asserted (uuid, date-time, date), and one rule more than
 * the schema states: the producer writes no top-level field its schema does not declare. The published schemas say
 * {@code additionalProperties: true} so that consumers tolerate fields added later; our own events must still be
 * fully documented.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final Map<String, JsonNode> documents;
    private final Map<String, JsonSchema> schemas = new TreeMap<>();

    private EventSchemas(Map<String, JsonNode> documents) {
        this.documents = documents;
        documents.forEach((type, doc) -> schemas.put(type, FACTORY.getSchema(doc, CONFIG)));
    }

    /** Every {@code *.json} of a directory (none when it does not exist); the file name less {@code .json} is the type. */
    public static EventSchemas in(Path directory) {
        Map<String, JsonNode> docs = new TreeMap<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                    String name = f.getFileName().toString();
                    docs.put(name.substring(0, name.length() - ".json".length()), JSON.readTree(f.toFile()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the event schemas in " + directory, e);
            }
        }
        return new EventSchemas(docs);
    }

    public static EventSchemas of(Map<String, JsonNode> documents) {
        return new EventSchemas(new TreeMap<>(documents));
    }

    public Set<String> types() {
        return new TreeSet<>(schemas.keySet());
    }

    public JsonNode document(String type) {
        return documents.get(type);
    }

    /** What is wrong with one event's data: empty when it matches the schema of its type. */
    public List<String> violations(String type, String data) {
        JsonSchema schema = schemas.get(type);
        if (schema == null) {
            return List.of("unknown type: no schema " + type + ".json");
        }
        JsonNode node;
        try {
            node = JSON.readTree(data);
        } catch (IOException e) {
            return List.of("data is not JSON: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage m : schema.validate(node)) {
            problems.add(m.getMessage());
        }
        JsonNode declared = documents.get(type).path("properties");
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!declared.has(name)) {
                    problems.add("$." + name + ": written but not declared in the schema");
                }
            }
        }
        return problems;
    }

    /** One event as the outbox holds it. */
    public record Event(String eventId, String topic, String type, String data) {
    }

    /** Every offending event, one line each (type, id, what is wrong); empty when all match. */
    public List<String> offenders(Collection<Event> events) {
        List<String> lines = new ArrayList<>();
        for (Event e : events) {
            List<String> v = violations(e.type(), e.data());
            if (!v.isEmpty()) {
                lines.add(e.type() + " " + e.eventId() + " on " + e.topic() + ": " + String.join("; ", v));
            }
            String topic = documents.containsKey(e.type()) ? documents.get(e.type()).path("x-topic").asText(null) : null;
            if (topic != null && !topic.equals(e.topic())) {
                lines.add(e.type() + " " + e.eventId() + ": written to " + e.topic() + " but its schema says x-topic " + topic);
            }
        }
        return lines;
    }
}
