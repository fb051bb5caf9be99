package org.unionhub.partner.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.unionhub.partner.subscription.SigningSecret;
import org.unionhub.platform.time.BusinessClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Hands due deliveries to the sender and records what came back. One loop claims (a short transaction), the sends
 * run on the event loops, outcomes are recorded on a few worker threads; at most {@code batch-size} requests are in
 * flight, and a slow endpoint holds only its own deliveries (each is recorded when its own answer comes).
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final Deliveries deliveries;
    private final WebhookSender sender;
    private final BusinessClock clock;
    private final int batchSize;
    private final Duration pollInterval;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Semaphore inFlight;
    private final Counter delivered;
    private final Counter failed;
    private final boolean enabled;
    /** answers waiting to be written; one thread writes them in batches */
    private final LinkedBlockingQueue<Deliveries.Outcome> outcomes = new LinkedBlockingQueue<>();
    private Thread recorder;
    private volatile boolean running;
    private Thread thread;

    public DeliveryWorker(Deliveries deliveries, WebhookSender sender, BusinessClock clock, MeterRegistry metrics,
                          @ConfigProperty(name = "partner.delivery.batch-size") int batchSize,
                          @ConfigProperty(name = "partner.delivery.poll-interval") Duration pollInterval,
                          @ConfigProperty(name = "partner.delivery.enabled", defaultValue = "true") boolean enabled) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.clock = clock;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.enabled = enabled;
        this.inFlight = new Semaphore(batchSize);
        this.delivered = Counter.builder("unionhub.webhook.deliveries").tag("outcome", "delivered")
                .description("webhook attempts by outcome").register(metrics);
        this.failed = Counter.builder("unionhub.webhook.deliveries").tag("outcome", "failed")
                .description("webhook attempts by outcome").register(metrics);
    }

    void start(@Observes StartupEvent ignored) {
        if (!enabled) {
            return;
        }
        recorder = new Thread(this::recordLoop, "webhook-recorder");
        recorder.setDaemon(true);
        running = true;
        thread = new Thread(this::loop, "webhook-deliveries");
        thread.setDaemon(true);
        recorder.start();
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        if (thread != null) {
            wakeUps.release();
            thread.join(5_000);
        }
        if (recorder != null) {
            recorder.join(5_000);
        }
    }

    /** Deliveries were queued (or an endpoint answered): look now rather than at the next poll. */
    public void wake() {
        wakeUps.release();
    }

    private void loop() {
        while (running) {
            try {
                wakeUps.drainPermits();
                int free = inFlight.availablePermits();
                List<Deliveries.Claimed> claimed = free == 0 ? List.of() : deliveries.claim(free);
                if (!claimed.isEmpty()) {
                    send(claimed);
                }
                if (claimed.size() < free || free == 0) {
                    wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("webhook deliveries: cannot claim: %s", e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void send(List<Deliveries.Claimed> claimed) {
        Map<UUID, List<String>> secrets = QuarkusTransaction.requiringNew().call(() -> {
            Map<UUID, List<String>> bySubscription = new HashMap<>();
            Instant now = clock.now();
            for (Deliveries.Claimed c : claimed) {
                bySubscription.computeIfAbsent(c.subscriptionId(),
                        id -> SigningSecret.valid(id, now).stream().map(s -> s.secret).toList());
            }
            return bySubscription;
        });
        long timestamp = clock.now().getEpochSecond();
        for (Deliveries.Claimed c : claimed) {
            inFlight.acquireUninterruptibly();
            sender.send(c, secrets.get(c.subscriptionId()), timestamp).onComplete(result -> outcomes.add(result.succeeded()
                    ? result.result() : new Deliveries.Outcome(c.id(), false, 0, String.valueOf(result.cause()))));
        }
    }

    /**
     * Writes the answers in batches of up to {@code batch-size}, one transaction each. A permit comes back per answer
     * written; the claiming loop is woken when half the permits are free or every answer is written, so that a busy
     * sender claims in large batches instead of running the claim query for every answer.
     */
    private void recordLoop() {
        List<Deliveries.Outcome> batch = new ArrayList<>(batchSize);
        while (running || !outcomes.isEmpty()) {
            try {
                Deliveries.Outcome first = outcomes.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outcomes.drainTo(batch, batchSize - 1);
                try {
                    deliveries.recordAll(batch);
                    long ok = batch.stream().filter(Deliveries.Outcome::success).count();
                    delivered.increment(ok);
                    failed.increment(batch.size() - ok);
                } catch (RuntimeException e) {
                    LOG.warnf("webhook deliveries: %d outcomes not recorded (%s); retried after their lease", batch.size(), e.getMessage());
                } finally {
                    inFlight.release(batch.size());
                    batch.clear();
                    if (inFlight.availablePermits() * 2 >= batchSize || outcomes.isEmpty()) {
                        wakeUps.release();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
