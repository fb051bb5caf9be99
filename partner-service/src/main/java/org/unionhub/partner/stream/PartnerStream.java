package org.unionhub.partner.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.unionhub.partner.partner.Partner;
import org.unionhub.platform.outbox.Outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes a partner's filtered, redacted events to its own topic {@code partner.<partnerId>.v1}, through the
 * platform outbox (the relay sends each row to the topic the row names). The outbox row's event id is derived
 * from the partner and the original event id, so a redelivered source event gives the same {@code ce_id} and the
 * partner's de-duplication by {@code ce_id} works, while two partners' rows do not collide on the outbox's unique id.
 */
@ApplicationScoped
public class PartnerStream {

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Event<Outbox.Written> written;

    public static UUID streamEventId(UUID partnerId, UUID sourceEventId) {
        return UUID.nameUUIDFromBytes((partnerId + "/" + sourceEventId).getBytes(StandardCharsets.UTF_8));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Partner partner, UUID sourceEventId, String type, String subject, JsonNode data, Instant occurredAt) {
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        em.createNativeQuery("INSERT INTO outbox (event_id, topic, event_type, aggregate_id, payload, occurred_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, streamEventId(partner.id, sourceEventId))
                .setParameter(2, partner.topic())
                .setParameter(3, type)
                .setParameter(4, subject == null ? partner.id.toString() : subject)
                .setParameter(5, payload)
                .setParameter(6, occurredAt)
                .executeUpdate();
        written.fire(new Outbox.Written());
    }
}
