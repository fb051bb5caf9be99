package org.unionhub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

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

/** deploy/compose against the code and the image build. */
class ComposeTest {

    static final String FILE = "deploy/compose/compose.yaml";
    static final String INIT_SCRIPT = "deploy/compose/postgres/init-databases.sh";
    static final Pattern TOPIC = Pattern.compile("\\b[a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.v\\d+(?:\\.dlq)?\\b");

    private final Repo repo = Repo.get();
    private final JsonNode compose = load();
    private final JsonNode services = compose.path("services");

    static JsonNode load() {
        Path p = Repo.get().path(FILE);
        assertThat(Files.isRegularFile(p)).as(FILE + " exists").isTrue();
        List<JsonNode> docs = Manifests.documents(p);
        assertThat(docs).as(FILE + " holds one document").hasSize(1);
        return docs.get(0);
    }

    /** What Compose would make of a value when no .env sets anything: defaults apply, $$ is a literal $. */
    static String interpolate(String value) {
        Matcher m = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*)|:?\\?[^}]*)?}").matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(sb);
        return sb.toString().replace("$$", "$");
    }

    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = service.path("environment");
        if (e.isArray()) {
            e.forEach(item -> {
                String[] kv = item.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        } else {
            e.fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().asText()));
        }
        return env;
    }

    @Test
    void every_app_is_a_compose_service_running_the_image_that_is_built() {
        List<String> problems = new ArrayList<>();
        Set<String> built = Build.imageNames();
        for (Repo.App app : repo.apps()) {
            JsonNode s = services.path(app.name());
            if (s.isMissingNode()) {
                problems.add(FILE + ": no service " + app.name() + " (app module " + app.dir() + ")");
                continue;
            }
            String image = interpolate(s.path("image").asText());
            if (!built.contains(Manifests.imageName(image)) || !image.contains("/" + app.name())) {
                problems.add(FILE + ": service " + app.name() + " runs image " + image + ", but " + Build.SCRIPT
                        + " builds " + built);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void ports_health_checks_and_environment_match_the_apps() {
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            JsonNode s = services.path(app.name());
            if (s.isMissingNode()) {
                continue;
            }
            String where = FILE + " service " + app.name();
            Map<String, String> env = environment(s);
            String port = String.valueOf(app.httpPort());
            if (env.containsKey("QUARKUS_HTTP_PORT") && !interpolate(env.get("QUARKUS_HTTP_PORT")).equals(port)) {
                problems.add(where + ": QUARKUS_HTTP_PORT " + env.get("QUARKUS_HTTP_PORT") + " but quarkus.http.port is "
                        + port + " in " + app.propertiesFile());
            }
            String check = interpolate(String.join(" ", texts(s.path("healthcheck").path("test"))));
            Matcher health = Pattern.compile("(?:127\\.0\\.0\\.1|localhost)[:/](\\d+)").matcher(check);
            if (!check.contains("/q/health/")) {
                problems.add(where + ": healthcheck does not ask /q/health/*: " + check);
            }
            if (!health.find() || !health.group(1).equals(port)) {
                problems.add(where + ": healthcheck does not reach port " + port + ": " + check);
            }
            for (String variable : env.keySet()) {
                ConfigKeys.check(app, variable, Build.imageVariables()).ifPresent(why -> problems.add(where + ": " + why));
            }
            if (app.usesDatabase()) {
                String url = interpolate(env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", ""));
                if (!url.endsWith("/" + app.databaseName())) {
                    problems.add(where + ": QUARKUS_DATASOURCE_JDBC_URL " + url + " is not the database " + app.databaseName()
                            + " of " + app.propertiesFile());
                }
                if (!interpolate(env.getOrDefault("QUARKUS_DATASOURCE_USERNAME", "")).equals(app.databaseName())) {
                    problems.add(where + ": QUARKUS_DATASOURCE_USERNAME must be the login " + app.databaseName()
                            + " that owns only its database (" + INIT_SCRIPT + ")");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void secrets_of_the_code_are_required_from_the_environment() {
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            Map<String, String> env = environment(services.path(app.name()));
            for (String key : Secrets.sensitiveKeys(app)) {
                String value = env.get(ConfigKeys.envName(key));
                if (value == null || !value.matches("\\$\\{[A-Z0-9_]+:\\?[^}]*}")) {
                    problems.add(FILE + " service " + app.name() + ": " + ConfigKeys.envName(key) + " (" + key + " in "
                            + app.propertiesFile() + ") must be ${VARIABLE:?...} from deploy/compose/.env, not "
                            + (value == null ? "unset" : value));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * A development default of the code (the development verification key above all: its private half
     * is in the repository) must not be what Compose falls back to when .env forgets it.
     */
    @Test
    void development_defaults_of_the_code_are_required_from_the_environment() {
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            Map<String, String> env = environment(services.path(app.name()));
            for (String key : Secrets.developmentDefaults(app)) {
                String value = env.get(ConfigKeys.envName(key));
                if (value == null || !value.matches("\\$\\{[A-Z0-9_]+:\\?[^}]*}")) {
                    problems.add(FILE + " service " + app.name() + ": " + ConfigKeys.envName(key) + " (" + key
                            + ", whose committed value is for development) must be ${VARIABLE:?...} with no default, not "
                            + (value == null ? "unset" : value));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void only_the_gateway_is_published_and_start_order_follows_health() {
        List<String> problems = new ArrayList<>();
        services.fields().forEachRemaining(f -> {
            String name = f.getKey();
            JsonNode s = f.getValue();
            if (s.has("ports") && !name.equals("gateway")) {
                problems.add(FILE + ": service " + name + " publishes ports " + s.path("ports") + "; only the gateway may");
            }
            if (s.has("network_mode") && s.path("network_mode").asText().equals("host")) {
                problems.add(FILE + ": service " + name + " uses the host network");
            }
            JsonNode deps = s.path("depends_on");
            if (deps.isArray()) {
                problems.add(FILE + ": service " + name + " depends_on without conditions (start order would ignore health)");
            }
            deps.fields().forEachRemaining(d -> {
                String condition = d.getValue().path("condition").asText();
                if (!condition.equals("service_healthy") && !condition.equals("service_completed_successfully")) {
                    problems.add(FILE + ": " + name + " depends on " + d.getKey() + " with condition '" + condition
                            + "' instead of service_healthy");
                }
                JsonNode target = services.path(d.getKey());
                if (condition.equals("service_healthy") && target.path("healthcheck").isMissingNode()) {
                    problems.add(FILE + ": " + name + " waits for " + d.getKey() + " to be healthy, which has no healthcheck");
                }
            });
        });
        assertThat(services.path("gateway").path("ports").size()).as(FILE + ": the gateway is published").isPositive();
        for (Repo.App app : repo.apps()) {
            if (!app.name().equals("gateway") && !services.path("gateway").path("depends_on").has(app.name())) {
                problems.add(FILE + ": gateway does not wait for " + app.name());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void postgres_and_kafka_are_the_required_versions_with_health_checks_and_volumes() {
        List<String> problems = new ArrayList<>();
        JsonNode pg = services.path("postgres");
        Matcher pgVersion = Pattern.compile("^postgres:(\\d+)").matcher(pg.path("image").asText());
        if (!pgVersion.find() || Integer.parseInt(pgVersion.group(1)) < 15) {
            problems.add(FILE + ": postgres image " + pg.path("image").asText() + " is not PostgreSQL 15+");
        }
        JsonNode kafka = services.path("kafka");
        String pomKafka = pomProperty("kafka.version");
        if (!kafka.path("image").asText().startsWith("apache/kafka:" + majorMinor(pomKafka))) {
            problems.add(FILE + ": kafka image " + kafka.path("image").asText() + " is not apache/kafka " + majorMinor(pomKafka)
                    + ".x, the client version of pom.xml (kafka.version " + pomKafka + ")");
        }
        Map<String, String> kenv = environment(kafka);
        if (!kenv.getOrDefault("KAFKA_PROCESS_ROLES", "").contains("controller")) {
            problems.add(FILE + ": kafka is not in KRaft mode (KAFKA_PROCESS_ROLES with controller)");
        }
        String clusterId = kenv.getOrDefault("CLUSTER_ID", "");
        boolean validId;
        try {
            validId = clusterId.length() == 22 && java.util.Base64.getUrlDecoder().decode(clusterId).length == 16;
        } catch (IllegalArgumentException e) {
            validId = false;
        }
        if (!validId) {
            problems.add(FILE + ": kafka CLUSTER_ID '" + clusterId + "' is not a base64url-encoded UUID (22 characters), "
                    + "which KRaft storage formatting requires");
        }
        if (services.has("zookeeper")) {
            problems.add(FILE + ": ZooKeeper is not needed with KRaft");
        }
        for (String s : List.of("postgres", "kafka")) {
            if (services.path(s).path("healthcheck").isMissingNode()) {
                problems.add(FILE + ": " + s + " has no healthcheck");
            }
            boolean namedVolume = Manifests.stream(services.path(s).path("volumes")).anyMatch(v -> {
                String source = v.asText().split(":")[0];
                return compose.path("volumes").has(source);
            });
            if (!namedVolume) {
                problems.add(FILE + ": " + s + " keeps its data in no named volume");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_init_script_creates_one_database_and_login_per_service() {
        Path script = repo.path(INIT_SCRIPT);
        assertThat(Files.isRegularFile(script)).as(INIT_SCRIPT + " exists").isTrue();
        String text = Repo.read(script);
        List<String> problems = new ArrayList<>();
        boolean mounted = Manifests.stream(services.path("postgres").path("volumes"))
                .anyMatch(v -> v.asText().contains("init-databases.sh") && v.asText().contains("/docker-entrypoint-initdb.d/"));
        if (!mounted) {
            problems.add(FILE + ": postgres does not mount " + INIT_SCRIPT + " into /docker-entrypoint-initdb.d/");
        }
        for (Repo.App app : repo.apps()) {
            if (!app.usesDatabase()) {
                continue;
            }
            String db = app.databaseName();
            if (!Pattern.compile("(?m)^create_service_database\\s+" + Pattern.quote(db) + "\\s").matcher(text).find()) {
                problems.add(INIT_SCRIPT + ": does not create database and login " + db + " (" + app.propertiesFile() + ")");
            }
            String password = db.toUpperCase() + "_DB_PASSWORD";
            if (!environment(services.path("postgres")).containsKey(password)) {
                problems.add(FILE + ": postgres does not receive " + password + " for the init script");
            }
        }
        for (String must : List.of("CREATE DATABASE :\"db\" OWNER :\"db\"", "REVOKE ALL ON DATABASE :\"db\" FROM PUBLIC", "NOSUPERUSER")) {
            if (!text.contains(must)) {
                problems.add(INIT_SCRIPT + ": lacks '" + must + "' (each login owns only its database)");
            }
        }
        if (!Files.isExecutable(script)) {
            problems.add(INIT_SCRIPT + ": is not executable");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_topic_the_code_names_is_created_before_the_services_start() {
        JsonNode init = services.path("kafka-init");
        String commands = interpolate(String.join(" ", texts(init.path("command"))) + " " + String.join(" ", texts(init.path("entrypoint"))));
        Set<String> created = new TreeSet<>();
        Matcher m = TOPIC.matcher(commands);
        while (m.find()) {
            created.add(m.group());
        }
        if (commands.contains("\"$topic.dlq\"")) {
            new ArrayList<>(created).forEach(t -> created.add(t + ".dlq"));
        }
        List<String> problems = new ArrayList<>();
        repo.topicsInCode().forEach((topic, file) -> {
            if (!created.contains(topic)) {
                problems.add(FILE + ": kafka-init does not create topic " + topic + " (named in " + file + ")");
            }
        });
        for (Repo.App app : repo.apps()) {
            if (app.usesKafka() && !services.path(app.name()).path("depends_on").has("kafka-init")) {
                problems.add(FILE + ": " + app.name() + " does not wait for kafka-init (its topics may not exist yet)");
            }
        }
        assertThat(problems).isEmpty();
    }

    static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (!node.isMissingNode()) {
            out.add(node.asText());
        }
        return out;
    }

    static String pomProperty(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Repo.read(Repo.get().path("pom.xml")));
        if (!m.find()) {
            throw new AssertionError("pom.xml has no property " + name);
        }
        return m.group(1).trim();
    }

    static String majorMinor(String version) {
        String[] parts = version.split("\\.");
        return parts[0] + "." + parts[1];
    }
}
