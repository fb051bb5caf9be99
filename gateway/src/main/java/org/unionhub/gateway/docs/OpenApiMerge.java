package org.unionhub.gateway.docs;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Merges the services' OpenAPI documents (JSON) into one: their paths (only those the gateway
 * routes to that service), tags and component schemas. A schema name two services use for
 * different shapes is renamed "&lt;service&gt;_&lt;Name&gt;" in the later one, references included.
 */
public final class OpenApiMerge {

    private static final String SCHEMA_REF = "#/components/schemas/";

    private OpenApiMerge() {
    }

    /** One service's document, and which of its paths the gateway routes to it. */
    public record Source(String service, JsonObject document, Predicate<String> routed) {
    }

    public static JsonObject merge(String title, String version, List<Source> sources, List<String> unavailable, String serverUrl) {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject();
        Map<String, JsonObject> tags = new LinkedHashMap<>();
        for (Source s : sources) {
            JsonObject doc = s.document().copy();
            JsonObject own = doc.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
            Map<String, String> renames = new LinkedHashMap<>();
            for (String name : own.fieldNames()) {
                Object theirs = schemas.getValue(name);
                if (theirs != null && !theirs.equals(own.getValue(name))) {
                    renames.put(name, s.service() + "_" + name);
                }
            }
            if (!renames.isEmpty()) {
                doc = (JsonObject) rewriteRefs(doc, renames);
                own = doc.getJsonObject("components").getJsonObject("schemas");
                JsonObject renamed = new JsonObject();
                for (String name : own.fieldNames()) {
                    renamed.put(renames.getOrDefault(name, name), own.getValue(name));
                }
                own = renamed;
            }
            for (String name : own.fieldNames()) {
                if (!schemas.containsKey(name)) {
                    schemas.put(name, own.getValue(name));
                }
            }
            JsonObject theirPaths = doc.getJsonObject("paths", new JsonObject());
            for (String path : theirPaths.fieldNames()) {
                if (s.routed().test(path) && !paths.containsKey(path)) {
                    JsonObject item = theirPaths.getJsonObject(path).copy();
                    item.put("x-unionhub-service", s.service());
                    paths.put(path, item);
                }
            }
            for (Object t : doc.getJsonArray("tags", new JsonArray())) {
                if (t instanceof JsonObject tag && tag.getString("name") != null) {
                    tags.putIfAbsent(tag.getString("name"), tag);
                }
            }
        }
        JsonObject sortedPaths = new JsonObject();
        paths.fieldNames().stream().sorted().forEach(p -> sortedPaths.put(p, paths.getValue(p)));
        JsonObject info = new JsonObject().put("title", title).put("version", version)
                .put("description", "All UnionHub services behind the gateway. Every call but the public ones needs "
                        + "'Authorization: Bearer <JWT>' (RS256). Errors are RFC 9457 problem+json."
                        + (unavailable.isEmpty() ? "" : " Not included right now (their service did not answer): "
                        + String.join(", ", unavailable) + "."))
                .put("x-unavailable", new JsonArray(List.copyOf(unavailable)));
        return new JsonObject()
                .put("openapi", "3.0.3")
                .put("info", info)
                .put("servers", new JsonArray().add(new JsonObject().put("url", serverUrl)))
                .put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray())))
                .put("tags", new JsonArray(List.copyOf(tags.values())))
                .put("paths", sortedPaths)
                .put("components", new JsonObject()
                        .put("schemas", schemas)
                        .put("securitySchemes", new JsonObject().put("bearer", new JsonObject()
                                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT"))));
    }

    static Object rewriteRefs(Object node, Map<String, String> renames) {
        if (node instanceof JsonObject o) {
            JsonObject out = new JsonObject();
            for (String k : o.fieldNames()) {
                Object v = o.getValue(k);
                if (k.equals("$ref") && v instanceof String ref && ref.startsWith(SCHEMA_REF)
                        && renames.containsKey(ref.substring(SCHEMA_REF.length()))) {
                    out.put(k, SCHEMA_REF + renames.get(ref.substring(SCHEMA_REF.length())));
                } else {
                    out.put(k, rewriteRefs(v, renames));
                }
            }
            return out;
        }
        if (node instanceof JsonArray a) {
            JsonArray out = new JsonArray();
            a.forEach(v -> out.add(rewriteRefs(v, renames)));
            return out;
        }
        return node;
    }
}
