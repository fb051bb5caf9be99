package org.unionhub.membership.demand;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A worker's demand (诉求) and where it stands; its steps are {@link DemandStep} rows. */
@Entity
public class Demand extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID memberId;
    public UUID memberOrganizationId;
    @Enumerated(EnumType.STRING)
    public DemandCategory category;
    public String text;
    @Enumerated(EnumType.STRING)
    public DemandChannel channel;
    public UUID forumId;
    public UUID answeringOrganizationId;
    @Enumerated(EnumType.STRING)
    public DemandStatus status;
    public Instant raisedAt;
    public String raisedBy;
    public Instant dueAt;
    public Instant closedAt;
    public int escalations;
    @Version
    public long version;

    public boolean isOverdue(Instant now) {
        return !status.isClosed() && dueAt.isBefore(now);
    }
}
