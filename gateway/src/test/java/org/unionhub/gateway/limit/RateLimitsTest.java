package org.unionhub.gateway.limit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTest {

    private final RateLimits limits = new RateLimits(List.of(
            new RateLimits.Group("default", List.of("/api/v1"), 5, 2, Duration.ofMinutes(1)),
            new RateLimits.Group("imports", List.of("/api/v1/member-imports"), 1, 1, Duration.ofMinutes(1))));

    @Test
    void eachSubjectHasItsOwnBucket() {
        for (int i = 0; i < 5; i++) {
            assertThat(limits.take("/api/v1/members", "alice", false).allowed()).isTrue();
        }
        RateLimits.Decision refused = limits.take("/api/v1/members", "alice", false);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(limits.take("/api/v1/members", "bob", false).allowed()).isTrue();
    }

    @Test
    void anonymousCallersHaveTheSmallerAllowanceAndTheLongestPrefixPicksTheGroup() {
        assertThat(limits.take("/api/v1/programs", "10.0.0.1", true).limit()).isEqualTo(2);
        assertThat(limits.take("/api/v1/member-imports/1", "carol", false).limit()).isEqualTo(1);
        assertThat(limits.take("/api/v1/member-imports/1", "carol", false).allowed()).isFalse();
        assertThat(limits.take("/api/v1/members", "carol", false).allowed()).as("another group, another bucket").isTrue();
        assertThat(limits.take("/q/health", "carol", false)).as("outside every group").isNull();
    }
}
