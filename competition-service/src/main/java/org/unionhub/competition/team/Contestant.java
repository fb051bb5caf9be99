package org.unionhub.competition.team;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A union member competing in one competition, always within a team. */
@Entity
@Table(name = "contestant")
public class Contestant extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "competition_id")
    public UUID competitionId;
    @Column(name = "team_id")
    public UUID teamId;
    @Column(name = "member_id")
    public UUID memberId;
    public String name;
    public String enterprise;
    @Enumerated(EnumType.STRING)
    @Column(name = "enterprise_type")
    public Team.EnterpriseType enterpriseType;
    public String province;
    @Column(name = "disqualified_reason")
    public String disqualifiedReason;
    @Column(name = "disqualified_by")
    public String disqualifiedBy;
    @Column(name = "disqualified_at")
    public Instant disqualifiedAt;
    /** Frozen at publication; null when disqualified. */
    @Column(name = "final_rank")
    public Integer finalRank;
    @Column(name = "final_total")
    public BigDecimal finalTotal;

    public boolean disqualified() {
        return disqualifiedReason != null;
    }

    public static Contestant require(UUID competitionId, UUID contestantId) {
        Contestant c = findById(contestantId);
        if (c == null || !c.competitionId.equals(competitionId)) {
            throw ProblemException.notFound("contestant", contestantId);
        }
        return c;
    }
}
