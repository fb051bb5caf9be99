package org.unionhub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionhub.deploy.Manifests.Resource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checkers themselves, fed manifests that are wrong on purpose: each must say what is wrong and where. */
class CheckerSelfTest {

    static Repo.App venue() {
        Properties p = new Properties();
        p.setProperty("unionhub.service-name", "venue");
        p.setProperty("quarkus.http.port", "8082");
        p.setProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:15432/venue");
        p.setProperty("kafka.bootstrap.servers", "localhost:19092");
        p.setProperty("mp.messaging.incoming.member-events.topic", "membership.member.v1");
        p.setProperty("mp.messaging.incoming.member-events.group.id", "venue-service");
        p.setProperty("mp.messaging.incoming.member-events.dead-letter-queue.topic", "membership.member.v1.dlq");
        p.setProperty("%dev.quarkus.log.category.\"org.unionhub\".level", "DEBUG");
        Set<String> keys = new java.util.TreeSet<>();
        p.stringPropertyNames().forEach(k -> keys.add(Repo.stripProfile(k)));
        return new Repo.App("venue-service", "venue-service", "venue-service/src/main/resources/application.properties", p, keys,
                Set.of(), Set.of("platform", "quarkus-jdbc-postgresql", "quarkus-messaging-kafka", "quarkus-smallrye-jwt"),
                Map.of("venue.v1", "venue-service/src/main/java/VenueEvents.java"));
    }

    static Resource yaml(String text) throws Exception {
        ObjectNode n = (ObjectNode) Manifests.YAML.readTree(text);
        return new Resource(n.path("kind").asText(), n.at("/metadata/name").asText(), n, "test.yaml");
    }

    @Test
    void environment_names_follow_the_microprofile_mapping() {
        assertThat(ConfigKeys.envName("quarkus.datasource.jdbc.url")).isEqualTo("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(ConfigKeys.envName("%prod.gateway.services.membership.url")).isEqualTo("GATEWAY_SERVICES_MEMBERSHIP_URL");
        assertThat(ConfigKeys.envName("quarkus.log.category.\"org.unionhub\".level")).isEqualTo("QUARKUS_LOG_CATEGORY__ORG_UNIONHUB__LEVEL");
    }

    @Test
    void a_variable_the_app_does_not_read_is_refused_with_the_reason() {
        Repo.App app = venue();
        assertThat(ConfigKeys.check(app, "QUARKUS_DATASOURCE_JDBC_URL", Set.of())).isEmpty();
        assertThat(ConfigKeys.check(app, "KAFKA_BOOTSTRAP_SERVERS", Set.of())).isEmpty();
        assertThat(ConfigKeys.check(app, "KAFKA_SASL_JAAS_CONFIG", Set.of())).isEmpty();
        assertThat(ConfigKeys.check(app, "JAVA_OPTS_APPEND", Set.of("JAVA_OPTS_APPEND"))).isEmpty();
        assertThat(ConfigKeys.check(app, "QUARKUS_DATASOURCE_JDBCURL", Set.of()))
                .hasValueSatisfying(why -> assertThat(why).contains("QUARKUS_DATASOURCE_JDBCURL", "venue-service/src/main/resources/application.properties"));
        assertThat(ConfigKeys.check(app, "KAFKA_SASL_MECHANISMS", Set.of()))
                .hasValueSatisfying(why -> assertThat(why).contains("sasl.mechanisms"));
        assertThat(ConfigKeys.check(app, "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", Set.of()))
                .as("OpenTelemetry keys count only when the app carries quarkus-opentelemetry").isPresent();
    }

    @Test
    void config_mapping_variables_must_name_a_member_of_the_mapping(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("EdgeConfig.java"), """
                @ConfigMapping(prefix = "gateway")
                public interface EdgeConfig {
                    Map<String, Service> services();

                    @WithDefault("50M")
                    MemorySize maxBodySize();

                    interface Service {
                        String url();
                    }
                }
                """);
        Set<String> members = Repo.configMappingMembers(dir);
        assertThat(members).containsExactlyInAnyOrder("gateway.services", "gateway.max-body-size");
        Repo.App v = venue();
        Repo.App gw = new Repo.App("gateway", "gateway", "gateway/src/main/resources/application.properties", new Properties(),
                Set.of(), members, Set.of(), Map.of());
        assertThat(ConfigKeys.check(gw, "GATEWAY_SERVICES_VENUE_URL", Set.of())).isEmpty();
        assertThat(ConfigKeys.check(gw, "GATEWAY_MAX_BODY_SIZE", Set.of())).isEmpty();
        assertThat(ConfigKeys.check(gw, "GATEWAY_SERVICE_VENUE_URL", Set.of())).isPresent();
        assertThat(ConfigKeys.check(v, "GATEWAY_SERVICES_VENUE_URL", Set.of())).isPresent();
    }

