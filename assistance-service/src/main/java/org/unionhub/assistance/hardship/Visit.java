package org.unionhub.assistance.hardship;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A condolence visit (送温暖): the goods handed over and, sometimes, cash that counts against DAILY_RELIEF. */
@Entity
public class Visit extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID memberId;
    public String organizationPath;
    public LocalDate visitedOn;
    public String goods;
    public BigDecimal cashAmount;
    public Instant recordedAt;
    public String recordedBy;
}
