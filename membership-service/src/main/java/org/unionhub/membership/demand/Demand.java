package org.unionhub.membership.demand;

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

/** A worker's demand (诉求) and where it stands; its steps are {@link DemandStep} rows. */
@Entity
@Table(name = "demand")
public class Demand extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "member_organization_id")
    public UUID memberOrganizationId;
    @Enumerated(EnumType.STRING)
    public DemandCategory category;
    public String text;
    @Enumerated(EnumType.STRING)
    public DemandChannel channel;
    @Column(name = "forum_id")
    public UUID forumId;
    @Column(name = "answering_organization_id")
    public UUID answeringOrganizationId;
    @Enumerated(EnumType.STRING)
    public DemandStatus status;
    @Column(name = "raised_at")
    public Instant raisedAt;
    @Column(name = "raised_by")
    public String raisedBy;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    public int escalations;
    @Version
    public long version;

    public boolean isOverdue(Instant now) {
        return !status.isClosed() && dueAt.isBefore(now);
    }
}
