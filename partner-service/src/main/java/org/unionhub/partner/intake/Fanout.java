package org.unionhub.partner.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.unionhub.partner.delivery.Deliveries;
import org.unionhub.partner.delivery.DeliveryWorker;
import org.unionhub.partner.partner.Partner;
import org.unionhub.partner.partner.Redaction;
import org.unionhub.partner.stream.PartnerStream;
import org.unionhub.partner.subscription.Subscription;
import org.unionhub.platform.event.IncomingEvent;
import org.unionhub.platform.identity.OrganizationPath;
import org.unionhub.platform.metrics.AfterCommit;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.platform.projection.OrganizationView;
import org.unionhub.platform.time.BusinessClock;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * For one incoming event: every partner allowed its type and covering its organization gets it redacted to its
 * level, on its Kafka stream and as one delivery per matching webhook subscription. Runs inside the inbox's
 * transaction, so the inbox row, the outbox rows and the delivery rows commit together or not at all.
 */
@ApplicationScoped
public class Fanout {

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Deliveries deliveries;
    @Inject
    PartnerStream stream;
    @Inject
    AfterCommit afterCommit;
    @Inject
    DeliveryWorker worker;
    @Inject
    BusinessClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public void route(IncomingEvent e, String recordKey) {
        List<Partner> partners = em.createNativeQuery("SELECT * FROM partner WHERE ?1 = ANY (allowed_event_types)", Partner.class)
                .setParameter(1, e.type())
                .getResultList();
        if (partners.isEmpty()) {
            return;
        }
        String path = organizationPath(e);
        String key = e.subject() != null ? e.subject() : recordKey == null ? e.id().toString() : recordKey;
        Instant occurredAt = e.time() == null ? clock.now() : e.time().toInstant();
        boolean queued = false;
        for (Partner p : partners) {
            if (!p.covers(path)) {
                continue;
            }
            JsonNode data = Redaction.apply(p.redaction, e.type(), e.data());
            String subject = Redaction.subject(p.redaction, p.id.toString(), key);
            if (p.kafkaStream) {
                stream.publish(p, e.id(), e.type(), subject, data, occurredAt);
            }
            List<Subscription> subscriptions = new ArrayList<>();
            for (Subscription s : Subscription.<Subscription>list("partnerId", p.id)) {
                if (s.wants(e.type(), path)) {
                    subscriptions.add(s);
                }
            }
            if (subscriptions.isEmpty()) {
                continue;
            }
            String body = cloudEvent(e, subject, data, occurredAt);
            for (Subscription s : subscriptions) {
                deliveries.enqueue(s.id, e.id(), e.type(), key, body, occurredAt, null);
                queued = true;
            }
        }
        if (queued) {
            afterCommit.run(worker::wake);
        }
    }

    /** The event in CloudEvents' structured JSON format: the webhook body. */
    String cloudEvent(IncomingEvent e, String subject, JsonNode data, Instant occurredAt) {
        ObjectNode ce = json.createObjectNode();
        ce.put("specversion", "1.0");
        ce.put("id", e.id().toString());
        ce.put("source", e.source());
        ce.put("type", e.type());
        if (subject != null) {
            ce.put("subject", subject);
        }
        ce.put("time", occurredAt.atOffset(ZoneOffset.UTC).toString());
        ce.put("datacontenttype", "application/json");
        ce.set("data", data);
        return ce.toString();
    }

    /**
     * Where the event belongs in the organization tree ({@code /root/.../org/}), from the event itself when it
     * carries the ancestors (membership's events), else from this service's projections of membership's
     * organizations and members (never another service's tables); null when unknown.
     */
    static String organizationPath(IncomingEvent e) {
        JsonNode d = e.data();
        JsonNode ancestors = d.has("organizationAncestors") ? d.get("organizationAncestors") : d.get("ancestors");
        UUID org = uuid(d.get("organizationId"));
        if (org != null && ancestors != null && ancestors.isArray()) {
            String path = null;
            for (JsonNode a : ancestors) {
                path = OrganizationPath.child(path, UUID.fromString(a.asText()));
            }
            return OrganizationPath.child(path, org);
        }
        if (org != null) {
            OrganizationView view = OrganizationView.findById(org);
            return view != null ? view.path : OrganizationPath.child(null, org);
        }
        UUID member = uuid(d.get("memberId"));
        if (member != null) {
            MemberView view = MemberView.findById(member);
            return view == null ? null : view.organizationPath;
        }
        return null;
    }

    private static UUID uuid(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
