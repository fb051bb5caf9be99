package org.unionhub.competition.award;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The first-ranked individual put forward for the national May 1st Labour Medal. */
@Entity
@Table(name = "nomination")
public class Nomination extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "competition_id")
    public UUID competitionId;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "contestant_id")
    public UUID contestantId;
    public String name;
    public String medal;
    public int rank;
    public BigDecimal total;
    @Column(name = "nominated_at")
    public Instant nominatedAt;
}
