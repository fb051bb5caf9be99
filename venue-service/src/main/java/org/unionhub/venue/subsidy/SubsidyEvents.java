package org.unionhub.venue.subsidy;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.unionhub.platform.event.EventTypes;
import org.unionhub.platform.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Evaluation and subsidy events on {@code venue.v1}; finance partners consume the subsidy ones. Money is a string, yuan, two decimals. */
public final class SubsidyEvents {

    public static final String GRADED = EventTypes.type("venue", "evaluation", "graded", 1);
    public static final String AWARDED = EventTypes.type("venue", "subsidy", "awarded", 1);
    public static final String PAID = EventTypes.type("venue", "subsidy", "paid", 1);

    public record EvaluationGraded(UUID evaluationId, UUID venueId, UUID organizationId, int year,
                                   @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total, Grade grade,
                                   @Money BigDecimal awardAmount, UUID subsidyId,
                                   String actor, Instant gradedAt) {
    }

    public record SubsidyAwarded(UUID subsidyId, Subsidy.Kind kind, UUID venueId, UUID organizationId, int year,
                                 @Money BigDecimal amount, String currency,
                                 UUID budgetId, UUID budgetOrganizationId, UUID evaluationId, Grade grade,
                                 Subsidy.ConstructionKind constructionKind, String actor, Instant awardedAt) {
    }

    public record SubsidyPaid(UUID subsidyId, Subsidy.Kind kind, UUID venueId, UUID organizationId, int year,
                              @Money BigDecimal amount, String currency,
                              UUID budgetId, String paymentReference, String actor, Instant paidAt) {
    }

    private SubsidyEvents() {
    }
}
