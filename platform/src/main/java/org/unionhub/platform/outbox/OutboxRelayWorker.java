package org.unionhub.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import io.smallrye.common.annotation.Identifier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.unionhub.platform.event.EventTypes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the {@link OutboxRelay} on its own thread: right after each commit that wrote an event,
 * every {@code unionhub.outbox.poll-interval} as a fallback, and with growing back-off while the
 * broker does not answer (events wait in the table; none is lost).
 */
@ApplicationScoped
public class OutboxRelayWorker {

    private static final Logger LOG = Logger.getLogger(OutboxRelayWorker.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final JpaOutboxStore store;
    private final String serviceName;
    private final String bootstrapServers;
    private final boolean enabled;
    private final int batchSize;
    private final Duration pollInterval;
    private final Semaphore wakeUps = new Semaphore(0);

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private volatile long backlogMeasuredAt;
    private final Counter published;
    private final Counter failures;

    private volatile boolean running;
    private volatile Instant lastSuccess;
    private Thread thread;
    private KafkaEventPublisher publisher;

    /** The service's kafka.* settings (security included), as Quarkus collects them for every Kafka client. */
    private final Map<String, Object> kafkaSettings;

    public OutboxRelayWorker(JpaOutboxStore store, MeterRegistry metrics,
                             @Identifier("default-kafka-broker") Map<String, Object> kafkaSettings,
                             @ConfigProperty(name = "unionhub.service-name") String serviceName,
                             @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                             @ConfigProperty(name = "unionhub.outbox.enabled", defaultValue = "true") boolean enabled,
                             @ConfigProperty(name = "unionhub.outbox.batch-size", defaultValue = "1000") int batchSize,
                             @ConfigProperty(name = "unionhub.outbox.poll-interval", defaultValue = "PT1S") Duration pollInterval) {
        this.store = store;
        this.kafkaSettings = kafkaSettings;
        this.serviceName = serviceName;
        this.bootstrapServers = bootstrapServers;
        this.enabled = enabled;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        Gauge.builder("unionhub.outbox.backlog", backlog, AtomicLong::get)
                .description("events written but not yet acknowledged by Kafka").register(metrics);
        Gauge.builder("unionhub.outbox.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("age of the oldest event waiting for Kafka").register(metrics);
        Gauge.builder("unionhub.outbox.parked", parked, AtomicLong::get)
                .description("events the broker refused unionhub.outbox.max-attempts times, set aside until an operator unparks them")
                .register(metrics);
        this.published = Counter.builder("unionhub.outbox.published").description("events acknowledged by Kafka").register(metrics);
        this.failures = Counter.builder("unionhub.outbox.failures").description("relay passes that stopped at a failed event").register(metrics);
    }

    void start(@Observes StartupEvent ignored) {
        if (!enabled) {
            return;
        }
        Map<String, Object> settings = new java.util.HashMap<>(kafkaSettings);
        settings.put("bootstrap.servers", bootstrapServers);
        publisher = new KafkaEventPublisher(settings, serviceName + "-outbox");
        OutboxRelay relay = new OutboxRelay(store, publisher, EventTypes.source(serviceName), batchSize, 15_000, Clock.systemUTC());
        running = true;
        thread = new Thread(() -> loop(relay), "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        if (thread != null) {
            wakeUps.release();
            thread.join(10_000);
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    /** An event was committed: publish it now rather than at the next poll. */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        wakeUps.release();
    }

    /** Rows were put back in line (unparked): look at once. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** When the relay last reached the broker successfully (or found nothing to do). */
    public Instant lastSuccess() {
        return lastSuccess;
    }


    private void loop(OutboxRelay relay) {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                wakeUps.drainPermits();
                OutboxRelay.Result result = QuarkusTransaction.requiringNew().call(
                        () -> store.tryRelayLock() ? relay.relayOnce() : new OutboxRelay.Result(0, 0, null));
                published.increment(result.sent());
                measureBacklogAtMostEverySecond(result.failed() || result.pendingSeen() < batchSize);
                if (result.parked() != null) {
                    // no personal data: the payload stays in the table
                    PendingEvent p = result.parked();
                    LOG.errorf("outbox relay: parked event %s (%s on %s) after %s; later events of its key wait until an "
                            + "operator unparks it (POST /internal/outbox/unpark), other keys go on", p.eventId(), p.type(), p.topic(),
                            result.failure());
                    continue;
                }
                if (result.failed()) {
                    failures.increment();
                    LOG.warnf("outbox relay: %d sent, then %s; retrying in %d ms", result.sent(), result.failure(), backoff.toMillis());
                    Thread.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                    continue;
                }
                backoff = Duration.ofMillis(100);
                lastSuccess = Instant.now();
                if (result.pendingSeen() < batchSize) {
                    wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database itself is unavailable: wait and try again, the rows are safe there
                LOG.warnf("outbox relay cannot read the outbox: %s", e.getMessage());
                sleepQuietly(MAX_BACKOFF);
            }
        }
    }

    /** Counting the backlog costs a query: once a second is enough for the gauges, not after every batch. */
    private void measureBacklogAtMostEverySecond(boolean now) {
        long t = System.nanoTime();
        if (!now && t - backlogMeasuredAt < 1_000_000_000L) {
            return;
        }
        backlogMeasuredAt = t;
        JpaOutboxStore.Backlog b = QuarkusTransaction.requiringNew().call(store::backlog);
        backlog.set(b.count());
        parked.set(b.parked());
        oldestAgeSeconds.set(b.oldest() == null ? 0 : Math.max(0, Duration.between(b.oldest(), Instant.now()).toSeconds()));
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
