package org.unionhub.membership.member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    public enum Status { PENDING, ACTIVE, SUSPENDED, REJECTED, LEFT }

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "joined_at")
    public Instant joinedAt;
    @Column(name = "created_by")
    public String createdBy;
    @Version
    public long version;
}
