package org.unionhub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionhub.deploy.Manifests.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.deploy.KubernetesTest.BASE;
import static org.unionhub.deploy.KubernetesTest.DEV;
import static org.unionhub.deploy.KubernetesTest.PROD;
import static org.unionhub.deploy.KubernetesTest.rendered;
import static org.unionhub.deploy.Manifests.find;
import static org.unionhub.deploy.Manifests.ofKind;

/** Strimzi resources against the topics, consumer groups and producers in the code. */
class KafkaTest {

    /** The topics partners are given (docs/operations.md): member, venue (subsidies) and assistance (disbursements) events. */
    static final Set<String> PARTNER_TOPICS = Set.of("membership.member.v1", "venue.v1", "assistance.v1");

    private final Repo repo = Repo.get();

    static Map<String, Resource> topics(List<Resource> all) {
        Map<String, Resource> byName = new LinkedHashMap<>();
        for (Resource t : ofKind(all, "KafkaTopic")) {
            byName.put(t.at("/spec/topicName").asText(t.name()), t);
        }
        return byName;
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void every_topic_the_code_produces_or_consumes_has_a_kafka_topic(String dir) {
        Map<String, Resource> topics = topics(rendered(dir));
        List<String> problems = new ArrayList<>();
        repo.topicsInCode().forEach((topic, file) -> {
            if (!topics.containsKey(topic)) {
                problems.add(dir + ": no KafkaTopic for " + topic + " (named in " + file + ")");
            }
            if (!topic.endsWith(".dlq") && !topics.containsKey(topic + ".dlq")) {
                problems.add(dir + ": no KafkaTopic for the dead letters of " + topic + " (" + topic + ".dlq)");
            }
        });
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void topics_are_replicated_three_times_with_two_in_sync_and_a_retention(String dir) {
        List<String> problems = new ArrayList<>();
        List<Resource> all = rendered(dir);
        Optional<Resource> cluster = ofKind(all, "Kafka").stream().findFirst();
        for (Resource t : ofKind(all, "KafkaTopic")) {
            if (t.at("/spec/replicas").asInt() != 3) {
                problems.add(t.where() + ": replicas " + t.at("/spec/replicas").asText() + " instead of 3");
            }
            if (!t.at("/spec/config/min.insync.replicas").asText().equals("2")) {
                problems.add(t.where() + ": min.insync.replicas is not 2");
            }
            if (t.at("/spec/partitions").asInt() < 1) {
                problems.add(t.where() + ": no partitions");
            }
            if (t.at("/spec/config/retention.ms").isMissingNode()) {
                problems.add(t.where() + ": no retention.ms");
            }
            String clusterLabel = t.at("/metadata/labels/strimzi.io~1cluster").asText();
            if (cluster.isEmpty() || !cluster.get().name().equals(clusterLabel)) {
                problems.add(t.where() + ": strimzi.io/cluster " + clusterLabel + " names no Kafka cluster here");
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void consumers_never_scale_beyond_the_partitions_of_what_they_consume(String dir) {
        List<Resource> all = rendered(dir);
        Map<String, Resource> topics = topics(all);
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            Optional<Resource> hpa = find(all, "HorizontalPodAutoscaler", app.name());
            for (String topic : app.consumedTopics()) {
                Resource t = topics.get(topic);
                if (t != null && hpa.isPresent() && hpa.get().at("/spec/maxReplicas").asInt() > t.at("/spec/partitions").asInt()) {
                    problems.add(hpa.get().where() + ": maxReplicas " + hpa.get().at("/spec/maxReplicas").asInt()
                            + " exceeds the " + t.at("/spec/partitions").asInt() + " partitions of " + topic
                            + " (" + t.where() + "); the extra consumers of group " + app.consumption().get(topic) + " would idle");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, PROD})
    void the_cluster_runs_kraft_with_node_pools_and_durable_defaults(String dir) {
        List<Resource> all = rendered(dir);
        List<String> problems = new ArrayList<>();
        List<Resource> kafkas = ofKind(all, "Kafka");
        assertThat(kafkas).as(dir + ": exactly one Kafka").hasSize(1);
        Resource kafka = kafkas.get(0);
        if (!kafka.at("/metadata/annotations/strimzi.io~1kraft").asText().equals("enabled")
                || !kafka.at("/metadata/annotations/strimzi.io~1node-pools").asText().equals("enabled")) {
            problems.add(kafka.where() + ": not annotated for KRaft and node pools");
        }
        String pomKafka = ComposeTest.pomProperty("kafka.version");
        if (!kafka.at("/spec/kafka/version").asText().startsWith(ComposeTest.majorMinor(pomKafka) + ".")) {
            problems.add(kafka.where() + ": version " + kafka.at("/spec/kafka/version").asText() + " but the clients are "
                    + pomKafka + " (pom.xml kafka.version)");
        }
        if (!kafka.at("/spec/kafka/config/min.insync.replicas").asText().equals("2")
                || !kafka.at("/spec/kafka/config/default.replication.factor").asText().equals("3")) {
            problems.add(kafka.where() + ": defaults must be replication 3, min.insync.replicas 2");
        }
        if (!kafka.at("/spec/kafka/authorization/type").asText().equals("simple")) {
            problems.add(kafka.where() + ": no ACL authorization (KafkaUser ACLs would not apply)");
        }
        int brokers = 0;
        boolean controllers = false;
        for (Resource pool : ofKind(all, "KafkaNodePool")) {
            Set<String> roles = new TreeSet<>();
            pool.at("/spec/roles").forEach(r -> roles.add(r.asText()));
            if (roles.contains("broker")) {
                brokers += pool.at("/spec/replicas").asInt();
            }
            controllers |= roles.contains("controller") && pool.at("/spec/replicas").asInt() >= 3;
        }
        if (brokers < 3) {
            problems.add(dir + ": " + brokers + " brokers cannot hold 3 replicas");
        }
        if (!controllers) {
            problems.add(dir + ": no KafkaNodePool with three KRaft controllers");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void each_service_writes_only_its_topics_and_reads_what_it_consumes() {
        List<Resource> all = rendered(BASE);
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            if (!app.usesKafka()) {
                continue;
            }
            Optional<Resource> user = find(all, "KafkaUser", app.name());
            if (user.isEmpty()) {
                problems.add(BASE + ": no KafkaUser " + app.name() + " for the Kafka clients of " + app.dir());
                continue;
            }
            problems.addAll(Acls.check(user.get(), app));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void partners_only_read_the_topics_they_are_given() {
        Resource partner = find(rendered(BASE), "KafkaUser", "partner")
                .orElseThrow(() -> new AssertionError(BASE + ": no KafkaUser partner"));
        List<String> problems = new ArrayList<>();
        for (Acls.Acl acl : Acls.of(partner)) {
            if (acl.type().equals("topic") && (!PARTNER_TOPICS.contains(acl.name()) || !acl.literal()
                    || !Set.of("Read", "Describe").containsAll(acl.operations()))) {
                problems.add(partner.where() + ": " + acl + " goes beyond reading " + PARTNER_TOPICS);
            }
            if (acl.type().equals("group") && !acl.name().startsWith("partner")) {
                problems.add(partner.where() + ": " + acl + " uses a consumer group outside partner-*");
            }
            if (!acl.type().equals("topic") && !acl.type().equals("group")) {
                problems.add(partner.where() + ": " + acl + " is neither a topic nor a group ACL");
            }
        }
        for (String topic : PARTNER_TOPICS) {
            if (Acls.of(partner).stream().noneMatch(a -> a.allows("topic", topic, "Read"))) {
                problems.add(partner.where() + ": cannot read " + topic);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void only_the_services_users_write_anything() {
        Set<String> services = new TreeSet<>();
        repo.apps().stream().filter(Repo.App::usesKafka).forEach(a -> services.add(a.name()));
        List<String> problems = new ArrayList<>();
        for (Resource user : ofKind(rendered(BASE), "KafkaUser")) {
            if (services.contains(user.name())) {
                continue;
            }
            for (Acls.Acl acl : Acls.of(user)) {
                if (!Set.of("Read", "Describe").containsAll(acl.operations())) {
                    problems.add(user.where() + ": " + acl + " lets a user that is no service change something");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void each_service_authenticates_as_its_own_kafka_user(String dir) {
        List<Resource> all = rendered(dir);
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            Optional<Resource> dep = find(all, "Deployment", app.name());
            if (!app.usesKafka() || dep.isEmpty()) {
                continue;
            }
            JsonNode c = dep.get().at("/spec/template/spec/containers/0");
            String jaasSecret = Manifests.stream(c.path("env"))
                    .filter(e -> e.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG"))
                    .map(e -> e.at("/valueFrom/secretKeyRef/name").asText()).findFirst().orElse(null);
            if (!app.name().equals(jaasSecret)) {
                problems.add(dep.get().where() + ": KAFKA_SASL_JAAS_CONFIG comes from secret " + jaasSecret
                        + ", not from the secret of KafkaUser " + app.name());
            }
            String bootstrap = KubernetesTest.configValue(all, dep.get(), "KAFKA_BOOTSTRAP_SERVERS");
            Resource kafka = ofKind(all, "Kafka").get(0);
            if (bootstrap == null || !bootstrap.startsWith(kafka.name() + "-kafka-bootstrap:")) {
                problems.add(dep.get().where() + ": KAFKA_BOOTSTRAP_SERVERS " + bootstrap + " is not the bootstrap service of "
                        + kafka.name());
            } else {
                String port = bootstrap.substring(bootstrap.indexOf(':') + 1);
                Optional<JsonNode> listener = Manifests.stream(kafka.at("/spec/kafka/listeners"))
                        .filter(l -> l.path("port").asText().equals(port)).findFirst();
                if (listener.isEmpty() || !listener.get().at("/authentication/type").asText().equals("scram-sha-512")) {
                    problems.add(dep.get().where() + ": the listener on port " + port + " is not SCRAM-SHA-512 as "
                            + "KAFKA_SASL_MECHANISM says");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The per-partner template (deploy/k8s/partners): one partner's KafkaUser reads its own stream and nothing else. */
    @Test
    void a_partner_user_reads_only_its_own_stream_in_its_own_groups() throws Exception {
        String id = "5e0c2f1a-8d4b-4f6e-9c1a-2b3d4e5f6a7b";
        java.nio.file.Path template = repo.path("deploy/k8s/partners/partner-template.yaml");
        java.nio.file.Path rendered = java.nio.file.Files.createTempFile("partner-", ".yaml");
        java.nio.file.Files.writeString(rendered, java.nio.file.Files.readString(template).replace("PARTNER_ID", id));
        List<Resource> docs = new ArrayList<>();
        for (JsonNode d : Manifests.documents(rendered)) {
            docs.add(new Resource(d.path("kind").asText(), d.at("/metadata/name").asText(),
                    (com.fasterxml.jackson.databind.node.ObjectNode) d, repo.rel(template)));
        }
        java.nio.file.Files.delete(rendered);
        List<String> problems = new ArrayList<>();
        Resource user = find(docs, "KafkaUser", "partner-" + id).orElseThrow(() -> new AssertionError(template + ": no KafkaUser partner-<id>"));
        if (!user.at("/spec/authentication/type").asText().equals("scram-sha-512")) {
            problems.add(user.where() + ": authentication " + user.at("/spec/authentication/type").asText() + ", not scram-sha-512");
        }
        String topic = "partner." + id + ".v1";
        for (Acls.Acl acl : Acls.of(user)) {
            boolean ownTopic = acl.type().equals("topic") && acl.literal() && acl.name().equals(topic)
                    && Set.of("Read", "Describe").equals(acl.operations());
            boolean ownGroups = acl.type().equals("group") && !acl.literal() && acl.name().equals("partner." + id + ".")
                    && Set.of("Read").equals(acl.operations());
            if (!ownTopic && !ownGroups) {
                problems.add(user.where() + ": " + acl + " is more than READ/DESCRIBE on " + topic + " and READ on groups partner." + id + ".*");
            }
        }
        if (Acls.of(user).stream().noneMatch(a -> a.allows("topic", topic, "Read"))
                || Acls.of(user).stream().noneMatch(a -> a.allows("topic", topic, "Describe"))) {
            problems.add(user.where() + ": cannot read and describe " + topic);
        }
        if (Acls.of(user).stream().noneMatch(a -> a.allows("group", "partner." + id + ".consumer", "Read"))) {
            problems.add(user.where() + ": cannot join its groups partner." + id + ".*");
        }
        Resource kafkaTopic = find(docs, "KafkaTopic", "partner-" + id + "-v1").orElse(null);
        if (kafkaTopic == null || !kafkaTopic.at("/spec/topicName").asText().equals(topic)) {
            problems.add(template + ": no KafkaTopic for " + topic + " (auto.create.topics.enable is false)");
        } else if (kafkaTopic.at("/spec/replicas").asInt() != 3 || !kafkaTopic.at("/spec/config/min.insync.replicas").asText().equals("2")) {
            problems.add(kafkaTopic.where() + ": not replicated 3 times with 2 in sync");
        }
        // partner-service may write it, and nothing but partner-service writes outside its own topics
        Resource service = find(rendered(BASE), "KafkaUser", "partner-service").orElseThrow();
        if (Acls.of(service).stream().noneMatch(a -> a.allows("topic", topic, "Write"))) {
            problems.add(service.where() + ": cannot write " + topic);
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, PROD})
    void partners_outside_the_cluster_connect_over_an_external_tls_listener(String dir) {
        Resource kafka = ofKind(rendered(dir), "Kafka").get(0);
        List<JsonNode> external = Manifests.stream(kafka.at("/spec/kafka/listeners"))
                .filter(l -> Set.of("route", "loadbalancer", "ingress", "nodeport").contains(l.path("type").asText())).toList();
        assertThat(external).as(kafka.where() + ": a listener reachable from outside the cluster").isNotEmpty();
        for (JsonNode l : external) {
            assertThat(l.path("tls").asBoolean()).as(kafka.where() + ": listener " + l.path("name").asText() + " without TLS").isTrue();
            assertThat(l.at("/authentication/type").asText()).as(kafka.where() + ": listener " + l.path("name").asText() + " authentication")
                    .isIn("scram-sha-512", "tls");
            assertThat(l.path("type").asText()).isNotEqualTo("nodeport");
        }
    }
}
