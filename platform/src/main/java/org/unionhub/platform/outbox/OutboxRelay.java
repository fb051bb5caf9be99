package org.unionhub.platform.outbox;

import org.apache.kafka.common.errors.RetriableException;

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
 *
 * <p>An event the broker refuses for itself (too large, invalid, not authorised: not a retriable
 * Kafka error, not a timeout) counts an attempt; after the store's maximum it is parked, and the
 * next pass goes on with the other keys while the rows of its own key wait behind it.
 */
public final class OutboxRelay {

    /** What one pass did. */
    public record Result(int sent, int pendingSeen, String failure, PendingEvent parked) {
        public Result(int sent, int pendingSeen, String failure) {
            this(sent, pendingSeen, failure, null);
        }

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
        // hand the whole batch to the producer first (it keeps their order per partition and sends
        // them in few requests), then collect acknowledgements in order and stop at the first that
        // did not come. An event refused while being handed over (too large) ends the batch there,
        // so that no later event of its key reaches the topic before it.
        CompletableFuture<?>[] acks = new CompletableFuture<?>[batch.size()];
        int handed = 0;
        while (handed < batch.size()) {
            CompletableFuture<?> ack;
            try {
                ack = publisher.publish(source, batch.get(handed));
            } catch (RuntimeException e) {
                ack = CompletableFuture.failedFuture(e);
            }
            acks[handed++] = ack;
            if (ack.isCompletedExceptionally()) {
                break;
            }
        }
        int acknowledged = 0;
        String failure = null;
        boolean permanent = false;
        for (; acknowledged < handed; acknowledged++) {
            try {
                acks[acknowledged].get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                failure = describe(e.getCause());
                permanent = !(e.getCause() instanceof RetriableException);
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
        PendingEvent parked = null;
        if (failure != null && store.recordFailure(batch.get(acknowledged), failure, permanent)) {
            parked = batch.get(acknowledged);
        }
        return new Result(acknowledged, batch.size(), failure, parked);
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
