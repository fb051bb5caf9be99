package org.unionhub.assistance.application;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What finance paid for one application: at most one payout per application (a unique key in the table). */
@Entity
public class Payout extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID applicationId;
    public UUID memberId;
    public String programCode;
    public int year;
    public BigDecimal amount;
    public Instant disbursedAt;
    public String disbursedBy;

    /** The payout of an approved application, paid now by {@code actor}. */
    static Payout of(Application a, Instant at, String actor) {
        Payout p = new Payout();
        p.id = UUID.randomUUID();
        p.applicationId = a.id;
        p.memberId = a.memberId;
        p.programCode = a.programCode;
        p.year = a.year;
        p.amount = a.approvedAmount;
        p.disbursedAt = at;
        p.disbursedBy = actor;
        return p;
    }

    static UUID idOf(UUID applicationId) {
        return Payout.<Payout>find("applicationId", applicationId).firstResultOptional().map(p -> p.id).orElse(null);
    }
}
