package org.unionhub.platform.http;

import jakarta.ws.rs.core.EntityTag;
import org.unionhub.platform.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP, the same on every resource staff edit: {@code ETag: "<version>"} on reads,
 * {@code If-Match} carries it back on writes. An If-Match that is not an ETag this API gave out is bad input (400);
 * a well-formed but old one is 412 with the current ETag in the body; where an edit must name its version (428),
 * {@link #required} says so.
 */
public final class ETags {

    public static final String IF_MATCH = "If-Match";

    private ETags() {
    }

    /** The header value, quoted as RFC 9110 wants: {@code "7"}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** For {@code Response.ok(body).tag(ETags.tag(version))}: JAX-RS quotes it. */
    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * A weak tag, {@code W/"7"}: venues have always answered weak tags and their clients send them back; {@link #expected}
     * reads both forms. New resources answer {@link #tag}.
     */
    public static EntityTag weakTag(long version) {
        return new EntityTag(Long.toString(version), true);
    }

    /** The version an If-Match header names; null when the header is absent or {@code *} (which names no version). */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            long version = Long.parseLong(v);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(IF_MATCH, "is not an ETag this API gave out");
        }
    }

    /** Like {@link #expected}, but an edit without a version is refused with 428: it could overwrite unseen changes. */
    public static long required(String ifMatch, String whereToRead) {
        Long version = expected(ifMatch);
        if (version == null) {
            throw new ProblemException(428, "if-match-required", "Precondition required",
                    "send If-Match with the ETag of " + whereToRead + ": this is changed only on the version you read");
        }
        return version;
    }

    /** 412 when the caller's version is not the current one; nothing when the caller named none. */
    public static void check(Long expected, long current, String what) {
        if (expected != null && expected != current) {
            throw ProblemException.stale(what + " has changed since you read it").with("currentETag", of(current));
        }
    }
}
