package org.unionhub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.unionhub.deploy.Manifests.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The ACLs of a Strimzi KafkaUser and the rule each service's user must follow. */
final class Acls {

    record Acl(String type, String name, boolean literal, Set<String> operations) {

        boolean matches(String resourceType, String resource) {
            return type.equals(resourceType) && (literal ? name.equals(resource) : resource.startsWith(name));
        }

        boolean allows(String resourceType, String resource, String operation) {
            return matches(resourceType, resource) && (operations.contains(operation) || operations.contains("All"));
        }
    }

    private Acls() {
    }

    static List<Acl> of(Resource user) {
        List<Acl> acls = new ArrayList<>();
        for (JsonNode a : user.at("/spec/authorization/acls")) {
            Set<String> ops = new TreeSet<>();
            a.path("operations").forEach(o -> ops.add(o.asText()));
            if (a.has("operation")) {
                ops.add(a.path("operation").asText());
            }
            acls.add(new Acl(a.at("/resource/type").asText(), a.at("/resource/name").asText(),
                    !a.at("/resource/patternType").asText("literal").equals("prefix"), ops));
        }
        return acls;
    }

    /**
     * A service writes its own topics ({@code <unionhub.service-name>.*}) and the dead-letter topics
     * of what it reads, and nothing else; it can write every topic its code publishes to and read
     * every topic it consumes, in the consumer group its channels use.
     */
    static List<String> check(Resource user, Repo.App app) {
        List<String> problems = new ArrayList<>();
        List<Acl> acls = of(user);
        String own = app.serviceName() + ".";
        for (Acl acl : acls) {
            // the one prefix allowed: a service's own namespace, for topics it creates at run time (partner-service
            // writes partner.<partnerId>.v1 per registered partner), and only to write them
            boolean ownNamespace = acl.name().equals(own) && Set.of("Write", "Describe").containsAll(acl.operations());
            if (!acl.literal() && acl.type().equals("topic") && !ownNamespace) {
                problems.add(user.where() + ": prefix ACL " + acl + " grants more topics than the code uses");
            }
            if (acl.operations().contains("All") || acl.type().equals("cluster")) {
                problems.add(user.where() + ": " + acl + " is broader than a service needs");
            }
            boolean writes = acl.operations().contains("Write") || acl.operations().contains("Create")
                    || acl.operations().contains("Delete") || acl.operations().contains("Alter");
            if (acl.type().equals("topic") && writes) {
                boolean ownTopic = acl.name().startsWith(own) && !acl.name().endsWith(".dlq");
                boolean deadLettersOfRead = acl.name().endsWith(".dlq") && acls.stream().anyMatch(
                        r -> r.allows("topic", acl.name().substring(0, acl.name().length() - 4), "Read"));
                if (!ownTopic && !deadLettersOfRead) {
                    problems.add(user.where() + ": may write " + acl.name() + ", which is neither a topic of '"
                            + app.serviceName() + "' (unionhub.service-name in " + app.propertiesFile()
                            + ") nor the dead-letter topic of one it reads");
                }
            }
        }
        for (String topic : app.writtenTopics()) {
            if (acls.stream().noneMatch(a -> a.allows("topic", topic, "Write"))) {
                problems.add(user.where() + ": cannot write " + topic + ", which " + app.name() + " publishes to ("
                        + app.producedTopics().getOrDefault(topic, app.propertiesFile()) + ")");
            }
        }
        String replaySuffix = app.has("platform") ? Repo.get().deadLetterReplayGroupSuffix() : null;
        if (replaySuffix != null) {
            // the platform's replay runs in the topic's owner: it reads <topic>.dlq and writes <topic>
            for (String topic : app.producedTopics().keySet()) {
                if (acls.stream().noneMatch(a -> a.allows("topic", topic + ".dlq", "Read"))) {
                    problems.add(user.where() + ": cannot read " + topic + ".dlq, so the dead-letter replay of its own topic "
                            + topic + " (platform DeadLetterReplay) would be refused");
                }
            }
            String group = app.serviceName() + replaySuffix;
            if (!app.producedTopics().isEmpty() && acls.stream().noneMatch(a -> a.allows("group", group, "Read"))) {
                problems.add(user.where() + ": cannot join the dead-letter replay group " + group);
            }
        }
        app.consumption().forEach((topic, group) -> {
            if (acls.stream().noneMatch(a -> a.allows("topic", topic, "Read"))) {
                problems.add(user.where() + ": cannot read " + topic + ", which " + app.propertiesFile() + " consumes");
            }
            if (acls.stream().noneMatch(a -> a.allows("group", group, "Read"))) {
                problems.add(user.where() + ": cannot join consumer group " + group + " (group.id in " + app.propertiesFile() + ")");
            }
        });
        return problems;
    }
}
