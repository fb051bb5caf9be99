package org.unionhub.competition.award;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The first-ranked individual put forward for the national May 1st Labour Medal. */
@Entity
public class Nomination extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID competitionId;
    public UUID memberId;
    public UUID contestantId;
    public String name;
    public String medal;
    public int rank;
    public BigDecimal total;
    public Instant nominatedAt;
}
