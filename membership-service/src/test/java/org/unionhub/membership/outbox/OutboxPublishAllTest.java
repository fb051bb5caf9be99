package org.unionhub.membership.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.TopicProbe;
import org.unionhub.platform.outbox.Outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Outbox.publishAll: a bulk writer's events in one statement, in order, with the trace context, relayed after commit. */
@QuarkusTest
class OutboxPublishAllTest {

    static final String TOPIC = "platform.publish-all-test.v1";
    static final String TYPE = "org.unionhub.membership.test.batched.v1";

    /** Counts the relay's wake-up signal as the relay sees it: after a successful commit only. */
    @ApplicationScoped
    static class WakeUps {
        static final AtomicInteger afterCommit = new AtomicInteger();

        void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written w) {
            afterCommit.incrementAndGet();
        }
    }

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;

    @Test
    void aBatchIsWrittenInOrderWithTheTraceContextAndRelayedAfterTheCommit() {
        String key = UUID.randomUUID().toString();
        List<Outbox.Message> batch = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            batch.add(new Outbox.Message(TOPIC, TYPE, key, Map.of("n", i, "name", "骑手" + i)));
        }
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String spanId = "b7ad6b7169203331";
        SpanContext ctx = SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());
        int before = WakeUps.afterCommit.get();
        List<UUID> ids;
        try (Scope ignored = Span.wrap(ctx).makeCurrent()) {
            ids = QuarkusTransaction.requiringNew().call(() -> outbox.publishAll(batch));
        }
        assertThat(ids).hasSize(1500).doesNotHaveDuplicates();
        assertThat(WakeUps.afterCommit.get() - before).isEqualTo(1);

        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT event_id, trace_parent, payload FROM outbox WHERE aggregate_id = ?1 ORDER BY seq")
                .setParameter(1, key).getResultList());
        assertThat(rows).hasSize(1500);
        assertThat(rows.stream().map(r -> (UUID) r[0]).toList()).isEqualTo(ids);
        assertThat(rows.stream().map(r -> (String) r[1]).distinct().toList()).containsExactly("00-" + traceId + "-" + spanId + "-01");
        assertThat((String) rows.get(7)[2]).contains("骑手7");

        try (TopicProbe probe = new TopicProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), TOPIC)) {
            List<ConsumerRecord<String, byte[]>> sent = probe.awaitCount(r -> key.equals(r.key()), 1500, Duration.ofSeconds(60));
            assertThat(sent.stream().map(r -> TopicProbe.header(r, "ce_id")).toList())
                    .isEqualTo(ids.stream().map(UUID::toString).toList());
            assertThat(TopicProbe.header(sent.get(0), "traceparent")).isEqualTo("00-" + traceId + "-" + spanId + "-01");
        }
    }

    @Test
    void aRolledBackBatchLeavesNothingAndDoesNotWakeTheRelay() {
        String key = UUID.randomUUID().toString();
        int before = WakeUps.afterCommit.get();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.publishAll(List.of(new Outbox.Message(TOPIC, TYPE, key, Map.of("n", 1))));
                throw new IllegalStateException("the use case failed after writing its events");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        assertThat(WakeUps.afterCommit.get()).isEqualTo(before);
        Number count = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox WHERE aggregate_id = ?1").setParameter(1, key).getSingleResult());
        assertThat(count.intValue()).isZero();
    }
}
