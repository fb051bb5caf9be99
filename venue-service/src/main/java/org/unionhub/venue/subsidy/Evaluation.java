package org.unionhub.venue.subsidy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
public class Evaluation extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID venueId;
    public int year;
    /** JSON {criterion: points} */
    public String scores;
    public BigDecimal total;
    @Enumerated(EnumType.STRING)
    public Grade grade;
    public BigDecimal awardAmount;
    public UUID subsidyId;
    public String evaluatedBy;
    public Instant evaluatedAt;
}
