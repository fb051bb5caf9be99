package org.unionhub.partner.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One event for one subscription. Status PENDING → SENDING → DELIVERED, or back to PENDING, or DEAD (kept). */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String DEAD = "DEAD";

    @Id
    public UUID id;
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "aggregate_key")
    public String aggregateKey;
    /** The redacted CloudEvent in structured JSON: the request body, byte for byte. */
    public String body;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "last_status")
    public Integer lastStatus;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "replay_id")
    public UUID replayId;
}
