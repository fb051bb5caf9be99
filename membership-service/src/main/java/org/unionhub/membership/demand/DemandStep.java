package org.unionhub.membership.demand;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One step of a demand: a change of status or an escalation, with who, when and what the member is told. */
@Entity
@Table(name = "demand_step")
public class DemandStep extends PanacheEntityBase {

    public enum Kind {
        RECEIVED, ACCEPTED, IN_PROGRESS, RESOLVED, DECLINED, ESCALATED
    }

    @Id
    public UUID id;
    @Column(name = "demand_id")
    public UUID demandId;
    public int seq;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    /** the demand's status after this step */
    @Enumerated(EnumType.STRING)
    public DemandStatus status;
    public Instant at;
    public String actor;
    public String response;
    @Column(name = "from_organization_id")
    public UUID fromOrganizationId;
    @Column(name = "to_organization_id")
    public UUID toOrganizationId;
}
