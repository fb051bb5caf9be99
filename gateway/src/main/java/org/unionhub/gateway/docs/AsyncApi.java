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
import java.util.LinkedHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The AsyncAPI 3.0 document of the events partners may receive, built from the services' per-type event JSON Schemas
 * ({@code <type>.json}, see docs/partners.md). The build copies each service's src/main/resources/events/*.json to
 * asyncapi/&lt;service&gt;/ on the gateway's class path (gateway/pom.xml), so the document always matches the schemas
 * of the same commit: one channel per topic, one message per type (payload = the schema, headers = the CloudEvents
 * Kafka binary-mode headers, an example from the schema's {@code examples}), the partner Kafka listener and the
 * webhooks as servers.
 */
public final class AsyncApi {

    private static final Logger LOG = Logger.getLogger(AsyncApi.class);
    public static final List<String> SERVICES = List.of("membership", "venue", "assistance", "competition", "partner");
    /** The topics of the conventions, documented even before a service ships a schema for them. */
    public static final List<String> TOPICS = List.of("membership.member.v1", "membership.organization.v1", "venue.v1",
            "assistance.v1", "competition.v1", PartnerTopic.ADDRESS);

    private AsyncApi() {
    }

    /** The per-partner topic partner-service writes (filtered and redacted for one partner). */
    static final class PartnerTopic {
        static final String ADDRESS = "partner.{partnerId}.v1";

        private PartnerTopic() {
        }
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
        Map<String, List<String>> byTopic = new LinkedHashMap<>();
        TOPICS.forEach(t -> byTopic.put(t, new ArrayList<>()));
        JsonObject messages = new JsonObject();
        for (EventSchema s : schemas) {
            String type = typeOf(s);
            String topic = s.schema().getString("x-topic", s.service() + ".v1");
            byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(type);
            messages.put(type, message(type, s));
        }
        JsonObject channels = new JsonObject();
        JsonObject operations = new JsonObject();
        byTopic.forEach((topic, types) -> {
            String id = channelId(topic);
            JsonObject refs = new JsonObject();
            types.stream().sorted().forEach(t -> refs.put(t, new JsonObject().put("$ref", "#/components/messages/" + t)));
            JsonObject channel = new JsonObject()
                    .put("address", topic)
                    .put("title", topic)
                    .put("description", topic.equals(PartnerTopic.ADDRESS)
                            ? "One partner's own stream: the event types its registration allows, only for its organization "
                            + "subtree, redacted to its level (aggregate-only partners never get names or card numbers). "
                            + "Read it with the partner's Kafka user and a consumer group named after the partner."
                            : "CloudEvents 1.0 in Kafka binary mode; record key = aggregate id (events of one aggregate stay "
                            + "in order); at-least-once: de-duplicate by ce_id.")
                    .put("servers", new JsonArray().add(new JsonObject().put("$ref", "#/servers/partner-kafka")))
                    .put("messages", refs);
            if (topic.equals(PartnerTopic.ADDRESS)) {
                channel.put("parameters", new JsonObject().put("partnerId", new JsonObject()
                        .put("description", "the partner's id, as registered (claim partnerId of its token)")));
            }
            channels.put(id, channel);
            JsonArray opMessages = new JsonArray();
            types.stream().sorted().forEach(t -> opMessages.add(new JsonObject().put("$ref", "#/channels/" + id + "/messages/" + t)));
            operations.put("receive-" + id.replace('.', '-'), new JsonObject()
                    .put("action", "receive")
                    .put("channel", new JsonObject().put("$ref", "#/channels/" + id))
                    .put("summary", "Receive the events of " + topic)
                    .put("messages", opMessages));
        });
        return new JsonObject()
                .put("asyncapi", "3.0.0")
                .put("info", new JsonObject().put("title", "UnionHub events").put("version", "1.0.0")
                        .put("description", "The events partners may receive, over Kafka or as signed webhooks (docs/partners.md). "
                                + "Each message is a CloudEvent 1.0; its data is described by the JSON Schema of its type. "
                                + "Within a type's major version a field is never removed, renamed or retyped and no field "
                                + "becomes required (the build checks it against the released contracts); consumers ignore "
                                + "fields they do not know. Money is a string in yuan with two decimals (\"291.00\"). "
                                + "Delivery is at least once: de-duplicate by ce_id (webhook-id)."))
                .put("defaultContentType", "application/json")
                .put("servers", servers())
                .put("channels", channels)
                .put("operations", operations)
                .put("components", new JsonObject()
                        .put("messages", messages)
                        .put("securitySchemes", securitySchemes()));
    }

    /** Channel ids may hold letters, digits, dots, dashes and underscores only. */
    static String channelId(String topic) {
        return topic.replaceAll("[^A-Za-z0-9._-]", "");
    }

    private static JsonObject message(String type, EventSchema s) {
        JsonObject payload = s.schema().copy();
        payload.remove("$schema");
        JsonArray examples = new JsonArray();
        JsonArray given = s.schema().getJsonArray("examples", new JsonArray());
        for (int i = 0; i < given.size(); i++) {
            JsonObject data = given.getJsonObject(i);
            String key = keyOf(s.schema(), data);
            examples.add(new JsonObject()
                    .put("name", type.substring(type.lastIndexOf('.', type.lastIndexOf('.') - 1) + 1).replace('.', '-') + (i == 0 ? "" : "-" + i))
                    .put("summary", s.schema().getString("title", type))
                    .put("headers", new JsonObject()
                            .put("ce_specversion", "1.0")
                            .put("ce_id", "0b0e1e2c-7a44-4f3d-9d0e-5b1f6c2a9e31")
                            .put("ce_source", "/unionhub/" + s.service())
                            .put("ce_type", type)
                            .put("ce_subject", key)
                            .put("ce_time", "2023-02-22T09:00:00Z")
                            .put("content-type", "application/json"))
                    .put("payload", data));
        }
        return new JsonObject()
                .put("name", type)
                .put("title", s.schema().getString("title", type))
                .put("summary", s.schema().getString("description", ""))
                .put("contentType", "application/json")
                .put("headers", cloudEventHeaders(type, s.service()))
                .put("payload", payload)
                .put("examples", examples)
                .put("bindings", new JsonObject().put("kafka", new JsonObject()
                        .put("key", new JsonObject().put("type", "string")
                                .put("description", "the aggregate id, also ce_subject: " + s.schema().getString("x-key", "the aggregate id")))
                        .put("bindingVersion", "0.5.0")));
    }

    private static String keyOf(JsonObject schema, JsonObject data) {
        Object key = data.getValue(schema.getString("x-key", ""));
        return key == null ? "" : key.toString();
    }

    private static JsonObject servers() {
        return new JsonObject()
                .put("partner-kafka", new JsonObject()
                        .put("host", "kafka-partners.unionhub.org:9094")
                        .put("protocol", "kafka-secure")
                        .put("title", "Kafka for partners")
                        .put("description", "The external TLS listener. Each partner has its own Kafka user that may read only "
                                + "its topic partner.{partnerId}.v1 and consumer groups prefixed with its id; authenticate with "
                                + "SCRAM-SHA-512 over TLS or with a client certificate (mTLS). Read from the broker's CA.")
                        .put("security", new JsonArray()
                                .add(new JsonObject().put("$ref", "#/components/securitySchemes/scramSha512"))
                                .add(new JsonObject().put("$ref", "#/components/securitySchemes/mutualTls"))))
                .put("partner-webhooks", new JsonObject()
                        .put("host", "{receiver}")
                        .put("protocol", "https")
                        .put("title", "Webhooks to the partner")
                        .put("description", "UnionHub POSTs each event to the HTTPS URL of a webhook subscription the partner "
                                + "registered (POST /api/v1/webhook-subscriptions), following the Standard Webhooks specification: "
                                + "headers webhook-id (= ce_id), webhook-timestamp and webhook-signature (v1, HMAC-SHA256 with the "
                                + "subscription's secret); the body carries the event, its data as the message payload below "
                                + "(docs/partners.md, Webhooks). Any 2xx acknowledges; otherwise UnionHub retries with "
                                + "exponential backoff for up to 24 h.")
                        .put("variables", new JsonObject().put("receiver", new JsonObject()
                                .put("description", "the host of the partner's subscription URL")))
                        .put("security", new JsonArray()
                                .add(new JsonObject().put("$ref", "#/components/securitySchemes/webhookSignature"))));
    }

    private static JsonObject securitySchemes() {
        return new JsonObject()
                .put("scramSha512", new JsonObject().put("type", "scramSha512")
                        .put("description", "SCRAM-SHA-512 over TLS with the partner's Kafka user (its KafkaUser secret)."))
                .put("mutualTls", new JsonObject().put("type", "X509")
                        .put("description", "A client certificate issued for the partner's Kafka user (mTLS)."))
                .put("webhookSignature", new JsonObject().put("type", "httpApiKey").put("in", "header").put("name", "webhook-signature")
                        .put("description", "Standard Webhooks signature: v1,base64(HMAC-SHA256(secret, webhook-id + \".\" + "
                                + "webhook-timestamp + \".\" + body)). During a secret rotation two signatures are sent, "
                                + "separated by a space; accept the request when one matches."));
    }

    /** The file name less .json is the type (the naming rule); x-cloudevents-type says the same in the file. */
    static String typeOf(EventSchema s) {
        String declared = s.schema().getString("x-cloudevents-type");
        if (declared != null) {
            return declared;
        }
        return s.file().endsWith(".json") ? s.file().substring(0, s.file().length() - 5) : s.file();
    }

    private static JsonObject cloudEventHeaders(String type, String service) {
        JsonObject props = new JsonObject()
                .put("ce_specversion", new JsonObject().put("type", "string").put("const", "1.0"))
                .put("ce_id", new JsonObject().put("type", "string").put("description", "unique per event: de-duplicate by it"))
                .put("ce_source", new JsonObject().put("type", "string").put("const", "/unionhub/" + service))
                .put("ce_type", new JsonObject().put("type", "string").put("const", type))
                .put("ce_subject", new JsonObject().put("type", "string").put("description", "the aggregate id, also the record key"))
                .put("ce_time", new JsonObject().put("type", "string").put("format", "date-time").put("description", "when the change was committed (UTC)"))
                .put("content-type", new JsonObject().put("type", "string").put("const", "application/json")
                        .put("description", "the CloudEvent's datacontenttype"))
                .put("traceparent", new JsonObject().put("type", "string").put("description", "W3C trace context, when tracing is on"));
        return new JsonObject().put("type", "object").put("properties", props)
                .put("required", new JsonArray().add("ce_specversion").add("ce_id").add("ce_source").add("ce_type")
                        .add("ce_subject").add("ce_time").add("content-type"));
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
