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

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    private final int batchSize;
    private final Duration pollInterval;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Semaphore inFlight;
    private final Counter delivered;
    private final Counter failed;
    private final boolean enabled;
    private ExecutorService recorders;
    private volatile boolean running;
    private Thread thread;

    public DeliveryWorker(Deliveries deliveries, WebhookSender sender, MeterRegistry metrics,
                          @ConfigProperty(name = "partner.delivery.batch-size") int batchSize,
                          @ConfigProperty(name = "partner.delivery.poll-interval") Duration pollInterval,
                          @ConfigProperty(name = "partner.delivery.enabled", defaultValue = "true") boolean enabled) {
        this.deliveries = deliveries;
        this.sender = sender;
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
        recorders = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "webhook-recorder");
            t.setDaemon(true);
            return t;
        });
        running = true;
        thread = new Thread(this::loop, "webhook-deliveries");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        if (thread != null) {
            wakeUps.release();
            thread.join(5_000);
        }
        if (recorders != null) {
            recorders.shutdown();
            recorders.awaitTermination(5, TimeUnit.SECONDS);
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
            Instant now = Instant.now();
            for (Deliveries.Claimed c : claimed) {
                bySubscription.computeIfAbsent(c.subscriptionId(),
                        id -> SigningSecret.valid(id, now).stream().map(s -> s.secret).toList());
            }
            return bySubscription;
        });
        long timestamp = Instant.now().getEpochSecond();
        for (Deliveries.Claimed c : claimed) {
            inFlight.acquireUninterruptibly();
            sender.send(c, secrets.get(c.subscriptionId()), timestamp).onComplete(result -> {
                Deliveries.Outcome outcome = result.succeeded() ? result.result()
                        : new Deliveries.Outcome(c.id(), false, 0, String.valueOf(result.cause()));
                recorders.execute(() -> {
                    try {
                        deliveries.record(outcome);
                        (outcome.success() ? delivered : failed).increment();
                    } catch (RuntimeException e) {
                        LOG.warnf("webhook delivery %s: outcome not recorded (%s); retried after its lease", c.id(), e.getMessage());
                    } finally {
                        inFlight.release();
                        wakeUps.release();
                    }
                });
            });
        }
    }
}
