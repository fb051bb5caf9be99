package org.unionhub.competition.award;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A prize held by one member: an individual prize, or his share of a team prize. */
@Entity
public class Award extends PanacheEntityBase {

    public static final String INDIVIDUAL = "INDIVIDUAL";
    public static final String TEAM = "TEAM";

    @Id
    public UUID id;
    public UUID competitionId;
    public String category;
    public String prize;
    public int rank;
    /** The individual total, or the team score. */
    public BigDecimal score;
    public UUID memberId;
    public UUID contestantId;
    public String name;
    public UUID teamId;
    public String teamName;
    public Instant publishedAt;
}
