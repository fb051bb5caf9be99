package org.unionhub.competition.contest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.unionhub.competition.ranking.ScoringRules;

import java.math.BigDecimal;
import java.util.UUID;

/** One assessed part of a competition, e.g. the chemical final's THEORY, VR_SIMULATION, HAZARD_SPOTTING. */
@Entity
public class AssessmentItem extends PanacheEntityBase {

    /** MEASUREMENT: one objective score. JUDGEMENT: marked by at least three judges. */
    public enum Kind { MEASUREMENT, JUDGEMENT }

    @Id
    public UUID id;
    public UUID competitionId;
    public String code;
    public String name;
    public BigDecimal weight;
    public BigDecimal maxScore;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    /** JUDGEMENT only: the widest spread of marks accepted without the chief judge. */
    public BigDecimal tolerance;
    public int position;

    public BigDecimal effectiveTolerance() {
        return tolerance != null ? tolerance : ScoringRules.defaultTolerance(maxScore);
    }
}
