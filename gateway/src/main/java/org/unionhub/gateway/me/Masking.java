package org.unionhub.gateway.me;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Locale;

/**
 * Masks personal identifiers (ID numbers, phone numbers) in a profile before it reaches the app,
 * whatever the service already did: the app shows them, it never needs them in full.
 */
public final class Masking {

    private Masking() {
    }

    public static JsonObject mask(JsonObject json) {
        JsonObject out = new JsonObject();
        for (String key : json.fieldNames()) {
            Object v = json.getValue(key);
            if (v instanceof String s && isPersonalIdentifier(key)) {
                out.put(key, maskValue(s));
            } else if (v instanceof JsonObject o) {
                out.put(key, mask(o));
            } else if (v instanceof JsonArray a) {
                JsonArray copy = new JsonArray();
                for (Object item : a) {
                    copy.add(item instanceof JsonObject o ? mask(o) : item);
                }
                out.put(key, copy);
            } else {
                out.put(key, v);
            }
        }
        return out;
    }

    static boolean isPersonalIdentifier(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("idnumber") || k.contains("idcard") || k.contains("residentid") || k.contains("phone")
                || k.contains("mobile");
    }

    /** Keeps the first 3 and last 4 characters of long values (as Chinese apps show them), hides the rest. */
    public static String maskValue(String value) {
        if (value.indexOf('*') >= 0) {
            return value; // masked upstream already
        }
        int n = value.length();
        if (n <= 7) {
            return "*".repeat(n);
        }
        return value.substring(0, 3) + "*".repeat(n - 7) + value.substring(n - 4);
    }
}
