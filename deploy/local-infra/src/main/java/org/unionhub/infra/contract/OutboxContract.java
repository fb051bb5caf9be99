package org.unionhub.infra.contract;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every event a service's test suite wrote to its outbox matches the JSON Schema of its type, and every schema the
 * service ships is the type of some event its tests wrote (so the schemas are exactly the published types). A service
 * has one plain JUnit class {@code OutboxContractTest extends OutboxContract}: not a {@code @QuarkusTest}, so Quarkus'
 * class orderer runs it after all of them, when the test database holds everything the suite wrote. It also writes
 * the types seen to {@code target/published-event-types.txt}, which the gateway's AsyncAPI test compares with.
 * Run alone (no {@code @QuarkusTest} in the JVM) the two outbox tests are skipped; the checks of the schemas
 * themselves (names, titles, examples, personal data, the data records they describe) need no database and run.
 */
public abstract class OutboxContract {

    public static final String PUBLISHED_TYPES_FILE = "target/published-event-types.txt";

    /** Where the service's schemas are, relative to the module (surefire's working directory). */
    protected Path schemaDirectory() {
        return Path.of("src/main/resources/events");
    }

    private List<EventSchemas.Event> events() throws SQLException {
        // the topics the service publishes on (its schemas' x-topic); the relay's own tests write synthetic events to
        // topics of their own (membership.relayrace.v1, membership.parking.v1), which are not contracts
        EventSchemas declared = EventSchemas.in(schemaDirectory());
        java.util.Set<String> topics = new java.util.HashSet<>();
        declared.types().forEach(t -> topics.add(declared.document(t).path("x-topic").asText()));
        List<OutboxDatabases.Database> dbs = OutboxDatabases.all();
        Assumptions.assumeFalse(dbs.isEmpty(), "no @QuarkusTest ran in this JVM: nothing was written to an outbox");
        List<EventSchemas.Event> events = new ArrayList<>();
        for (OutboxDatabases.Database db : dbs) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT event_id, topic, event_type, payload FROM outbox ORDER BY seq")) {
                while (rs.next()) {
                    EventSchemas.Event e = new EventSchemas.Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                    if (topics.contains(e.topic()) && isOwnEvent(e)) {
                        events.add(e);
                    }
                }
            }
        }
        return events;
    }

    @Test
    void everyEventTheSuiteWroteMatchesTheSchemaOfItsType() throws Exception {
        List<EventSchemas.Event> events = events();
        EventSchemas schemas = EventSchemas.in(schemaDirectory());
        Set<String> seen = new TreeSet<>();
        events.forEach(e -> seen.add(e.type()));
        writePublishedTypes(seen);
        List<String> offenders = schemas.offenders(events);
        Assertions.assertTrue(offenders.isEmpty(), offenders.size() + " of " + events.size()
                + " events written to the outbox do not match their schema (" + schemaDirectory() + "):\n" + String.join("\n", offenders));
    }

    @Test
    void everySchemaIsTheTypeOfAnEventTheSuiteWrote() throws Exception {
        Set<String> seen = new TreeSet<>();
        events().forEach(e -> seen.add(e.type()));
        Set<String> unpublished = EventSchemas.in(schemaDirectory()).types();
        unpublished.removeAll(seen);
        Assertions.assertTrue(unpublished.isEmpty(), "schemas of types no test wrote to the outbox (remove the schema, or "
                + "test the use case that publishes it): " + unpublished);
    }

    /**
     * The rows that are this service's own events (all of them, except where a service also relays other services'
     * events: partner-service's per-partner streams carry redacted copies, described by their owners' schemas).
     */
    protected boolean isOwnEvent(EventSchemas.Event event) {
        return true;
    }

    /** {@code membership}, {@code venue}...: the second part of the service's types. */
    protected abstract String service();

    /**
     * The Java record each type's data is written from, where the service writes its events from records: the schema
     * must then promise exactly the record's fields. Empty (the default) where the data is assembled otherwise.
     */
    protected Map<String, Class<? extends Record>> dataRecords() {
        return Map.of();
    }

    /** Names a schema must never have as a property: events are not where personal data travels. */
    private static final List<String> PERSONAL_FIELDS = List.of("phone", "idNumber", "residentIdNumber");

    @Test
    void everySchemaDescribesExactlyTheFieldsOfItsDataRecord() {
        Map<String, Class<? extends Record>> records = dataRecords();
        EventSchemas schemas = EventSchemas.in(schemaDirectory());
        if (!records.isEmpty()) {
            Assertions.assertEquals(schemas.types(), new TreeSet<>(records.keySet()), "the types with a schema and the types with a data record");
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Class<? extends Record>> e : records.entrySet()) {
            var doc = schemas.document(e.getKey());
            Set<String> fields = Arrays.stream(e.getValue().getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
            Set<String> properties = new TreeSet<>();
            doc.path("properties").fieldNames().forEachRemaining(properties::add);
            if (!fields.equals(properties)) {
                problems.add(e.getKey() + ".json: properties " + properties + " but " + e.getValue().getSimpleName() + " writes " + fields);
            }
            doc.path("required").forEach(r -> {
                if (!fields.contains(r.asText())) {
                    problems.add(e.getKey() + ".json: requires " + r.asText() + ", which " + e.getValue().getSimpleName() + " does not write");
                }
            });
        }
        Assertions.assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everySchemaIsNamedForItsTypeAndItsExamplesMatchIt() {
        EventSchemas schemas = EventSchemas.in(schemaDirectory());
        Assertions.assertFalse(schemas.types().isEmpty(), "no event schemas in " + schemaDirectory());
        List<String> problems = new ArrayList<>();
        for (String type : schemas.types()) {
            var doc = schemas.document(type);
            if (!type.matches("org\\.unionhub\\." + service() + "\\.[a-z]+\\.[a-z]+\\.v[0-9]+")) {
                problems.add(type + ".json: not named org.unionhub." + service() + ".<aggregate>.<verb>.v<major>.json");
            }
            if (!type.equals(doc.path("x-cloudevents-type").asText())) {
                problems.add(type + ".json: x-cloudevents-type is " + doc.path("x-cloudevents-type"));
            }
            if (!type.equals(doc.path("title").asText())) {
                problems.add(type + ".json: title is " + doc.path("title") + ", not the type");
            }
            for (String personal : PERSONAL_FIELDS) {
                if (doc.path("properties").has(personal)) {
                    problems.add(type + ".json: carries " + personal + " (personal data stays in its service)");
                }
            }
            for (String member : List.of("x-topic", "x-key", "required", "additionalProperties")) {
                if (!doc.has(member)) {
                    problems.add(type + ".json: no " + member);
                }
            }
            if (!doc.path("examples").isArray() || doc.path("examples").isEmpty()) {
                problems.add(type + ".json: no examples");
            }
            for (var example : doc.path("examples")) {
                schemas.violations(type, example.toString()).forEach(v -> problems.add(type + ".json example: " + v));
            }
        }
        Assertions.assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void writePublishedTypes(Set<String> types) throws IOException {
        Path file = Path.of(PUBLISHED_TYPES_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", types) + "\n");
    }
}
