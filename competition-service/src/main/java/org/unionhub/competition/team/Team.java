package org.unionhub.competition.team;

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
@Table(name = "team")
public class Team extends PanacheEntityBase {

    public enum EnterpriseType { CENTRAL, LOCAL }

    @Id
    public UUID id;
    @Column(name = "competition_id")
    public UUID competitionId;
    public String name;
    public String enterprise;
    @Enumerated(EnumType.STRING)
    @Column(name = "enterprise_type")
    public EnterpriseType enterpriseType;
    public String province;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Frozen at publication. */
    @Column(name = "final_rank")
    public Integer finalRank;
    @Column(name = "final_score")
    public BigDecimal finalScore;
}
