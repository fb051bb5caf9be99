package org.unionhub.platform.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.smallrye.common.annotation.Identifier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.unionhub.platform.event.EventTypes;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends the records of a dead-letter topic back to their topic once the cause is fixed. The
 * replayer's own consumer group remembers how far it got, so a record is replayed once; the
 * consumers' inboxes make a repeat harmless anyway.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

    private final String bootstrapServers;
    private final String serviceName;

    private final Map<String, Object> kafkaSettings;

    public DeadLetterReplay(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                            @ConfigProperty(name = "unionhub.service-name") String serviceName,
                            @Identifier("default-kafka-broker") Map<String, Object> kafkaSettings) {
        this.kafkaSettings = kafkaSettings;
        this.bootstrapServers = bootstrapServers;
        this.serviceName = serviceName;
    }

    /** @return how many records went back to {@code topic} */
    public synchronized int replay(String topic) throws Exception {
        String dlq = EventTypes.deadLetterTopic(topic);
        int replayed = 0;
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
                    ProducerRecord<String, byte[]> back = new ProducerRecord<>(topic, r.key(), r.value());
                    for (Header h : r.headers()) {
                        if (!h.key().startsWith("dead-letter")) {
                            back.headers().add(h);
                        }
                    }
                    producer.send(back).get(30, TimeUnit.SECONDS);
                    replayed++;
                }
                consumer.commitSync();
            }
        }
        LOG.infof("replayed %d records from %s to %s", replayed, dlq, topic);
        return replayed;
    }
}
