package org.unionhub.assistance.hardship;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A condolence visit (送温暖): the goods handed over and, sometimes, cash that counts against DAILY_RELIEF. */
@Entity
@Table(name = "visit")
public class Visit extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "organization_path")
    public String organizationPath;
    @Column(name = "visited_on")
    public LocalDate visitedOn;
    public String goods;
    @Column(name = "cash_amount")
    public BigDecimal cashAmount;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
}
