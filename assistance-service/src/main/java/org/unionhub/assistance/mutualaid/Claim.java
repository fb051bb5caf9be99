package org.unionhub.assistance.mutualaid;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A mutual-aid claim paid to an enrolled member; what it pays also stands in the ledger against MUTUAL_AID's cap. */
@Entity
@Table(name = "mutual_aid_claim")
public class Claim extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID memberId;
    public int year;
    @Enumerated(EnumType.STRING)
    public MutualAidApi.ClaimKind kind;
    public BigDecimal amount;
    public Instant paidAt;
    public String paidBy;
}
