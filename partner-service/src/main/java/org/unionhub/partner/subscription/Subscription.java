package org.unionhub.partner.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** A partner's webhook endpoint. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";
    public static final String PAUSED = "PAUSED";

    @Id
    public UUID id;
    @Column(name = "partner_id")
    public UUID partnerId;
    public String url;
    @Column(name = "event_types")
    public String[] eventTypes;
    /** Only events of this organization's subtree; null = the partner's whole subtree. */
    @Column(name = "organization_id")
    public UUID organizationId;
    public String status;
    public String notice;
    @Column(name = "consecutive_failures")
    public int consecutiveFailures;
    @Column(name = "failing_since")
    public Instant failingSince;
    @Column(name = "paused_at")
    public Instant pausedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public boolean wants(String eventType, String organizationPath) {
        return Arrays.asList(eventTypes).contains(eventType)
                && (organizationId == null || (organizationPath != null && organizationPath.contains("/" + organizationId + "/")));
    }
}
