package org.unionhub.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "POST /api/v1/partner/cards/{@literal *}/redemptions" style entries: a method and a whole path whose segments may be
 * "*" (exactly one segment). Unlike {@link PublicRoutes} these are not prefixes: an entry names one operation, so that
 * an exception to an edge rule cannot silently grow to the sub-resources below it.
 */
public final class OperationPatterns {

    private record Entry(String method, String[] segments) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public OperationPatterns(List<String> spec) {
        for (String s : spec) {
            String t = s.trim();
            if (t.isEmpty()) {
                continue;
            }
            String[] parts = t.split("\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected \"METHOD /path\": " + t);
            }
            entries.add(new Entry(parts[0].toUpperCase(Locale.ROOT), RouteTable.split(parts[1])));
        }
    }

    public boolean matches(String method, String path) {
        String[] segments = RouteTable.split(path);
        for (Entry e : entries) {
            if (!e.method().equals(method) || e.segments().length != segments.length) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < segments.length && all; i++) {
                all = e.segments()[i].equals("*") || e.segments()[i].equals(segments[i]);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
