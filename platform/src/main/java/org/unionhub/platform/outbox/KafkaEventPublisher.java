package org.unionhub.platform.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes outbox events as CloudEvents 1.0 in Kafka binary mode ({@code ce_*} headers, JSON
 * value), keyed by aggregate id, with an idempotent producer that waits for all in-sync replicas.
 */
public class KafkaEventPublisher implements EventPublisher, AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    /** @param clientSettings the service's {@code kafka.*} settings (security included), see KafkaClientSettings */
    public KafkaEventPublisher(Map<String, Object> clientSettings, String clientId) {
        Map<String, Object> settings = new java.util.HashMap<>(clientSettings);
        settings.putAll(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                // the relay hands a whole batch over at once: while requests are in flight the records
                // accumulate, and large batches carry a pass in few requests (no extra wait when idle: linger 0)
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                // a broker that is down makes send() fail within seconds; the relay backs off and retries
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000));
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    public static CloudEvent toCloudEvent(String source, PendingEvent e) {
        return CloudEventBuilder.v1()
                .withId(e.eventId().toString())
                .withSource(URI.create(source))
                .withType(e.type())
                .withSubject(e.aggregateId())
                .withTime(e.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(e.payload().getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** The record the relay sends for an outbox row (the dead-letter replay sends the same). */
    public static ProducerRecord<String, byte[]> toRecord(String source, PendingEvent e) {
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(e.topic(), e.aggregateId())
                .writeBinary(toCloudEvent(source, e));
        if (e.traceParent() != null) {
            record.headers().add("traceparent", e.traceParent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Override
    public CompletableFuture<Void> publish(String source, PendingEvent e) {
        ProducerRecord<String, byte[]> record = toRecord(source, e);
        CompletableFuture<Void> ack = new CompletableFuture<>();
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                ack.completeExceptionally(error);
            } else {
                ack.complete(null);
            }
        });
        return ack;
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
