package org.unionhub.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {"items": [...], "nextCursor": "..." | null}}. */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Builds a page from {@code limit + 1} fetched rows: the extra row only says there is more.
     *
     * @param cursorOf the cursor that continues after a given row
     */
    public static <R, T> Page<T> of(List<R> rowsPlusOne, int limit, Function<R, String> cursorOf, Function<R, T> toItem) {
        boolean more = rowsPlusOne.size() > limit;
        List<R> rows = more ? rowsPlusOne.subList(0, limit) : rowsPlusOne;
        String next = more ? cursorOf.apply(rows.get(rows.size() - 1)) : null;
        return new Page<>(rows.stream().map(toItem).toList(), next);
    }
}
