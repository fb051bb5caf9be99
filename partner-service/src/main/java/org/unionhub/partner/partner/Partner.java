package org.unionhub.partner.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.unionhub.platform.identity.OrganizationPath;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** A partner system: what it may receive, from which part of the organization tree, and how redacted. */
@Entity
public class Partner extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String contact;
    public String[] allowedEventTypes;
    /** Root of the subtree the partner may receive; null = the whole tree. */
    public UUID organizationId;
    @Enumerated(EnumType.STRING)
    public RedactionLevel redaction;
    public boolean kafkaStream;
    public Instant createdAt;
    public String createdBy;

    public boolean allows(String eventType) {
        return Arrays.asList(allowedEventTypes).contains(eventType);
    }

    /** Whether an event of the organization with this path ({@code /root/.../self/}, null when unknown) is the partner's. */
    public boolean covers(String organizationPath) {
        return organizationId == null || OrganizationPath.isWithin(organizationPath, organizationId);
    }

    /** The partner's Kafka topic. */
    public String topic() {
        return "partner." + id + ".v1";
    }
}
