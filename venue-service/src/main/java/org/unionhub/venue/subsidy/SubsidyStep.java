package org.unionhub.venue.subsidy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "subsidy_step")
public class SubsidyStep extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "subsidy_id")
    public UUID subsidyId;
    @Enumerated(EnumType.STRING)
    public Subsidy.Status status;
    public String actor;
    public Instant at;
    public BigDecimal amount;
    public String note;
}
