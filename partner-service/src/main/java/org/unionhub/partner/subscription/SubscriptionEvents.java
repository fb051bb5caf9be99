package org.unionhub.partner.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.unionhub.platform.event.EventTypes;
import org.unionhub.platform.outbox.Outbox;

import java.time.Instant;
import java.util.UUID;

/** The events partner-service publishes about subscriptions, on {@code partner.v1} (key = subscription id). */
@ApplicationScoped
public class SubscriptionEvents {

    public static final String TOPIC = "partner.v1";
    public static final String PAUSED = EventTypes.type("partner", "subscription", "paused", 1);

    /** The owner is told: a subscription stopped receiving because its endpoint kept failing. */
    public record SubscriptionPaused(UUID subscriptionId, UUID partnerId, String url, int consecutiveFailures,
                                     Instant failingSince, Instant pausedAt, String notice) {
    }

    @Inject
    Outbox outbox;

    public void paused(Subscription s) {
        outbox.publish(TOPIC, PAUSED, s.id, new SubscriptionPaused(s.id, s.partnerId, s.url, s.consecutiveFailures,
                s.failingSince, s.pausedAt, s.notice));
    }
}
