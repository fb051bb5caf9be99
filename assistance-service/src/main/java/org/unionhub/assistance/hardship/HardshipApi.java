package org.unionhub.assistance.hardship;

import org.unionhub.platform.money.Amount;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.unionhub.assistance.hardship.HardshipFile.Cause;
import org.unionhub.assistance.hardship.HardshipFile.Level;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public final class HardshipApi {

    private HardshipApi() {
    }

    public record OpenFileRequest(@NotNull UUID memberId,
                                  @NotNull @Min(1) @Max(30) @Schema(example = "4") Integer householdSize,
                                  @NotNull @Amount(min = "0.00") @Schema(example = "2100.00") BigDecimal monthlyHouseholdIncome,
                                  @NotEmpty List<@NotNull Cause> causes,
                                  @NotNull Level level) {
    }

    public record ReviewRequest(@Min(1) @Max(30) Integer householdSize, @Amount(min = "0.00") BigDecimal monthlyHouseholdIncome,
                                List<@NotNull Cause> causes, Level level) {
    }

    public record CloseRequest(@NotBlank @Size(max = 2000) @Schema(example = "家庭收入已稳定，脱困") String reason) {
    }

    public record FileView(UUID id, UUID memberId, UUID organizationId, int householdSize, BigDecimal monthlyHouseholdIncome,
                           List<String> causes, String level, String status, Instant openedAt, String openedBy,
                           Instant reviewedAt, String reviewedBy, LocalDate nextReviewOn, Instant closedAt, String closedBy,
                           String closeReason) {
        static FileView of(HardshipFile f) {
            return new FileView(f.id, f.memberId, f.organizationId, f.householdSize, f.monthlyHouseholdIncome, f.causeList(),
                    f.level, f.status, f.openedAt, f.openedBy, f.reviewedAt, f.reviewedBy, f.nextReviewOn, f.closedAt,
                    f.closedBy, f.closeReason);
        }
    }

    public record VisitRequest(@NotNull UUID memberId,
                               @NotNull @Schema(example = "2026-01-20") LocalDate visitedOn,
                               @NotBlank @Size(max = 2000) @Schema(example = "米、面、油各一份") String goods,
                               @Amount(min = "0.00") @Schema(example = "500.00") BigDecimal cashAmount) {
    }

    public record VisitView(UUID id, UUID memberId, LocalDate visitedOn, String goods, BigDecimal cashAmount,
                            Instant recordedAt, String recordedBy) {
    }
}
