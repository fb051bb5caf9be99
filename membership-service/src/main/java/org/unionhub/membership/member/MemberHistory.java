package org.unionhub.membership.member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** One change of a membership: who, when, from what to what. */
@Entity
public class MemberHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID memberId;
    public Instant at;
    public String actor;
    public String action;
    public String fromStatus;
    public String toStatus;
    public UUID fromOrganizationId;
    public UUID toOrganizationId;
    public String reason;
}
