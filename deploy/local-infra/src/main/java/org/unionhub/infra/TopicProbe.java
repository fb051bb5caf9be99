package org.unionhub.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** For tests: reads a topic from its beginning, as a partner system would, and writes raw records. */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /** Polls until a record matching the predicate is seen, or fails after the timeout. */
    public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : seen) {
                if (match.test(r)) {
                    return r;
                }
            }
            poll();
        }
        throw new AssertionError("no matching record within " + timeout + " (seen " + seen.size() + ")");
    }

    /** Polls until at least {@code count} records match, or fails after the timeout. */
    public List<ConsumerRecord<String, byte[]>> awaitCount(Predicate<ConsumerRecord<String, byte[]>> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ConsumerRecord<String, byte[]>> matching = seen.stream().filter(match).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + matching.size() + " of " + count + " records within " + timeout);
            }
            poll();
        }
    }

    public List<ConsumerRecord<String, byte[]>> seen() {
        return List.copyOf(seen);
    }

    public void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    public static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<String, byte[]> r) {
        return r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
    }

    /** Sends a binary-mode CloudEvent as another service's outbox would. */
    public static void sendCloudEvent(String bootstrapServers, String topic, String key, UUID id, String type,
                                      String source, String timeIso, String jsonData) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, jsonData == null ? null : jsonData.getBytes(StandardCharsets.UTF_8));
            record.headers().add(new RecordHeader("ce_specversion", b("1.0")));
            record.headers().add(new RecordHeader("ce_id", b(id.toString())));
            record.headers().add(new RecordHeader("ce_type", b(type)));
            record.headers().add(new RecordHeader("ce_source", b(source)));
            record.headers().add(new RecordHeader("ce_subject", b(key)));
            record.headers().add(new RecordHeader("ce_time", b(timeIso)));
            record.headers().add(new RecordHeader("content-type", b("application/json")));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
