package org.unionhub.membership.demand;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** One step of a demand: a change of status or an escalation, with who, when and what the member is told. */
@Entity
public class DemandStep extends PanacheEntityBase {

    public enum Kind {
        RECEIVED, ACCEPTED, IN_PROGRESS, RESOLVED, DECLINED, ESCALATED
    }

    @Id
    public UUID id;
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
    public UUID fromOrganizationId;
    public UUID toOrganizationId;
}
