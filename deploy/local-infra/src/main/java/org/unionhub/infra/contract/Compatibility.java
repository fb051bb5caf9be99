package org.unionhub.infra.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a schema can replace the released schema of the same event type without breaking a consumer that was
 * written against the released one (docs/partners.md, "Compatibility"). Breaking, at any depth (properties, items,
 * $defs): a property removed (a rename is a removal), its type, format, pattern or const changed, a property newly
 * required, a required property made optional, an enum value removed, {@code additionalProperties} tightened. Adding an
 * optional property, an enum value, a description or an example is compatible. A breaking change needs a new type
 * ({@code ...v2}) beside the released v1.
 */
public final class Compatibility {

    private Compatibility() {
    }

    /** Every breaking change from {@code released} to {@code current}, one line each naming the JSON path; empty when compatible. */
    public static List<String> breakingChanges(JsonNode released, JsonNode current) {
        List<String> changes = new ArrayList<>();
        compare("$", released, current, changes);
        return changes;
    }

    private static void compare(String path, JsonNode released, JsonNode current, List<String> changes) {
        if (released == null || released.isMissingNode() || !released.isObject()) {
            return;
        }
        if (current == null || current.isMissingNode() || !current.isObject()) {
            changes.add(path + ": schema removed");
            return;
        }
        for (String keyword : List.of("type", "format", "pattern", "const", "$ref")) {
            JsonNode before = released.get(keyword);
            JsonNode after = current.get(keyword);
            if (before != null && !sameValue(before, after)) {
                changes.add(path + ": " + keyword + " changed from " + before + " to " + (after == null ? "(none)" : after));
            } else if (before == null && after != null && !keyword.equals("$ref")) {
                changes.add(path + ": " + keyword + " " + after + " added (values valid before may be refused)");
            }
        }
        Set<String> enumBefore = values(released.get("enum"));
        Set<String> enumAfter = values(current.get("enum"));
        if (released.has("enum")) {
            enumBefore.removeAll(enumAfter);
            if (!current.has("enum")) {
                enumBefore.clear();
            }
            for (String removed : enumBefore) {
                changes.add(path + ": enum value " + removed + " removed");
            }
        } else if (current.has("enum")) {
            changes.add(path + ": enum added (values valid before may be refused)");
        }
        Set<String> requiredBefore = names(released.get("required"));
        Set<String> requiredAfter = names(current.get("required"));
        for (String r : requiredAfter) {
            if (!requiredBefore.contains(r)) {
                changes.add(path + ": " + r + " is newly required");
            }
        }
        for (String r : requiredBefore) {
            if (!requiredAfter.contains(r)) {
                changes.add(path + ": " + r + " is no longer required (consumers rely on it)");
            }
        }
        if (!allowsMore(released.get("additionalProperties"), current.get("additionalProperties"))) {
            changes.add(path + ": additionalProperties tightened from " + released.get("additionalProperties")
                    + " to " + current.get("additionalProperties"));
        }
        JsonNode propsBefore = released.path("properties");
        JsonNode propsAfter = current.path("properties");
        for (Iterator<String> names = propsBefore.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!propsAfter.has(name)) {
                changes.add(path + "." + name + ": property removed (or renamed)");
            } else {
                compare(path + "." + name, propsBefore.get(name), propsAfter.get(name), changes);
            }
        }
        compare(path + "[]", released.get("items"), current.get("items"), changes);
        JsonNode defsBefore = released.path("$defs");
        for (Iterator<String> names = defsBefore.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode after = current.path("$defs").get(name);
            if (after == null) {
                changes.add(path + ".$defs." + name + ": definition removed");
            } else {
                compare(path + ".$defs." + name, defsBefore.get(name), after, changes);
            }
        }
    }

    /** Type lists compare as sets: ["string","null"] equals ["null","string"]. */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (b == null) {
            return false;
        }
        if (a.isArray() || b.isArray()) {
            return values(a).equals(values(b));
        }
        return a.equals(b);
    }

    private static Set<String> values(JsonNode node) {
        Set<String> set = new LinkedHashSet<>();
        if (node == null) {
            return set;
        }
        if (node.isArray()) {
            node.forEach(n -> set.add(n.toString()));
        } else {
            set.add(node.toString());
        }
        return set;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> set = new LinkedHashSet<>();
        if (array != null) {
            array.forEach(n -> set.add(n.asText()));
        }
        return set;
    }

    /** Absent and {@code true} allow any extra property; {@code false} or a schema allow less. */
    private static boolean allowsMore(JsonNode before, JsonNode after) {
        boolean openBefore = before == null || (before.isBoolean() && before.asBoolean());
        boolean openAfter = after == null || (after.isBoolean() && after.asBoolean());
        if (openAfter) {
            return true;
        }
        if (openBefore) {
            return false;
        }
        return before.equals(after);
    }
}
