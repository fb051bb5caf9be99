package org.unionhub.venue.site;

import org.unionhub.venue.site.VenueBodies.NetworkNode;
import org.unionhub.venue.site.VenueBodies.NetworkResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the tree below a venue, and the counts per level ("1+8+N"), from the rows of its subtree. */
public final class NetworkTree {

    public record Row(UUID id, UUID parentId, String name, VenueKind kind, VenueLevel level, Venue.Status status) {
    }

    private NetworkTree() {
    }

    public static NetworkResponse build(UUID rootId, List<Row> subtree) {
        Map<UUID, List<Row>> children = new HashMap<>();
        Row root = null;
        Map<VenueLevel, Integer> counts = new EnumMap<>(VenueLevel.class);
        for (Row r : subtree) {
            if (r.id().equals(rootId)) {
                root = r;
            } else {
                children.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r);
            }
            counts.merge(r.level(), 1, Integer::sum);
        }
        if (root == null) {
            throw new IllegalArgumentException("the subtree lacks its root " + rootId);
        }
        return new NetworkResponse(node(root, children), counts, subtree.size());
    }

    private static NetworkNode node(Row r, Map<UUID, List<Row>> children) {
        List<NetworkNode> kids = children.getOrDefault(r.id(), List.of()).stream()
                .sorted(Comparator.comparing(Row::level).thenComparing(Row::name).thenComparing(Row::id))
                .map(c -> node(c, children)).toList();
        return new NetworkNode(r.id(), r.name(), r.kind(), r.level(), r.status(), kids);
    }
}
