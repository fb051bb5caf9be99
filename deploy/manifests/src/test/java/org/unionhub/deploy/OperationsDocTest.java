package org.unionhub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.unionhub.deploy.Manifests.Resource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.deploy.KubernetesTest.PROD;
import static org.unionhub.deploy.KubernetesTest.rendered;
import static org.unionhub.deploy.Manifests.ofKind;

/** docs/operations.md: the procedures are there, and its tables say what the manifests and the code say. */
class OperationsDocTest {

    static final String DOC = "docs/operations.md";

    private final Repo repo = Repo.get();
    private final String doc = read();

    static String read() {
        Path p = Repo.get().path(DOC);
        assertThat(Files.isRegularFile(p)).as(DOC + " exists").isTrue();
        return Repo.read(p);
    }

    /** Rows of the markdown table whose header starts with the given cell: first cell -> row cells. */
    Map<String, List<String>> table(String firstHeader) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean in = false;
        for (String line : doc.split("\n")) {
            if (!line.startsWith("|")) {
                in = false;
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String c : line.substring(1).split("\\|")) {
                cells.add(c.trim());
            }
            if (cells.get(0).equals(firstHeader)) {
                in = true;
                continue;
            }
            if (in && !cells.get(0).startsWith("---")) {
                rows.put(cells.get(0).replace("`", ""), cells);
            }
        }
        assertThat(rows).as(DOC + " has a table whose first column is '" + firstHeader + "'").isNotEmpty();
        return rows;
    }

    @Test
    void the_guide_covers_every_procedure_the_issue_asks_for() {
        List<String> missing = new ArrayList<>();
        for (String heading : List.of("## Start", "## Scale", "## Upgrade without downtime", "## Rotate the JWT keys",
                "## Replay a dead-letter topic", "## Rebuild a projection from a topic", "## Back up and restore a database")) {
            if (!doc.contains("\n" + heading + "\n")) {
                missing.add(DOC + ": no section '" + heading + "'");
            }
        }
        for (String must : List.of("expand", "contract", "kid", "--reset-offsets", "recovery", "pg_dump")) {
            if (!doc.contains(must)) {
                missing.add(DOC + ": never mentions '" + must + "'");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void the_partition_table_matches_the_topics_and_the_consumer_groups() {
        Map<String, List<String>> rows = table("topic");
        Map<String, Resource> topics = KafkaTest.topics(rendered(PROD));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Resource> t : topics.entrySet()) {
            String name = t.getKey();
            List<String> row = rows.get(name);
            if (row == null && name.endsWith(".dlq")) {
                row = rows.get("<topic>.dlq (each of the above)");
            }
            if (row == null) {
                problems.add(DOC + ": the partition table has no row for topic " + name);
                continue;
            }
            String partitions = t.getValue().at("/spec/partitions").asText();
            if (!row.get(1).equals(partitions)) {
                problems.add(DOC + ": says " + row.get(1) + " partitions for " + name + ", " + t.getValue().where()
                        + " has " + partitions);
            }
        }
        for (Repo.App app : repo.apps()) {
            app.consumption().forEach((topic, group) -> {
                List<String> row = rows.get(topic);
                if (row != null && !row.get(3).contains("`" + group + "`")) {
                    problems.add(DOC + ": the row of " + topic + " does not list consumer group " + group + " ("
                            + app.propertiesFile() + ")");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_apps_table_matches_ports_databases_and_consumer_groups() {
        Map<String, List<String>> rows = table("app");
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            List<String> row = rows.get(app.name());
            if (row == null) {
                problems.add(DOC + ": the apps table has no row for " + app.name());
                continue;
            }
            if (!row.get(1).equals(String.valueOf(app.httpPort()))) {
                problems.add(DOC + ": port " + row.get(1) + " for " + app.name() + ", " + app.propertiesFile() + " says " + app.httpPort());
            }
            if (app.usesDatabase() && !row.get(2).contains("`" + app.databaseName() + "`")) {
                problems.add(DOC + ": database of " + app.name() + " is " + app.databaseName());
            }
            for (String topic : app.producedTopics().keySet()) {
                if (!row.get(3).contains("`" + topic + "`")) {
                    problems.add(DOC + ": " + app.name() + " writes " + topic + " (" + app.producedTopics().get(topic) + ")");
                }
            }
            for (String group : new TreeSet<>(app.consumption().values())) {
                if (!row.get(4).contains("`" + group + "`")) {
                    problems.add(DOC + ": " + app.name() + " consumes in group " + group);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_secret_prod_needs_is_in_the_secrets_table() {
        List<Resource> all = rendered(PROD);
        Set<String> generatedByStrimzi = new TreeSet<>();
        ofKind(all, "KafkaUser").forEach(u -> generatedByStrimzi.add(u.name()));
        Set<String> needed = new TreeSet<>();
        for (Resource r : all) {
            collectSecretNames(r.body(), needed);
        }
        needed.removeAll(generatedByStrimzi);
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("`([a-z0-9-]+)`").matcher(String.join(" ", table("secret").keySet()).replace(", ", " "));
        table("secret").keySet().forEach(k -> {
            for (String part : k.split(",")) {
                documented.add(part.trim());
            }
        });
        while (m.find()) {
            documented.add(m.group(1));
        }
        List<String> problems = new ArrayList<>();
        for (String secret : needed) {
            if (!documented.contains(secret)) {
                problems.add(DOC + ": the secrets table does not say who creates secret " + secret + ", which " + PROD + " uses");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** secretKeyRef/secretName/passwordSecret/secret/s3Credentials names anywhere in a manifest. */
    static void collectSecretNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                String k = f.getKey();
                JsonNode v = f.getValue();
                if (k.equals("secretName") && v.isTextual()) {
                    names.add(v.asText());
                } else if ((k.equals("secretKeyRef") || k.equals("passwordSecret") || k.equals("secret")
                        || k.equals("accessKeyId") || k.equals("secretAccessKey")) && v.path("name").isTextual()) {
                    names.add(v.path("name").asText());
                }
                collectSecretNames(v, names);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectSecretNames(n, names));
        }
    }
}
