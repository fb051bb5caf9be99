package org.unionhub.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "GET /api/v1/programs" style entries: a method and a path prefix reachable without a token. */
public final class PublicRoutes {

    private record Entry(String method, String prefix) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public PublicRoutes(List<String> spec) {
        for (String s : spec) {
            String t = s.trim();
            if (t.isEmpty()) {
                continue;
            }
            int space = t.indexOf(' ');
            if (space < 0) {
                entries.add(new Entry("*", t));
            } else {
                entries.add(new Entry(t.substring(0, space).toUpperCase(Locale.ROOT), t.substring(space + 1).trim()));
            }
        }
    }

    public boolean isPublic(String method, String path) {
        for (Entry e : entries) {
            boolean methodFits = e.method().equals("*") || e.method().equals(method)
                    || (e.method().equals("GET") && method.equals("HEAD"));
            if (methodFits && (path.equals(e.prefix()) || path.startsWith(e.prefix() + "/")
                    || path.startsWith(e.prefix() + "?"))) {
                return true;
            }
        }
        return false;
    }
}
