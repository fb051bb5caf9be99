package org.unionhub.gateway.edge;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Request ids and W3C trace context at the edge. */
public final class Correlation {

    /** Kept if the client sent one of these; anything else (spaces, newlines, huge) is replaced. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]{8,128}");
    /** version-traceid-parentid-flags, not all-zero ids (W3C Trace Context §3.2). */
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private Correlation() {
    }

    public static String requestId(String sent) {
        if (sent != null && REQUEST_ID.matcher(sent).matches()) {
            return sent;
        }
        // version-4 layout from a non-blocking generator: a correlation id needs to be unique, not
        // secret, and UUID.randomUUID() takes a lock on the shared SecureRandom on every call
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
        return new UUID(msb, lsb).toString();
    }

    /** The client's traceparent if well formed and not version ff, else a new sampled trace. */
    public static String traceparent(String sent) {
        if (sent != null && TRACEPARENT.matcher(sent).matches() && !sent.startsWith("ff")) {
            return sent;
        }
        ThreadLocalRandom r = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        String trace = hex.toHexDigits(r.nextLong() | 1L) + hex.toHexDigits(r.nextLong());
        String parent = hex.toHexDigits(r.nextLong() | 1L);
        return "00-" + trace + "-" + parent + "-01";
    }
}
