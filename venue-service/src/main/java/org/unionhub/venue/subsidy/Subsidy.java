package org.unionhub.venue.subsidy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An award earned by an evaluation, or a construction subsidy (新建、改（扩）建) asked for and decided. */
@Entity
public class Subsidy extends PanacheEntityBase {

    public enum Kind { EVALUATION_AWARD, CONSTRUCTION }

    public enum ConstructionKind { NEW, REBUILD, EXPANSION }

    /** AWARDED: an evaluation's award; SUBMITTED → APPROVED | REJECTED: construction; APPROVED/AWARDED → PAID. */
    public enum Status {
        SUBMITTED, APPROVED, REJECTED, AWARDED, PAID;

        private static final java.util.Map<Status, Set<Status>> NEXT = java.util.Map.of(
                SUBMITTED, Set.of(APPROVED, REJECTED),
                APPROVED, Set.of(PAID),
                AWARDED, Set.of(PAID),
                REJECTED, Set.of(),
                PAID, Set.of());

        public void requireCanBecome(Status next, UUID id) {
            if (!NEXT.get(this).contains(next)) {
                throw ProblemException.conflict("subsidy-status", "subsidy " + id + " is " + this + " and cannot become " + next)
                        .with("currentStatus", this);
            }
        }
    }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public UUID venueId;
    public UUID organizationId;
    public int year;
    public UUID budgetId;
    public UUID evaluationId;
    @Enumerated(EnumType.STRING)
    public ConstructionKind constructionKind;
    public BigDecimal requestedAmount;
    public BigDecimal amount;
    public String description;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String reason;
    public String paymentReference;
    public Instant createdAt;
    @Version
    public long version;
}
