package org.unionhub.venue.subsidy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "evaluation")
public class Evaluation extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "venue_id")
    public UUID venueId;
    public int year;
    /** JSON {criterion: points} */
    public String scores;
    public BigDecimal total;
    @Enumerated(EnumType.STRING)
    public Grade grade;
    @Column(name = "award_amount")
    public BigDecimal awardAmount;
    @Column(name = "subsidy_id")
    public UUID subsidyId;
    @Column(name = "evaluated_by")
    public String evaluatedBy;
    @Column(name = "evaluated_at")
    public Instant evaluatedAt;
}
