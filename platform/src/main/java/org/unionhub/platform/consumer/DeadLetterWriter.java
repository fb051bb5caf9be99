package org.unionhub.platform.consumer;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.unionhub.platform.event.EventTypes;
import org.unionhub.platform.metrics.DeadLetters;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes a poison record to {@code <topic>.dlq} with the headers SmallRye's dead-letter strategy writes
 * ({@code dead-letter-reason}, {@code -topic}, {@code -partition}, {@code -offset}), so that
 * {@code DeadLetterReplay} and operators treat both alike. Waits for the broker's acknowledgement: a record
 * is acknowledged on its topic only once its dead letter is safe.
 */
@ApplicationScoped
public class DeadLetterWriter {

    private static final Logger LOG = Logger.getLogger(DeadLetterWriter.class);

    private final Map<String, Object> settings;
    private final DeadLetters metrics;
    private KafkaProducer<String, byte[]> producer;

    public DeadLetterWriter(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                            @Identifier("default-kafka-broker") Map<String, Object> kafkaSettings,
                            DeadLetters metrics) {
        this.settings = new HashMap<>(kafkaSettings);
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.metrics = metrics;
    }

    public void write(ConsumerRecord<String, byte[]> record, String reason)
            throws InterruptedException, ExecutionException, TimeoutException {
        String dlq = EventTypes.deadLetterTopic(record.topic());
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(dlq, record.key(), record.value());
        for (Header h : record.headers()) {
            letter.headers().add(h);
        }
        letter.headers().add("dead-letter-reason", bytes(reason == null ? "unknown" : reason));
        letter.headers().add("dead-letter-topic", bytes(record.topic()));
        letter.headers().add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        letter.headers().add("dead-letter-offset", bytes(Long.toString(record.offset())));
        producer().send(letter).get(30, TimeUnit.SECONDS);
        metrics.deadLettered(dlq, record.topic());
        LOG.warnf("dead-lettered %s-%d@%d to %s: %s", record.topic(), record.partition(), record.offset(), dlq, reason);
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
