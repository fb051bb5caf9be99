package org.unionhub.assistance.greenchannel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A member referred with a covered disease to a listed hospital, and who admitted and closed it when. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "organization_path")
    public String organizationPath;
    @Column(name = "disease_code")
    public String diseaseCode;
    @Column(name = "hospital_id")
    public UUID hospitalId;
    @Enumerated(EnumType.STRING)
    public ReferralStatus status;
    @Column(name = "referred_at")
    public Instant referredAt;
    @Column(name = "referred_by")
    public String referredBy;
    @Column(name = "admitted_at")
    public Instant admittedAt;
    @Column(name = "admitted_by")
    public String admittedBy;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_by")
    public String closedBy;
    public String outcome;

    /** The next step, if {@link ReferralStatus} allows it (409 otherwise); the outcome only when closing. */
    void moveTo(ReferralStatus to, String actor, Instant at, String closingOutcome) {
        status = status.next(to);
        if (to == ReferralStatus.ADMITTED) {
            admittedAt = at;
            admittedBy = actor;
        } else {
            closedAt = at;
            closedBy = actor;
            outcome = closingOutcome;
        }
    }
}
