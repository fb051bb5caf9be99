package org.unionhub.platform.outbox;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes pending outbox events in the order they were written and marks them sent only once the
 * broker acknowledged them. When an event fails, nothing after it is marked: the next attempt
 * starts again from it, so events of one aggregate never overtake each other and none is lost.
 * (A later event the broker did take may be sent twice; consumers' inboxes absorb that.)
 */
public final class OutboxRelay {

    /** What one pass did. */
    public record Result(int sent, int pendingSeen, String failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    private final OutboxStore store;
    private final EventPublisher publisher;
    private final String source;
    private final int batchSize;
    private final long ackTimeoutMillis;
    private final Clock clock;

    public OutboxRelay(OutboxStore store, EventPublisher publisher, String source, int batchSize,
                       long ackTimeoutMillis, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.source = source;
        this.batchSize = batchSize;
        this.ackTimeoutMillis = ackTimeoutMillis;
        this.clock = clock;
    }

    public Result relayOnce() {
        List<PendingEvent> batch = store.pending(batchSize);
        if (batch.isEmpty()) {
            return new Result(0, 0, null);
        }
        // hand the whole batch to the producer first (it keeps their order per partition), then
        // collect acknowledgements in order and stop at the first that did not come
        CompletableFuture<?>[] acks = new CompletableFuture<?>[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks[i] = publisher.publish(source, batch.get(i));
            } catch (RuntimeException e) {
                acks[i] = CompletableFuture.failedFuture(e);
            }
        }
        int acknowledged = 0;
        String failure = null;
        for (; acknowledged < batch.size(); acknowledged++) {
            try {
                acks[acknowledged].get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                failure = describe(e.getCause());
                break;
            } catch (TimeoutException e) {
                failure = "no acknowledgement within " + ackTimeoutMillis + " ms";
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
                break;
            }
        }
        if (acknowledged > 0) {
            store.markSent(batch.subList(0, acknowledged), clock.instant());
        }
        if (failure != null) {
            store.recordFailure(batch.get(acknowledged), failure);
        }
        return new Result(acknowledged, batch.size(), failure);
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
