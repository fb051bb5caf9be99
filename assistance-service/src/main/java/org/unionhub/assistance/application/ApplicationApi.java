package org.unionhub.assistance.application;

import org.unionhub.platform.money.Amount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The request and response bodies of the application endpoints. */
public final class ApplicationApi {

    private ApplicationApi() {
    }

    public record SubmitRequest(@NotNull UUID memberId,
                                @NotBlank @Schema(example = "TARGETED_MEDICAL") String programCode,
                                @NotNull @Amount @Schema(example = "20000.00") BigDecimal requestedAmount,
                                @NotBlank @Size(max = 2000) @Schema(example = "住院自付费用过高") String reason,
                                @Schema(example = "{\"outOfPocketCost\":\"42000.00\",\"hospital\":\"山东省立医院\"}") Map<String, Object> details) {
    }

    public record ApproveRequest(@Amount @Schema(example = "20000.00") BigDecimal approvedAmount) {
    }

    public record RejectRequest(@NotBlank @Size(max = 2000) @Schema(example = "材料不全") String reason) {
    }

    public record Step(String step, String actor, Instant at, UUID organizationId) {
    }

    public record ApplicationView(UUID id, UUID memberId, String programCode, int year,
                                  BigDecimal requestedAmount, BigDecimal approvedAmount, ApplicationStatus status,
                                  String reason, Map<String, Object> details, Instant submittedAt, String submittedBy,
                                  String rejectionReason, UUID payoutId, List<Step> steps) {
    }

    /** One line of a member's list ("me" view). */
    public record ApplicationSummary(UUID id, String programCode, BigDecimal requestedAmount, BigDecimal approvedAmount,
                                     ApplicationStatus status, Instant submittedAt) {
        static ApplicationSummary of(Application a) {
            return new ApplicationSummary(a.id, a.programCode, a.requestedAmount, a.approvedAmount, a.status, a.submittedAt);
        }
    }
}
