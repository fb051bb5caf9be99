package org.unionhub.competition.team;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A union member competing in one competition, always within a team. */
@Entity
public class Contestant extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID competitionId;
    public UUID teamId;
    public UUID memberId;
    public String name;
    public String enterprise;
    @Enumerated(EnumType.STRING)
    public Team.EnterpriseType enterpriseType;
    public String province;
    public String disqualifiedReason;
    public String disqualifiedBy;
    public Instant disqualifiedAt;
    /** Frozen at publication; null when disqualified. */
    public Integer finalRank;
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
