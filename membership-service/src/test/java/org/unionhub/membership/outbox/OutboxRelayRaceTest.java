package org.unionhub.membership.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.TopicProbe;
import org.unionhub.platform.outbox.JpaOutboxStore;
import org.unionhub.platform.outbox.KafkaEventPublisher;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.outbox.OutboxRelay;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, item 5: two relays against one database (two replicas of a service) never send an event twice
 * and never reorder the events of a key. Each relay is a thread with its own producer and its own
 * transactions (its own connection), doing what OutboxRelayWorker does in every pass; the service's own
 * relay runs as well, a third.
 */
@QuarkusTest
class OutboxRelayRaceTest {

    static final String TOPIC = "membership.relayrace.v1";
    static final int KEYS = 20;
    static final int PER_KEY = 100;

    @Inject
    Outbox outbox;
    @Inject
    JpaOutboxStore store;
    @Inject
    EntityManager em;

    record Step(String key, int n) {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    long pending() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox WHERE topic = ?1 AND sent_at IS NULL").setParameter(1, TOPIC).getSingleResult()).longValue());
    }

    @Test
    void twoRelaysOnOneOutboxSendEveryEventOnceAndEachKeyInOrder() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            keys.add(run + "-" + k);
        }
        // the topic exists before (as in production): a topic created by the first send makes the producers
        // retry against a leader still being elected, and a relay resends what it could not confirm
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(TOPIC, 3, (short) 1))).all().get();
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeTopics(List.of(TOPIC))
                    .allTopicNames().get().get(TOPIC).partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        }
        // written in small transactions, interleaving the keys, while the relays run
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> relays = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        for (String name : List.of("a", "b")) {
            relays.add(pool.submit(() -> {
                Map<String, Object> settings = new HashMap<>();
                settings.put("bootstrap.servers", bootstrap());
                try (KafkaEventPublisher publisher = new KafkaEventPublisher(settings, "race-" + name)) {
                    OutboxRelay relay = new OutboxRelay(store, publisher, "/unionhub/membership", 50, 15_000, Clock.systemUTC());
                    int sent = 0;
                    while (writing.get() || pending() > 0) {
                        OutboxRelay.Result r = QuarkusTransaction.requiringNew().call(
                                () -> store.tryRelayLock() ? relay.relayOnce() : new OutboxRelay.Result(0, 0, null));
                        sent += r.sent();
                    }
                    return sent;
                }
            }));
        }
        for (int n = 0; n < PER_KEY; n++) {
            int step = n;
            QuarkusTransaction.requiringNew().run(() -> {
                for (String key : keys) {
                    outbox.publish(TOPIC, "org.unionhub.membership.race.stepped.v1", key, new Step(key, step));
                }
            });
        }
        writing.set(false);
        for (Future<Integer> relay : relays) {
            relay.get(120, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();

        int total = KEYS * PER_KEY;
        Pattern stepOf = Pattern.compile("\"n\":(\\d+)");
        try (TopicProbe topic = new TopicProbe(bootstrap(), TOPIC)) {
            List<ConsumerRecord<String, byte[]>> mine = topic.awaitCount(r -> r.key() != null && r.key().startsWith(run), total, Duration.ofSeconds(60));
            for (int i = 0; i < 10; i++) {
                topic.poll(); // anything sent twice would be here by now
            }
            mine = topic.seen().stream().filter(r -> r.key() != null && r.key().startsWith(run)).toList();
            assertThat(mine.stream().map(r -> TopicProbe.header(r, "ce_id")).distinct().count()).isEqualTo(total);
            assertThat(mine).as("every event exactly once").hasSize(total);
            Map<String, List<Integer>> perKey = new HashMap<>();
            for (ConsumerRecord<String, byte[]> r : mine) { // in partition order: one key, one partition
                Matcher m = stepOf.matcher(TopicProbe.value(r));
                assertThat(m.find()).isTrue();
                perKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Integer.parseInt(m.group(1)));
            }
            List<Integer> inOrder = java.util.stream.IntStream.range(0, PER_KEY).boxed().toList();
            assertThat(perKey).hasSize(KEYS).allSatisfy((key, steps) -> assertThat(steps).as(key).isEqualTo(inOrder));
        }
    }
}
