package org.unionhub.competition.team;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
public class Team extends PanacheEntityBase {

    public enum EnterpriseType { CENTRAL, LOCAL }

    @Id
    public UUID id;
    public UUID competitionId;
    public String name;
    public String enterprise;
    @Enumerated(EnumType.STRING)
    public EnterpriseType enterpriseType;
    public String province;
    public String createdBy;
    public Instant createdAt;
    /** Frozen at publication. */
    public Integer finalRank;
    public BigDecimal finalScore;
}
