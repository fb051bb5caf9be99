package org.unionhub.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.unionhub.platform.event.IncomingEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Applies a poll batch of records in one transaction, with the platform's failure rule:
 * <ul>
 *   <li>a record that cannot be read or breaks its schema ({@link IncomingEvent.MalformedEventException})
 *       goes to {@code <topic>.dlq}; the others are applied;</li>
 *   <li>a transient failure ({@link Failures.Kind#TRANSIENT}: database down or failing over, pool exhausted,
 *       lock or statement timeout, serialization conflict) keeps the batch: the same records are tried again
 *       after an exponential back-off (the call does not return, so nothing is acknowledged, and SmallRye
 *       pauses the partitions once its queue is full). No dead letter, no replay needed;</li>
 *   <li>any other failure of the batch's transaction: the records are applied one per transaction to find
 *       the one at fault, which is dead-lettered.</li>
 * </ul>
 * Re-applying a batch is harmless: the inbox skips the events already applied.
 */
@ApplicationScoped
public class BatchConsumer {

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);

    /** Reads a record; throws {@link IncomingEvent.MalformedEventException} for poison. */
    @FunctionalInterface
    public interface Reader {
        IncomingEvent read(ConsumerRecord<String, byte[]> record);
    }

    /** Applies read events, in order, inside the transaction it is called in. */
    @FunctionalInterface
    public interface Applier {
        void apply(List<IncomingEvent> events);
    }

    private record Read(ConsumerRecord<String, byte[]> record, IncomingEvent event) {
    }

    private record Poison(ConsumerRecord<String, byte[]> record, String reason) {
    }

    private final DeadLetterWriter deadLetters;
    private final MeterRegistry metrics;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private volatile boolean stopping;

    public BatchConsumer(DeadLetterWriter deadLetters, MeterRegistry metrics,
                         @ConfigProperty(name = "unionhub.consumer.retry.initial-backoff", defaultValue = "PT0.2S") Duration initialBackoff,
                         @ConfigProperty(name = "unionhub.consumer.retry.max-backoff", defaultValue = "PT10S") Duration maxBackoff) {
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Returns once every record is applied or dead-lettered; retries transient failures until then. */
    public void consume(String consumer, List<ConsumerRecord<String, byte[]>> records, Reader reader, Applier applier) {
        consume(consumer, records, reader, applier, true);
    }

    /**
     * As {@link #consume(String, List, Reader, Applier)}; with {@code deadLetter} false poison is skipped
     * (a rebuild reads records that were dead-lettered when they first arrived).
     */
    public void consume(String consumer, List<ConsumerRecord<String, byte[]>> records, Reader reader, Applier applier,
                        boolean deadLetter) {
        if (records.isEmpty()) {
            return;
        }
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                attempt(records, reader, applier, deadLetter);
                if (attempt > 1) {
                    LOG.infof("%s: batch of %d records applied after %d attempts", consumer, records.size(), attempt);
                }
                return;
            } catch (RuntimeException | ExecutionFailure e) {
                if (stopping) {
                    throw new IllegalStateException("shutting down with a batch not applied (it is redelivered)", e);
                }
                metrics.counter("unionhub.consumer.retries", "consumer", consumer, "topic", records.get(0).topic()).increment();
                LOG.warnf("%s: batch of %d records from %s not applied (attempt %d, %s), retrying in %d ms: %s",
                        consumer, records.size(), records.get(0).topic(), attempt, Failures.classify(e),
                        backoff.toMillis(), rootMessage(e));
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private void attempt(List<ConsumerRecord<String, byte[]>> records, Reader reader, Applier applier, boolean deadLetter)
            throws ExecutionFailure {
        List<Read> read = new ArrayList<>(records.size());
        List<Poison> poison = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                read.add(new Read(r, reader.read(r)));
            } catch (IncomingEvent.MalformedEventException e) {
                poison.add(new Poison(r, e.getMessage()));
            }
        }
        try {
            inTransaction(read, applier);
        } catch (RuntimeException e) {
            if (Failures.classify(e) == Failures.Kind.TRANSIENT) {
                throw e;
            }
            LOG.warnf("batch failed (%s), applying its records one by one", rootMessage(e));
            for (Read one : read) {
                try {
                    inTransaction(List.of(one), applier);
                } catch (RuntimeException single) {
                    if (Failures.classify(single) == Failures.Kind.TRANSIENT) {
                        throw single;
                    }
                    poison.add(new Poison(one.record(), rootMessage(single)));
                }
            }
        }
        for (Poison p : poison) {
            if (!deadLetter) {
                LOG.debugf("skipped poison %s-%d@%d: %s", p.record().topic(), p.record().partition(), p.record().offset(), p.reason());
                continue;
            }
            try {
                deadLetters.write(p.record(), p.reason());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExecutionFailure(e);
            } catch (Exception e) {
                // the broker is unavailable: the batch is retried, its applied events are skipped by the inbox
                throw new ExecutionFailure(e);
            }
        }
    }

    private static void inTransaction(List<Read> read, Applier applier) {
        if (read.isEmpty()) {
            return;
        }
        List<IncomingEvent> events = read.stream().map(Read::event).toList();
        QuarkusTransaction.requiringNew().run(() -> applier.apply(events));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis() + ThreadLocalRandom.current().nextLong(d.toMillis() / 5 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a batch", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** A checked failure outside the transaction (writing a dead letter), retried like a transient one. */
    static final class ExecutionFailure extends Exception {
        ExecutionFailure(Throwable cause) {
            super(cause);
        }
    }
}
