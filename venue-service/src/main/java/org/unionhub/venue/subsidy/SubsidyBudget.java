package org.unionhub.venue.subsidy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A federation's subsidy money for one year; committed grows only through an atomic conditional UPDATE. */
@Entity
public class SubsidyBudget extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID organizationId;
    public int year;
    public BigDecimal amount;
    public BigDecimal committed;
    public BigDecimal paid;
    public String createdBy;
    public Instant createdAt;
}
