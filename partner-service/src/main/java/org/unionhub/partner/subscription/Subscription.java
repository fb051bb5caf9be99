package org.unionhub.partner.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.unionhub.platform.identity.OrganizationPath;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** A partner's webhook endpoint. */
@Entity
public class Subscription extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";
    public static final String PAUSED = "PAUSED";

    @Id
    public UUID id;
    public UUID partnerId;
    public String url;
    public String[] eventTypes;
    /** Only events of this organization's subtree; null = the partner's whole subtree. */
    public UUID organizationId;
    public String status;
    public String notice;
    public int consecutiveFailures;
    public Instant failingSince;
    public Instant pausedAt;
    public Instant createdAt;
    public String createdBy;

    public boolean wants(String eventType, String organizationPath) {
        return Arrays.asList(eventTypes).contains(eventType)
                && (organizationId == null || OrganizationPath.isWithin(organizationPath, organizationId));
    }
}
