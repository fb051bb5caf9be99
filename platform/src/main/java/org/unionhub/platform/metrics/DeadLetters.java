package org.unionhub.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.IncomingInterceptor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the records each consumer wrote to a dead-letter topic: {@code unionhub_dead_letters_total{topic="<topic>.dlq"}}.
 *
 * <p>Applies to every incoming channel (an interceptor without {@code @Identifier}). With
 * {@code failure-strategy=dead-letter-queue} a nack is the dead-lettering, and SmallRye calls
 * {@link #onMessageNack} only once the nack (the write to the dead-letter topic) has completed.
 * The counters of all dead-letter channels are registered at 0 at start, so that {@code increase()}
 * sees the first dead letter too.
 */
@ApplicationScoped
@Unremovable
@Startup // registers the counters at start, not at the first dead letter
public class DeadLetters implements IncomingInterceptor {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Pattern STRATEGY = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.failure-strategy");

    /** channel -> dead-letter topic, for the channels that dead-letter */
    private final Map<String, String> deadLetterTopics = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    public DeadLetters(MeterRegistry registry, Config config) {
        this.registry = registry;
        for (String name : config.getPropertyNames()) {
            Matcher m = STRATEGY.matcher(name);
            if (!m.matches()) {
                continue;
            }
            String channel = m.group(1);
            String prefix = "mp.messaging.incoming." + channel + ".";
            if (!"dead-letter-queue".equals(config.getOptionalValue(name, String.class).orElse(""))) {
                continue;
            }
            String topic = config.getOptionalValue(prefix + "topic", String.class).orElse(channel);
            // SmallRye's default dead-letter topic is dead-letter-topic-<channel>
            String dlq = config.getOptionalValue(prefix + "dead-letter-queue.topic", String.class).orElse("dead-letter-topic-" + channel);
            deadLetterTopics.put(channel, dlq);
            counter(dlq, topic);
        }
    }

    private Counter counter(String dlq, String sourceTopic) {
        return counters.computeIfAbsent(dlq, t -> Counter.builder("unionhub.dead.letters")
                .description("records a consumer could not process and wrote to the dead-letter topic")
                .tag("topic", t)
                .tag("source_topic", sourceTopic)
                .register(registry));
    }

    /** Registers the counter of a dead-letter topic at 0 (a consumer that writes its own dead letters). */
    public void register(String dlq, String sourceTopic) {
        counter(dlq, sourceTopic);
    }

    /** Counts a dead letter written by the platform's batch consumers (consumer/DeadLetterWriter). */
    public void deadLettered(String dlq, String sourceTopic) {
        counter(dlq, sourceTopic).increment();
    }

    @Override
    public void onMessageAck(Message<?> message) {
        // processed: nothing to count
    }

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
        Optional<IncomingKafkaRecordMetadata> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class);
        if (kafka.isEmpty()) {
            return;
        }
        String dlq = deadLetterTopics.get(kafka.get().getChannel());
        if (dlq == null) {
            return; // this channel does not dead-letter (fail or ignore)
        }
        counter(dlq, kafka.get().getTopic()).increment();
        LOG.warnf("dead-lettered %s-%d@%d to %s: %s", kafka.get().getTopic(), kafka.get().getPartition(),
                kafka.get().getOffset(), dlq, failure == null ? "" : failure.getMessage());
    }
}
