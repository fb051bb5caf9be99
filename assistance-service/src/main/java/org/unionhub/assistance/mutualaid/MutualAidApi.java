package org.unionhub.assistance.mutualaid;

import org.unionhub.platform.money.Amount;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.unionhub.platform.param.InputBounds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The request and response bodies of mutual aid. */
public final class MutualAidApi {

    private MutualAidApi() {
    }

    public enum ClaimKind { HOSPITALIZATION, CRITICAL_ILLNESS, ACCIDENTAL_INJURY, DISABILITY, DEATH, OTHER }

    public record EnrollRequest(@NotNull UUID memberId, @NotNull @Schema(example = "2026") Integer year,
                                @Schema(description = "first day covered; defaults to today in the current year, 1 January in a later year",
                                        example = "2026-07-01") LocalDate coveredFrom) {
    }

    public record EnrollmentView(UUID id, UUID memberId, int year, LocalDate coveredFrom, int daysCovered, BigDecimal premium,
                                 Instant enrolledAt, String enrolledBy) {
        static EnrollmentView of(Enrollment e) {
            return new EnrollmentView(e.id, e.memberId, e.year, e.coveredFrom, e.daysCovered, e.premium, e.enrolledAt, e.enrolledBy);
        }
    }

    public record ClaimRequest(@NotNull UUID memberId, @NotNull @Min(InputBounds.MIN_YEAR) @Max(InputBounds.MAX_YEAR) Integer year, @NotNull ClaimKind kind,
                               @NotNull @Amount @Schema(example = "50000.00") BigDecimal amount) {
    }

    public record ClaimView(UUID id, UUID memberId, int year, ClaimKind kind, BigDecimal amount, BigDecimal paidThisYear,
                            BigDecimal remainingThisYear, Instant paidAt, String paidBy) {
    }
}