    @Test
    void a_wrong_port_or_probe_path_is_reported_with_the_file() throws Exception {
        Resource dep = yaml("""
                kind: Deployment
                metadata: {name: venue-service}
                spec:
                  template:
                    spec:
                      containers:
                        - name: venue-service
                          ports: [{name: http, containerPort: 8083}]
                          startupProbe: {httpGet: {path: /q/health/started, port: http}}
                          livenessProbe: {httpGet: {path: /health, port: http}}
                          readinessProbe: {httpGet: {path: /q/health/ready, port: 8082}}
                """);
        List<String> problems = Checks.containerPortsAndProbes(dep, dep.at("/spec/template/spec/containers/0"), 8082, venue());
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("test.yaml", "containerPort 8083", "8082"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("livenessProbe path /health", "/q/health/live"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("startupProbe port"));
    }

    @Test
    void a_service_writing_another_services_topic_or_missing_its_own_is_reported() throws Exception {
        Resource user = yaml("""
                kind: KafkaUser
                metadata: {name: venue-service}
                spec:
                  authorization:
                    acls:
                      - {resource: {type: topic, name: membership.member.v1}, operations: [Read, Write]}
                      - {resource: {type: group, name: venue-service}, operations: [Read]}
                """);
        List<String> problems = Acls.check(user, venue());
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("may write membership.member.v1"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("cannot write venue.v1", "VenueEvents.java"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("cannot write membership.member.v1.dlq"));
    }

    /** A base holding {@code app.yaml} and an overlay {@code name} of it with one patch; returns the overlay. */
    static Path overlay(Path dir, String app, String name, String patch) throws Exception {
        Files.createDirectories(dir.resolve("base"));
        Files.writeString(dir.resolve("base/kustomization.yaml"), "resources: [app.yaml]\n");
        Files.writeString(dir.resolve("base/app.yaml"), app);
        Path overlay = Files.createDirectories(dir.resolve(name));
        Files.writeString(overlay.resolve("kustomization.yaml"), "resources: [../base]\npatches: [{path: p.yaml}]\n");
        Files.writeString(overlay.resolve("p.yaml"), patch);
        return overlay;
    }

    /** The overlays rely on these strategic-merge rules of kustomize; the real tool must keep them. */
    @Test
    void strategic_merge_merges_named_lists_and_removes_nulls(@TempDir Path dir) throws Exception {
        Path overlay = overlay(dir, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      containers:
                        - {name: a, image: x, resources: {limits: {memory: 1Gi}}}
                        - {name: b, image: y}
                      dnsConfig: {searches: [unionhub.svc]}
                """, "overlay", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      containers:
                        - {name: a, resources: {limits: {memory: 2Gi}}}
                      dnsConfig: null
                """);
        Resource app = Manifests.find(Manifests.render(overlay), "Deployment", "app").orElseThrow();
        JsonNode c = app.at("/spec/template/spec/containers");
        assertThat(c).hasSize(2);
        assertThat(c.at("/0/image").asText()).isEqualTo("x");
        assertThat(c.at("/0/resources/limits/memory").asText()).isEqualTo("2Gi");
        assertThat(app.at("/spec/template/spec/dnsConfig").isMissingNode()).isTrue();
    }

    @Test
    void an_overlay_patching_a_resource_the_base_lacks_fails_naming_both(@TempDir Path dir) throws Exception {
        Path prod = overlay(dir, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: gateway}\n",
                "prod", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: gatewy}\nspec: {replicas: 2}\n");
        assertThatThrownBy(() -> Manifests.render(prod))
                .hasMessageContaining("Deployment.v1.apps/gatewy")
                .hasMessageContaining("kubectl kustomize " + prod);
    }

    @Test
    void published_topics_are_found_in_constants_and_outbox_calls() {
        java.util.regex.Matcher constant = Repo.TOPIC_CONSTANT.matcher("public static final String MEMBER_TOPIC = \"membership.member.v1\";");
        assertThat(constant.find()).isTrue();
        assertThat(constant.group(1)).isEqualTo("membership.member.v1");
        java.util.regex.Matcher call = Repo.TOPIC_CONSTANT.matcher("outbox.publish(\"assistance.v1\", EventTypes.type(...), id, data);");
        assertThat(call.find()).isTrue();
        assertThat(call.group(1)).isEqualTo("assistance.v1");
        assertThat(Repo.TOPIC_CONSTANT.matcher("String topic = other.topic();").find()).isFalse();
    }

    @Test
    void compose_interpolation_uses_defaults_and_literal_dollars() {
        assertThat(ComposeTest.interpolate("${UNIONHUB_REGISTRY:-unionhub}/gateway:${UNIONHUB_TAG:-latest}")).isEqualTo("unionhub/gateway:latest");
        assertThat(ComposeTest.interpolate("${PASSWORD:?set it}")).isEmpty();
        assertThat(ComposeTest.interpolate("[ \"$$code\" = 200 ]")).isEqualTo("[ \"$code\" = 200 ]");
    }
}
