package org.unionhub.gateway.routing;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One service's circuit breaker, with the semantics of MicroProfile Fault Tolerance's: it looks at
 * the last {@code volume} calls and opens when at least {@code ratio} of them failed; while open,
 * calls are refused at once; after {@code delay} it lets {@code successThreshold} probe calls
 * through (half-open), closes when they all succeed and opens again on the first failure.
 *
 * <p>It is a few fields behind a lock, taken twice per call (permission and outcome), with no
 * allocation and no thread or context hop: the proxied call stays on the event loop that received
 * it. (The SmallRye Fault Tolerance guard it replaces allocated a chain of futures per call and
 * hopped back onto the Vert.x context through a task queue.)
 */
public final class Breaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** The answer to a call refused by an open breaker; no stack trace, it is not an error here. */
    public static final class Open extends RuntimeException {
        Open(String name) {
            super("circuit breaker of " + name + " is open", null, false, false);
        }
    }

    private final int volume;
    private final int failureThreshold;
    private final long delayNanos;
    private final int successThreshold;
    private final LongSupplier nanoClock;
    private final Consumer<State> onChange;
    private final Open open;

    /** Outcomes of the last {@code volume} calls while closed: true = failure. */
    private final boolean[] window;
    private int next;
    private int recorded;
    private int failures;

    private State state = State.CLOSED;
    private long openedAt;
    private int probesLet;
    private int probeSuccesses;

    public Breaker(String name, int volume, double ratio, long delayNanos, int successThreshold,
                   LongSupplier nanoClock, Consumer<State> onChange) {
        this.volume = Math.max(1, volume);
        this.failureThreshold = Math.max(1, (int) Math.ceil(ratio * this.volume));
        this.delayNanos = delayNanos;
        this.successThreshold = Math.max(1, successThreshold);
        this.nanoClock = nanoClock;
        this.onChange = onChange;
        this.window = new boolean[this.volume];
        this.open = new Open(name);
    }

    /** The exception to fail a refused call with. */
    public Open openException() {
        return open;
    }

    /** May a call go to the service now? Every {@code true} must be followed by one outcome. */
    public boolean tryAcquire() {
        State changed = null;
        boolean allowed;
        synchronized (this) {
            if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= delayNanos) {
                state = State.HALF_OPEN;
                probesLet = 0;
                probeSuccesses = 0;
                changed = State.HALF_OPEN;
            }
            allowed = switch (state) {
                case CLOSED -> true;
                case OPEN -> false;
                case HALF_OPEN -> {
                    if (probesLet < successThreshold) {
                        probesLet++;
                        yield true;
                    }
                    yield false;
                }
            };
        }
        notify(changed);
        return allowed;
    }

    public void onSuccess() {
        State changed = null;
        synchronized (this) {
            if (state == State.CLOSED) {
                record(false);
            } else if (state == State.HALF_OPEN && ++probeSuccesses >= successThreshold) {
                state = State.CLOSED;
                clearWindow();
                changed = State.CLOSED;
            }
        }
        notify(changed);
    }

    public void onFailure() {
        State changed = null;
        synchronized (this) {
            if (state == State.CLOSED) {
                record(true);
                if (recorded >= volume && failures >= failureThreshold) {
                    changed = openNow();
                }
            } else if (state == State.HALF_OPEN) {
                changed = openNow();
            }
        }
        notify(changed);
    }

    public synchronized State state() {
        return state;
    }

    private State openNow() {
        state = State.OPEN;
        openedAt = nanoClock.getAsLong();
        clearWindow();
        return State.OPEN;
    }

    private void record(boolean failure) {
        if (recorded == volume) {
            if (window[next]) {
                failures--;
            }
        } else {
            recorded++;
        }
        window[next] = failure;
        if (failure) {
            failures++;
        }
        next = (next + 1) % volume;
    }

    private void clearWindow() {
        java.util.Arrays.fill(window, false);
        next = 0;
        recorded = 0;
        failures = 0;
    }

    private void notify(State changed) {
        if (changed != null && onChange != null) {
            onChange.accept(changed);
        }
    }
}
