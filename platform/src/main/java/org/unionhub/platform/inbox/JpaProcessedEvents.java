package org.unionhub.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** The {@code processed_event} table: insert-if-absent in the consumer's own transaction. */
@ApplicationScoped
public class JpaProcessedEvents implements ProcessedEvents {

    private final EntityManager em;

    public JpaProcessedEvents(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(String consumer, UUID eventId, String eventType) {
        return em.createNativeQuery("INSERT INTO processed_event (consumer, event_id, event_type) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .executeUpdate() == 1;
    }
}
