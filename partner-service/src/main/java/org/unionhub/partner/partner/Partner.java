package org.unionhub.partner.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** A partner system: what it may receive, from which part of the organization tree, and how redacted. */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String contact;
    @Column(name = "allowed_event_types")
    public String[] allowedEventTypes;
    /** Root of the subtree the partner may receive; null = the whole tree. */
    @Column(name = "organization_id")
    public UUID organizationId;
    @Enumerated(EnumType.STRING)
    public RedactionLevel redaction;
    @Column(name = "kafka_stream")
    public boolean kafkaStream;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public boolean allows(String eventType) {
        return Arrays.asList(allowedEventTypes).contains(eventType);
    }

    /** Whether an event of the organization with this path ({@code /root/.../self/}, null when unknown) is the partner's. */
    public boolean covers(String organizationPath) {
        return organizationId == null || (organizationPath != null && organizationPath.contains("/" + organizationId + "/"));
    }

    /** The partner's Kafka topic. */
    public String topic() {
        return "partner." + id + ".v1";
    }
}
