package org.unionhub.competition.contest;

import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;

import java.util.List;

/**
 * Pages over a list computed in memory (a ranking, a competition's teams): these lists are
 * frozen or small, so the cursor carries the position of the next row.
 */
public final class Listing {

    private Listing() {
    }

    public static <T> Page<T> page(List<T> all, Integer limit, String cursor) {
        PageRequest request = PageRequest.of(limit, cursor);
        int from = request.first() ? 0 : request.cursor(1).position(0);
        int to = Math.min(all.size(), from + request.limit());
        List<T> items = from >= all.size() ? List.of() : all.subList(from, to);
        return new Page<>(List.copyOf(items), to < all.size() ? PageRequest.encode(to) : null);
    }
}
