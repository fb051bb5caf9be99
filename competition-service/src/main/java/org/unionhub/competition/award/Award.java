package org.unionhub.competition.award;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A prize held by one member: an individual prize, or his share of a team prize. */
@Entity
@Table(name = "award")
public class Award extends PanacheEntityBase {

    public static final String INDIVIDUAL = "INDIVIDUAL";
    public static final String TEAM = "TEAM";

    @Id
    public UUID id;
    @Column(name = "competition_id")
    public UUID competitionId;
    public String category;
    public String prize;
    public int rank;
    /** The individual total, or the team score. */
    public BigDecimal score;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "contestant_id")
    public UUID contestantId;
    public String name;
    @Column(name = "team_id")
    public UUID teamId;
    @Column(name = "team_name")
    public String teamName;
    @Column(name = "published_at")
    public Instant publishedAt;
}
