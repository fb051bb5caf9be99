package org.unionhub.partner.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** One event for one subscription. Status PENDING → SENDING → DELIVERED, or back to PENDING, or DEAD (kept). */
@Entity
public class Delivery extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String DEAD = "DEAD";

    @Id
    public UUID id;
    @Column(insertable = false, updatable = false)
    public Long seq;
    public UUID subscriptionId;
    public UUID eventId;
    public String eventType;
    public String aggregateKey;
    /** The redacted CloudEvent in structured JSON: the request body, byte for byte. */
    public String body;
    public Instant occurredAt;
    public String status;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant leaseUntil;
    public Integer lastStatus;
    public String lastError;
    public Instant deliveredAt;
    public Instant createdAt;
    public UUID replayId;
}
