package org.unionhub.platform.outbox;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRelayTest {

    /** The outbox table as a list. */
    static final class TableStore implements OutboxStore {
        final List<PendingEvent> rows = new ArrayList<>();
        final Map<Long, Instant> sent = new ConcurrentHashMap<>();
        final List<String> failures = new ArrayList<>();

        void write(String aggregate, String type) {
            long seq = rows.size() + 1;
            rows.add(new PendingEvent(seq, UUID.randomUUID(), "t", type, aggregate, "{}", Instant.EPOCH, null));
        }

        @Override
        public List<PendingEvent> pending(int max) {
            return rows.stream().filter(r -> !sent.containsKey(r.seq())).limit(max).toList();
        }

        @Override
        public void markSent(List<PendingEvent> events, Instant at) {
            events.forEach(e -> sent.put(e.seq(), at));
        }

        @Override
        public void recordFailure(PendingEvent event, String error) {
            failures.add(event.seq() + ":" + error);
        }
    }

    /** A broker that can be down, or slow to acknowledge. */
    static final class Broker implements EventPublisher {
        boolean down;
        boolean acknowledging = true;
        final List<PendingEvent> received = new ArrayList<>();

        @Override
        public CompletableFuture<Void> publish(String source, PendingEvent event) {
            if (down) {
                return CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("broker unreachable"));
            }
            received.add(event);
            return acknowledging ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
        }
    }

    final TableStore store = new TableStore();
    final Broker broker = new Broker();
    final OutboxRelay relay = new OutboxRelay(store, broker, "/unionhub/test", 3, 50, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Test
    void publishesInWriteOrderSoEventsOfOneAggregateKeepTheirOrder() {
        store.write("m1", "joined");
        store.write("m2", "joined");
        store.write("m1", "approved");
        store.write("m1", "left");
        while (relay.relayOnce().sent() > 0) {
            // drain
        }
        assertThat(broker.received.stream().filter(e -> e.aggregateId().equals("m1")).map(PendingEvent::type))
                .containsExactly("joined", "approved", "left");
        assertThat(broker.received).extracting(PendingEvent::seq).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void nothingIsLostOrMarkedSentWhileTheBrokerIsDown() {
        for (int i = 0; i < 5; i++) store.write("m" + i, "joined");
        broker.down = true;
        for (int attempt = 0; attempt < 3; attempt++) {
            OutboxRelay.Result r = relay.relayOnce();
            assertThat(r.failed()).isTrue();
            assertThat(r.sent()).isZero();
        }
        assertThat(store.sent).isEmpty();
        assertThat(store.failures).hasSize(3).allMatch(f -> f.startsWith("1:"));

        broker.down = false;
        while (relay.relayOnce().sent() > 0) {
            // drain
        }
        assertThat(store.sent).hasSize(5);
        assertThat(broker.received).extracting(PendingEvent::aggregateId).containsExactly("m0", "m1", "m2", "m3", "m4");
    }

    @Test
    void anEventIsMarkedSentOnlyOnceTheBrokerAcknowledgedIt() {
        store.write("m1", "joined");
        broker.acknowledging = false;
        OutboxRelay.Result r = relay.relayOnce();
        assertThat(r.failed()).isTrue();
        assertThat(store.sent).isEmpty();

        broker.acknowledging = true;
        assertThat(relay.relayOnce().sent()).isEqualTo(1);
        assertThat(store.sent).containsKey(1L);
        assertThat(relay.relayOnce().sent()).isZero();
    }

    @Test
    void aFailureInTheMiddleOfABatchKeepsTheRestPendingInOrder() {
        store.write("a", "1");
        store.write("a", "2");
        store.write("a", "3");
        EventPublisher flaky = new EventPublisher() {
            int calls;

            @Override
            public CompletableFuture<Void> publish(String source, PendingEvent event) {
                return ++calls == 2 ? CompletableFuture.failedFuture(new RuntimeException("leader moved")) : CompletableFuture.completedFuture(null);
            }
        };
        OutboxRelay.Result r = new OutboxRelay(store, flaky, "/s", 10, 50, Clock.systemUTC()).relayOnce();
        assertThat(r.sent()).isEqualTo(1);
        assertThat(store.pending(10)).extracting(PendingEvent::type).containsExactly("2", "3");
    }
}
