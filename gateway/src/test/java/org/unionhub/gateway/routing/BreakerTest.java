package org.unionhub.gateway.routing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerTest {

    private long now = 0;
    private final List<Breaker.State> changes = new ArrayList<>();
    /** last 4 calls, opens at 2 failures, 1 s open, 2 probes to close */
    private final Breaker breaker = new Breaker("test", 4, 0.5, TimeUnit.SECONDS.toNanos(1), 2, () -> now, changes::add);

    private void call(boolean fails) {
        assertThat(breaker.tryAcquire()).as("call allowed").isTrue();
        if (fails) {
            breaker.onFailure();
        } else {
            breaker.onSuccess();
        }
    }

    @Test
    void staysClosedUntilTheWindowIsFullAndTheRatioReached() {
        call(true);
        call(false);
        call(false);
        assertThat(breaker.state()).isEqualTo(Breaker.State.CLOSED);
        call(true); // 2 of the last 4 failed
        assertThat(breaker.state()).isEqualTo(Breaker.State.OPEN);
        assertThat(changes).containsExactly(Breaker.State.OPEN);
    }

    @Test
    void oldOutcomesLeaveTheWindow() {
        call(true);
        for (int i = 0; i < 10; i++) {
            call(false);
        }
        call(true); // 1 of the last 4
        assertThat(breaker.state()).isEqualTo(Breaker.State.CLOSED);
        call(true); // 2 of the last 4
        assertThat(breaker.state()).isEqualTo(Breaker.State.OPEN);
    }

    @Test
    void refusesWhileOpenThenProbesAndClosesAfterEnoughSuccesses() {
        for (int i = 0; i < 4; i++) {
            call(true);
        }
        assertThat(breaker.tryAcquire()).isFalse();
        now += TimeUnit.MILLISECONDS.toNanos(999);
        assertThat(breaker.tryAcquire()).isFalse();
        now += TimeUnit.MILLISECONDS.toNanos(1);
        // half-open: exactly two probes may be in flight
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.state()).isEqualTo(Breaker.State.HALF_OPEN);
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(Breaker.State.HALF_OPEN);
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(Breaker.State.CLOSED);
        assertThat(changes).containsExactly(Breaker.State.OPEN, Breaker.State.HALF_OPEN, Breaker.State.CLOSED);
        // a fresh window: one failure does not reopen it
        call(true);
        assertThat(breaker.state()).isEqualTo(Breaker.State.CLOSED);
    }

    @Test
    void aFailedProbeOpensItAgainForAnotherDelay() {
        for (int i = 0; i < 4; i++) {
            call(true);
        }
        now += TimeUnit.SECONDS.toNanos(1);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(Breaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        now += TimeUnit.SECONDS.toNanos(1);
        assertThat(breaker.tryAcquire()).isTrue();
    }
}
