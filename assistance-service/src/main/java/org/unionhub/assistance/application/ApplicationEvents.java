package org.unionhub.assistance.application;

import org.unionhub.platform.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What this feature tells other systems on {@code assistance.v1}: no ID numbers, no phones, no reasons. */
public final class ApplicationEvents {

    public static final String TOPIC = "assistance.v1";

    private ApplicationEvents() {
    }

    public record Submitted(UUID applicationId, UUID memberId, UUID organizationId, String programCode, int year,
                            @Money BigDecimal requestedAmount, Instant submittedAt) {
    }

    public record Approved(UUID applicationId, UUID memberId, UUID organizationId, String programCode, int year,
                           @Money BigDecimal requestedAmount, @Money BigDecimal approvedAmount, int approvals, Instant approvedAt) {
    }

    public record Rejected(UUID applicationId, UUID memberId, UUID organizationId, String programCode, int year,
                           Instant rejectedAt) {
    }

    /** For finance partners: one payout, exact to the fen. */
    public record Disbursed(UUID payoutId, UUID applicationId, UUID memberId, UUID organizationId, String programCode,
                            int year, @Money BigDecimal amount, String currency, Instant disbursedAt) {
    }
}
