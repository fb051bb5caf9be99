package org.unionhub.platform.paging;

import org.unionhub.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * {@code ?limit=&cursor=}: limit 1..200 (default 20); the cursor is opaque to clients and carries
 * the sort key of the last row seen (keyset paging: stable while rows are added).
 */
public record PageRequest(int limit, List<String> after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(Integer limit, String cursor) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(l, cursor == null || cursor.isBlank() ? null : decode(cursor));
    }

    public boolean first() {
        return after == null;
    }

    /**
     * The keys of the cursor, typed: {@code page.cursor(2).instant(0)}, {@code .uuid(1)}. Only when not {@link #first()};
     * a cursor with another number of keys (another listing's) is refused like a forged one.
     */
    public Cursor cursor(int keys) {
        if (after == null) {
            throw new IllegalStateException("the first page has no cursor");
        }
        return new Cursor(after).expectKeys(keys);
    }

    public static String encode(Object... keys) {
        StringBuilder sb = new StringBuilder();
        for (Object k : keys) {
            if (!sb.isEmpty()) sb.append('\u001f');
            sb.append(k);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(String cursor) {
        try {
            return List.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u001f", -1));
        } catch (IllegalArgumentException e) {
            throw Cursor.notOurs();
        }
    }
}
