package org.unionhub.assistance.greenchannel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** A member referred with a covered disease to a listed hospital, and who admitted and closed it when. */
@Entity
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID memberId;
    public UUID organizationId;
    public String organizationPath;
    public String diseaseCode;
    public UUID hospitalId;
    @Enumerated(EnumType.STRING)
    public ReferralStatus status;
    public Instant referredAt;
    public String referredBy;
    public Instant admittedAt;
    public String admittedBy;
    public Instant closedAt;
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
