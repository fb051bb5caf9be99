package org.unionhub.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Path prefix → service. A pattern is a path prefix whose segments may be "*" (one segment), so
 * that per-member sub-resources owned by another service ({@code /api/v1/members/* /bookings})
 * can be told apart from the rest of {@code /api/v1/members}. The most specific pattern wins:
 * more segments first, then fewer wildcards.
 */
public final class RouteTable {

    public record Route(String pattern, String service, String[] segments, int wildcards) {
    }

    private final List<Route> routes;

    public RouteTable(Map<String, List<String>> patternsByService) {
        List<Route> all = new ArrayList<>();
        patternsByService.forEach((service, patterns) -> {
            for (String p : patterns) {
                String pattern = p.trim();
                if (pattern.isEmpty()) {
                    continue;
                }
                String[] segments = split(pattern);
                int wildcards = 0;
                for (String s : segments) {
                    if (s.equals("*")) {
                        wildcards++;
                    }
                }
                all.add(new Route(pattern, service, segments, wildcards));
            }
        });
        all.sort(Comparator.comparingInt((Route r) -> -r.segments().length).thenComparingInt(Route::wildcards)
                .thenComparing(Route::pattern));
        this.routes = List.copyOf(all);
    }

    /** The service owning {@code path} (a normalized path without query), if any. */
    public Optional<String> serviceFor(String path) {
        String[] segments = split(path);
        for (Route r : routes) {
            if (matches(r.segments(), segments)) {
                return Optional.of(r.service());
            }
        }
        return Optional.empty();
    }

    public List<Route> routes() {
        return routes;
    }

    private static boolean matches(String[] pattern, String[] path) {
        if (path.length < pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    /** The non-empty segments of a path; by hand, as this runs on every call (String.split compiles a regex). */
    static String[] split(String path) {
        int n = 0;
        int len = path.length();
        for (int i = 0; i < len; i++) {
            if (path.charAt(i) != '/' && (i == 0 || path.charAt(i - 1) == '/')) {
                n++;
            }
        }
        String[] segments = new String[n];
        int k = 0;
        int i = 0;
        while (i < len) {
            while (i < len && path.charAt(i) == '/') {
                i++;
            }
            int start = i;
            while (i < len && path.charAt(i) != '/') {
                i++;
            }
            if (i > start) {
                segments[k++] = path.substring(start, i);
            }
        }
        return segments;
    }
}
