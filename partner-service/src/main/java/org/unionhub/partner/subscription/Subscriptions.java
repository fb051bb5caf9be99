package org.unionhub.partner.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.unionhub.partner.delivery.DeliveryWorker;
import org.unionhub.partner.partner.Partner;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.OrganizationView;
import org.unionhub.platform.time.BusinessClock;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** A partner manages its own webhook subscriptions. */
@ApplicationScoped
public class Subscriptions {

    public record Created(Subscription subscription, String secret) {
    }

    private final WebhookUrls urls;
    private final Duration overlap;
    private final DeliveryWorker worker;
    private final BusinessClock clock;

    public Subscriptions(WebhookUrls urls, DeliveryWorker worker, BusinessClock clock,
                         @ConfigProperty(name = "partner.webhooks.rotation-overlap") Duration overlap) {
        this.urls = urls;
        this.clock = clock;
        this.worker = worker;
        this.overlap = overlap;
    }

    @Transactional
    public Created create(Partner partner, String url, List<String> eventTypes, UUID organizationId, String actor) {
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.partnerId = partner.id;
        s.url = urls.check("url", url).toString();
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (int i = 0; i < eventTypes.size(); i++) {
            String t = eventTypes.get(i);
            if (!partner.allows(t)) {
                throw ProblemException.invalid("eventTypes[" + i + "]", "is not among the event types this partner may receive");
            }
            types.add(t);
        }
        s.eventTypes = types.toArray(String[]::new);
        if (organizationId != null && !organizationId.equals(partner.organizationId)) {
            OrganizationView org = OrganizationView.findById(organizationId);
            if (org == null || (partner.organizationId != null && !org.isWithin(partner.organizationId))) {
                throw ProblemException.invalid("organizationId", "is not an organization within this partner's subtree");
            }
        }
        s.organizationId = organizationId;
        s.status = Subscription.ACTIVE;
        s.createdAt = clock.now();
        s.createdBy = actor;
        s.persist();
        String secret = newSecret(s.id, s.createdAt);
        return new Created(s, secret);
    }

    /**
     * A new current secret; the previous one keeps signing until the overlap ends (every request carries both
     * signatures meanwhile), so the partner can switch its verifier without losing a delivery.
     */
    @Transactional
    public String rotate(Subscription s) {
        Instant now = clock.now();
        List<SigningSecret> current = SigningSecret.list("subscriptionId = ?1 AND expiresAt IS NULL", s.id);
        current.forEach(c -> c.expiresAt = now.plus(overlap));
        return newSecret(s.id, now);
    }

    @Transactional
    public Subscription resume(Subscription s) {
        Subscription locked = Subscription.findById(s.id);
        locked.status = Subscription.ACTIVE;
        locked.notice = null;
        locked.pausedAt = null;
        locked.consecutiveFailures = 0;
        locked.failingSince = null;
        worker.wake();
        return locked;
    }

    @Transactional
    public void delete(Subscription s) {
        Subscription.deleteById(s.id);
    }

    private static String newSecret(UUID subscriptionId, Instant at) {
        SigningSecret secret = new SigningSecret();
        secret.subscriptionId = subscriptionId;
        secret.secret = SigningSecret.generate();
        secret.createdAt = at;
        secret.persist();
        return secret.secret;
    }
}
