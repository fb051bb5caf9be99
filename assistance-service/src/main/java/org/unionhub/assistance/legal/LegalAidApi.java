package org.unionhub.assistance.legal;

import org.unionhub.platform.money.Amount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The request and response bodies of legal aid. */
public final class LegalAidApi {

    private LegalAidApi() {
    }

    public record OpenRequest(UUID memberId, @NotNull LegalCase.Kind kind,
                              @Amount(min = "0.00") @Schema(example = "8200.00") BigDecimal claimedAmount,
                              @NotBlank @Size(max = 4000) @Schema(example = "货车司机三个月运费被拖欠") String description) {
    }

    public record AssignRequest(@NotBlank @Size(max = 200) @Schema(example = "工会法律顾问 王律师") String lawyer) {
    }

    public record CloseRequest(@NotBlank @Size(max = 2000) @Schema(example = "调解成功，追回运费") String outcome,
                               @Amount(min = "0.00") @Schema(example = "8200.00") BigDecimal recoveredAmount) {
    }

    public record CaseView(UUID id, UUID memberId, LegalCase.Kind kind, BigDecimal claimedAmount, String description,
                           String status, String lawyer, String outcome, BigDecimal recoveredAmount,
                           Instant openedAt, String openedBy, Instant assignedAt, String assignedBy, Instant closedAt, String closedBy) {
        static CaseView of(LegalCase c) {
            return new CaseView(c.id, c.memberId, LegalCase.Kind.valueOf(c.kind), c.claimedAmount, c.description, c.status,
                    c.lawyer, c.outcome, c.recoveredAmount, c.openedAt, c.openedBy, c.assignedAt, c.assignedBy, c.closedAt, c.closedBy);
        }
    }

    public record Stats(int year, long cases, long consultations, Map<String, Long> byKind, long closed,
                        BigDecimal recoveredAmount) {
    }
}
