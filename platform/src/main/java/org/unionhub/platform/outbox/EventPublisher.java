package org.unionhub.platform.outbox;

import java.util.concurrent.CompletableFuture;

/** Hands one event to the broker; the future completes when the broker acknowledged it. */
public interface EventPublisher {

    CompletableFuture<Void> publish(String source, PendingEvent event);
}
