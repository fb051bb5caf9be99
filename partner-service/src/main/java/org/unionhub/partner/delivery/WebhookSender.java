package org.unionhub.partner.delivery;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;

/**
 * Sends one webhook request without blocking a thread (Vert.x WebClient on Quarkus' event loops). Redirects are not
 * followed: a signed body must reach the URL the partner registered, not wherever a redirect points.
 */
@ApplicationScoped
public class WebhookSender {

    private final WebClient client;
    private final long timeoutMillis;

    public WebhookSender(Vertx vertx, @ConfigProperty(name = "partner.delivery.timeout") Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setFollowRedirects(false)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .setMaxPoolSize(50)
                .setKeepAlive(true)
                .setUserAgent("UnionHub-Webhooks/1"));
    }

    /** Completes with the outcome, never fails. */
    public Future<Deliveries.Outcome> send(Deliveries.Claimed d, List<String> secrets, long timestampSeconds) {
        String id = d.eventId().toString();
        return client.postAbs(d.url())
                .timeout(timeoutMillis)
                .putHeader("content-type", "application/cloudevents+json; charset=utf-8")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestampSeconds))
                .putHeader("webhook-signature", WebhookSignature.header(secrets, id, timestampSeconds, d.body()))
                .sendBuffer(Buffer.buffer(d.body()))
                .map(r -> {
                    boolean ok = r.statusCode() >= 200 && r.statusCode() < 300;
                    return new Deliveries.Outcome(d.id(), ok, r.statusCode(), ok ? null : "HTTP " + r.statusCode());
                })
                .otherwise(e -> new Deliveries.Outcome(d.id(), false, 0,
                        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
