package org.unionhub.assistance.application;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What finance paid for one application: at most one payout per application (a unique key in the table). */
@Entity
@Table(name = "payout")
public class Payout extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "application_id")
    public UUID applicationId;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "program_code")
    public String programCode;
    public int year;
    public BigDecimal amount;
    @Column(name = "disbursed_at")
    public Instant disbursedAt;
    @Column(name = "disbursed_by")
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
