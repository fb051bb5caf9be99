package org.unionhub.gateway.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.unionhub.gateway.GatewayConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Token buckets (Bucket4j) per route group and caller: the subject of a verified token, or the
 * client address for anonymous calls. Buckets live in this replica's memory, bounded and expired
 * when idle; see docs/gateway.md for several replicas.
 */
public final class RateLimits {

    public record Group(String name, List<String> prefixes, long requests, long anonymousRequests, Duration period) {
    }

    /** The outcome of one call: allowed or not, and what to tell the client. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private record Prefix(String prefix, Group group) {
    }

    private final List<Prefix> prefixes = new ArrayList<>();
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    public RateLimits(List<Group> groups) {
        for (Group g : groups) {
            for (String p : g.prefixes()) {
                prefixes.add(new Prefix(p.trim(), g));
            }
        }
        prefixes.sort(Comparator.comparingInt((Prefix p) -> -p.prefix().length()));
    }

    public static RateLimits from(Map<String, GatewayConfig.RateLimit> config) {
        List<Group> groups = new ArrayList<>();
        config.forEach((name, c) -> groups.add(new Group(name, c.prefixes(), c.requests(), c.anonymousRequests(), c.period())));
        return new RateLimits(groups);
    }

    /**
     * Takes one token for {@code caller} (e.g. "sub:alice" or "ip:10.0.0.1") on {@code path}.
     * Paths outside every group are not limited.
     */
    public Decision take(String path, String caller, boolean anonymous) {
        Group group = groupOf(path);
        if (group == null) {
            return null;
        }
        long capacity = Math.max(1, anonymous ? group.anonymousRequests() : group.requests());
        Bucket bucket = buckets.get(group.name() + "|" + (anonymous ? "a|" : "s|") + caller,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, group.period()).build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long reset = seconds(probe.getNanosToWaitForReset());
        return new Decision(probe.isConsumed(), capacity, probe.getRemainingTokens(), reset,
                probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    private Group groupOf(String path) {
        for (Prefix p : prefixes) {
            if (path.equals(p.prefix()) || path.startsWith(p.prefix().endsWith("/") ? p.prefix() : p.prefix() + "/")) {
                return p.group();
            }
        }
        return null;
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
