package org.unionhub.membership.http;

import org.unionhub.platform.problem.ProblemException;

/** {@code ETag: "<version>"} on resources staff edit; {@code If-Match} carries it back. */
public final class ETags {

    public static final String IF_MATCH = "If-Match";

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names; null when the header is absent or {@code *}. */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(IF_MATCH, "must be an ETag this API gave out");
        }
    }

    /** 412 when the caller's version is not the current one. */
    public static void check(Long expected, long current, String what) {
        if (expected != null && expected != current) {
            throw ProblemException.stale(what + " has changed since you read it").with("currentETag", of(current));
        }
    }
}
