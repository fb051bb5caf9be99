package org.unionhub.platform.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.unionhub.platform.event.EventTypes;
import org.unionhub.platform.outbox.JpaOutboxStore;
import org.unionhub.platform.outbox.KafkaEventPublisher;
import org.unionhub.platform.outbox.PendingEvent;
import org.unionhub.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Sends the records of a dead-letter topic back to their topic once the cause is fixed, in the
 * service that owns the topic, and only records that are this service's own events.
 *
 * <p>Any service that consumes a topic can write its {@code .dlq}, so a record there proves nothing.
 * A record is replayed only when its CloudEvent id names a row of this service's outbox whose topic,
 * key, type and data equal the record's; what goes back to the topic is then rebuilt from that row
 * (headers included), exactly as the relay sent it. Everything else is refused: listed in the answer
 * with its reason, counted in {@code unionhub_dead_letter_replay_refused_total{topic,reason}} and
 * logged without its content. A dead letter older than the outbox's retention
 * ({@code unionhub.retention.outbox}) no longer has its row and is refused too.
 *
 * <p>The replayer's own consumer group remembers how far it got, so a record is looked at once;
 * the consumers' inboxes make a repeat harmless anyway.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);
    /** The answer lists at most this many refused records; the count covers all. */
    static final int MAX_LISTED = 500;

    /** Why a record was not replayed. */
    public enum Reason {
        /** no ce_id header, or not a UUID */
        NO_EVENT_ID,
        /** no outbox row with that id: never written by this service (or pruned past the retention) */
        UNKNOWN_EVENT,
        /** the row was written for another topic */
        OTHER_TOPIC,
        /** the record's key is not the row's aggregate id */
        KEY_MISMATCH,
        /** the record's ce_type is not the row's event type */
        TYPE_MISMATCH,
        /** the record's data differ from the row's payload */
        PAYLOAD_MISMATCH
    }

    public record Refused(int partition, long offset, String eventId, Reason reason) {
    }

    public record Outcome(int replayed, int refusedCount, List<Refused> refused) {
    }

    private final String bootstrapServers;
    private final String serviceName;
    private final Map<String, Object> kafkaSettings;
    private final JpaOutboxStore outbox;
    private final MeterRegistry metrics;

    public DeadLetterReplay(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                            @ConfigProperty(name = "unionhub.service-name") String serviceName,
                            @Identifier("default-kafka-broker") Map<String, Object> kafkaSettings,
                            JpaOutboxStore outbox, MeterRegistry metrics) {
        this.kafkaSettings = kafkaSettings;
        this.bootstrapServers = bootstrapServers;
        this.serviceName = serviceName;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /** Topics are named after their owner: {@code membership.member.v1} belongs to membership. */
    public boolean owns(String topic) {
        return topic.startsWith(serviceName + ".");
    }

    public synchronized Outcome replay(String topic) throws Exception {
        if (!owns(topic)) {
            throw ProblemException.rule("not-topic-owner", "only the service that owns " + topic
                    + " replays its dead letters; this is " + serviceName);
        }
        String dlq = EventTypes.deadLetterTopic(topic);
        String source = EventTypes.source(serviceName);
        int replayed = 0;
        int refusedCount = 0;
        List<Refused> refused = new ArrayList<>();
        Map<String, Object> common = new HashMap<>(kafkaSettings);
        common.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Map<String, Object> consumerSettings = new HashMap<>(common);
        consumerSettings.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, serviceName + "-dlq-replay",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        Map<String, Object> producerSettings = new HashMap<>(common);
        producerSettings.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new ByteArraySerializer())) {
            consumer.subscribe(List.of(dlq));
            int emptyPolls = 0;
            // the first polls may return nothing while the group gets its partitions
            while (emptyPolls < 5) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofSeconds(1));
                if (records.isEmpty()) {
                    emptyPolls++;
                    continue;
                }
                emptyPolls = 0;
                for (ConsumerRecord<String, byte[]> r : records) {
                    String idHeader = header(r, "ce_id");
                    Optional<UUID> id = parse(idHeader);
                    Optional<PendingEvent> row = id.flatMap(i -> QuarkusTransaction.requiringNew().call(() -> outbox.find(i)));
                    Reason reason = id.isEmpty() ? Reason.NO_EVENT_ID
                            : row.isEmpty() ? Reason.UNKNOWN_EVENT
                            : mismatch(topic, r, row.get());
                    if (reason != null) {
                        refusedCount++;
                        String shownId = id.map(UUID::toString).orElse(null);
                        if (refused.size() < MAX_LISTED) {
                            refused.add(new Refused(r.partition(), r.offset(), shownId, reason));
                        }
                        refusedCounter(topic, reason).increment();
                        // no content: the key and data may point to a person
                        LOG.warnf("dead-letter replay refused %s-%d@%d (event id %s): %s", dlq, r.partition(), r.offset(),
                                shownId == null ? "none" : shownId, reason);
                        continue;
                    }
                    producer.send(KafkaEventPublisher.toRecord(source, row.get())).get(30, TimeUnit.SECONDS);
                    replayed++;
                }
                consumer.commitSync();
            }
        }
        LOG.infof("replayed %d records from %s to %s, refused %d", replayed, dlq, topic, refusedCount);
        return new Outcome(replayed, refusedCount, refused);
    }

    /** @return why the record is not the row, or null when it is */
    static Reason mismatch(String topic, ConsumerRecord<String, byte[]> r, PendingEvent row) {
        if (!topic.equals(row.topic())) return Reason.OTHER_TOPIC;
        if (!row.aggregateId().equals(r.key())) return Reason.KEY_MISMATCH;
        if (!row.type().equals(header(r, "ce_type"))) return Reason.TYPE_MISMATCH;
        if (r.value() == null || !Arrays.equals(r.value(), row.payload().getBytes(StandardCharsets.UTF_8))) return Reason.PAYLOAD_MISMATCH;
        return null;
    }

    private Counter refusedCounter(String topic, Reason reason) {
        return Counter.builder("unionhub.dead.letter.replay.refused")
                .description("dead letters the replay refused because they are not the service's own events as its outbox holds them")
                .tag("topic", topic).tag("reason", reason.name())
                .register(metrics);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Optional<UUID> parse(String id) {
        if (id == null) return Optional.empty();
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
