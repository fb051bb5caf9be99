package org.unionhub.venue.subsidy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A federation's subsidy money for one year; committed grows only through an atomic conditional UPDATE. */
@Entity
@Table(name = "subsidy_budget")
public class SubsidyBudget extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    public int year;
    public BigDecimal amount;
    public BigDecimal committed;
    public BigDecimal paid;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
