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

    /** The outbox table as a list, parking a row after three permanent refusals as JpaOutboxStore does. */
    static final class TableStore implements OutboxStore {
        final List<PendingEvent> rows = new ArrayList<>();
        final Map<Long, Instant> sent = new ConcurrentHashMap<>();
        final List<String> failures = new ArrayList<>();
        final Map<Long, Integer> attempts = new ConcurrentHashMap<>();
        final java.util.Set<Long> parked = new java.util.HashSet<>();

        void write(String aggregate, String type) {
            long seq = rows.size() + 1;
            rows.add(new PendingEvent(seq, UUID.randomUUID(), "t", type, aggregate, "{}", Instant.EPOCH, null));
        }

        @Override
        public List<PendingEvent> pending(int max) {
            return rows.stream().filter(r -> !sent.containsKey(r.seq()) && !parked.contains(r.seq()))
                    .filter(r -> rows.stream().noneMatch(p -> parked.contains(p.seq()) && p.seq() < r.seq()
                            && p.topic().equals(r.topic()) && p.aggregateId().equals(r.aggregateId())))
                    .limit(max).toList();
        }

        @Override
        public void markSent(List<PendingEvent> events, Instant at) {
            events.forEach(e -> sent.put(e.seq(), at));
        }

        @Override
        public boolean recordFailure(PendingEvent event, String error, boolean permanent) {
            failures.add(event.seq() + ":" + error);
            int n = attempts.merge(event.seq(), 1, Integer::sum);
            if (permanent && n >= 3) {
                parked.add(event.seq());
            }
            return parked.contains(event.seq());
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

    /** A broker that refuses one event for itself (as Kafka refuses a record that is too large). */
    static final class Refusing implements EventPublisher {
        final List<PendingEvent> received = new ArrayList<>();
        String refusedType;

        @Override
        public CompletableFuture<Void> publish(String source, PendingEvent event) {
            if (event.type().equals(refusedType)) {
                return CompletableFuture.failedFuture(new org.apache.kafka.common.errors.RecordTooLargeException("too large"));
            }
            received.add(event);
            return CompletableFuture.completedFuture(null);
        }
    }

    @Test
    void anEventRefusedThreeTimesIsParkedOtherKeysGoOnAndItsOwnKeyWaitsBehindIt() {
        store.write("a", "a1");
        store.write("a", "a2-refused");
        store.write("b", "b1");
        store.write("a", "a3");
        store.write("b", "b2");
        Refusing broker = new Refusing();
        broker.refusedType = "a2-refused";
        OutboxRelay relay = new OutboxRelay(store, broker, "/s", 10, 50, Clock.systemUTC());

        assertThat(relay.relayOnce().parked()).isNull();
        assertThat(relay.relayOnce().parked()).isNull();
        OutboxRelay.Result third = relay.relayOnce();
        assertThat(third.parked()).extracting(PendingEvent::type).isEqualTo("a2-refused");
        while (relay.relayOnce().sent() > 0) {
            // drain
        }
        // a1 went before the refusal; b's events pass; a3 never overtakes a2
        assertThat(broker.received).extracting(PendingEvent::type).doesNotContain("a3").contains("a1", "b1", "b2");
        assertThat(store.pending(10)).isEmpty();

        // the operator fixed the cause and unparked: a2 then a3, in that order
        broker.refusedType = null;
        store.parked.clear();
        broker.received.clear();
        while (relay.relayOnce().sent() > 0) {
            // drain
        }
        assertThat(broker.received).extracting(PendingEvent::type).containsSubsequence("a2-refused", "a3");
        assertThat(broker.received.stream().filter(e -> e.aggregateId().equals("a")).map(PendingEvent::type))
                .containsExactly("a2-refused", "a3");
    }

    @Test
    void anUnreachableBrokerNeverParksAnything() {
        store.write("a", "1");
        broker.down = true;
        for (int i = 0; i < 10; i++) {
            assertThat(relay.relayOnce().parked()).isNull();
        }
        assertThat(store.parked).isEmpty();
        broker.down = false;
        assertThat(relay.relayOnce().sent()).isEqualTo(1);
    }
}
