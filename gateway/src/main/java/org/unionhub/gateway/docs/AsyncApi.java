package org.unionhub.gateway.docs;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * An AsyncAPI 2.6 document of the Kafka topics, built from the services' event JSON Schemas. The
 * build copies each service's src/main/resources/events/*.json to asyncapi/&lt;service&gt;/ on the
 * gateway's class path (gateway/pom.xml), so the document always matches the schemas of the same
 * commit.
 */
public final class AsyncApi {

    private static final Logger LOG = Logger.getLogger(AsyncApi.class);
    public static final List<String> SERVICES = List.of("membership", "venue", "assistance", "competition");

    private AsyncApi() {
    }

    /** An event schema found for a service. */
    public record EventSchema(String service, String file, JsonObject schema) {
    }

    public static JsonObject build(ClassLoader loader) {
        List<EventSchema> schemas = new ArrayList<>();
        for (String service : SERVICES) {
            for (String file : list(loader, "asyncapi/" + service)) {
                try (InputStream in = loader.getResourceAsStream("asyncapi/" + service + "/" + file)) {
                    if (in != null) {
                        schemas.add(new EventSchema(service, file, new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
                    }
                } catch (Exception e) {
                    LOG.warnf("event schema %s/%s unreadable: %s", service, file, e.getMessage());
                }
            }
        }
        return build(schemas);
    }

    public static JsonObject build(List<EventSchema> schemas) {
        Map<String, List<String>> byTopic = new TreeMap<>();
        // the conventions' topics are documented even when a service ships no schema yet
        for (String topic : List.of("membership.member.v1", "membership.organization.v1", "venue.v1", "assistance.v1", "competition.v1")) {
            byTopic.put(topic, new ArrayList<>());
        }
        JsonObject messages = new JsonObject();
        for (EventSchema s : schemas) {
            String type = typeOf(s);
            String topic = topicOf(s, type);
            byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(type);
            JsonObject payload = s.schema().copy();
            payload.remove("$schema");
            messages.put(type, new JsonObject()
                    .put("name", type)
                    .put("title", s.schema().getString("title", type))
                    .put("summary", s.schema().getString("description", ""))
                    .put("contentType", "application/json")
                    .put("headers", cloudEventHeaders(type, s.service()))
                    .put("payload", payload)
                    .put("bindings", new JsonObject().put("kafka", new JsonObject()
                            .put("key", new JsonObject().put("type", "string").put("description", "the aggregate id (also ce_subject)"))
                            .put("bindingVersion", "0.4.0"))));
        }
        JsonObject channels = new JsonObject();
        byTopic.forEach((topic, types) -> {
            JsonArray refs = new JsonArray();
            types.stream().sorted().forEach(t -> refs.add(new JsonObject().put("$ref", "#/components/messages/" + t)));
            channels.put(topic, new JsonObject()
                    .put("description", "CloudEvents 1.0 in Kafka binary mode; record key = aggregate id; "
                            + "failed records go to " + topic + ".dlq")
                    .put("subscribe", new JsonObject()
                            .put("operationId", "consume-" + topic.replace('.', '-'))
                            .put("message", new JsonObject().put("oneOf", refs))));
        });
        return new JsonObject()
                .put("asyncapi", "2.6.0")
                .put("info", new JsonObject().put("title", "UnionHub events").put("version", "1.0.0")
                        .put("description", "Topics partners may consume. A field is never removed or retyped within a "
                                + "major version; consumers ignore fields they do not know. No personal identifiers travel in events."))
                .put("defaultContentType", "application/json")
                .put("channels", channels)
                .put("components", new JsonObject().put("messages", messages));
    }

    static String typeOf(EventSchema s) {
        JsonObject schema = s.schema();
        String declared = schema.getString("x-cloudevents-type");
        if (declared != null) {
            return declared;
        }
        String name = s.file().endsWith(".json") ? s.file().substring(0, s.file().length() - 5) : s.file();
        if (name.startsWith("org.unionhub.")) {
            return name;
        }
        String title = schema.getString("title", "");
        if (title.startsWith("org.unionhub.")) {
            return title;
        }
        return "org.unionhub." + s.service() + "." + name + ".v1";
    }

    static String topicOf(EventSchema s, String type) {
        String declared = s.schema().getString("x-topic");
        if (declared != null) {
            return declared;
        }
        if (s.service().equals("membership")) {
            return type.contains(".organization.") ? "membership.organization.v1" : "membership.member.v1";
        }
        return s.service() + ".v1";
    }

    private static JsonObject cloudEventHeaders(String type, String service) {
        JsonObject props = new JsonObject()
                .put("ce_specversion", new JsonObject().put("type", "string").put("const", "1.0"))
                .put("ce_type", new JsonObject().put("type", "string").put("const", type))
                .put("ce_source", new JsonObject().put("type", "string").put("const", "/unionhub/" + service))
                .put("ce_id", new JsonObject().put("type", "string"))
                .put("ce_subject", new JsonObject().put("type", "string").put("description", "aggregate id"))
                .put("ce_time", new JsonObject().put("type", "string").put("format", "date-time"))
                .put("content-type", new JsonObject().put("type", "string").put("const", "application/json"));
        return new JsonObject().put("type", "object").put("properties", props)
                .put("required", new JsonArray().add("ce_specversion").add("ce_type").add("ce_source").add("ce_id"));
    }

    /** File names in a class path folder, from a directory (tests, dev) or a jar (packaged). */
    static List<String> list(ClassLoader loader, String folder) {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources(folder);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).forEach(names::add);
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    JarURLConnection c = (JarURLConnection) url.openConnection();
                    c.setUseCaches(false);
                    try (JarFile jar = c.getJarFile()) {
                        Enumeration<JarEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            String n = entries.nextElement().getName();
                            if (n.startsWith(folder + "/") && n.endsWith(".json") && n.indexOf('/', folder.length() + 1) < 0) {
                                names.add(n.substring(folder.length() + 1));
                            }
                        }
                    }
                }
            }
        } catch (IOException | java.net.URISyntaxException e) {
            LOG.warnf("event schemas under %s unreadable: %s", folder, e.getMessage());
        }
        return names.stream().distinct().sorted().toList();
    }
}
