package org.unionhub.assistance.relief;

import org.unionhub.platform.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What relief campaigns tell other systems on {@code assistance.v1}, all keyed by the campaign id: the payouts of one
 * campaign and its closing summary share a partition, so a partner sees every {@code relief.paid} before the
 * {@code campaign.disbursed} that counts them. One event per payout rather than one list: a list of ten thousand
 * members would pass Kafka's default 1 MB record limit, and a finance partner books payouts one by one (by
 * {@code payoutId}), as it does for applications.
 */
public final class ReliefEvents {

    public static final String TOPIC = "assistance.v1";

    private ReliefEvents() {
    }

    public record CampaignApproved(UUID campaignId, UUID organizationId, String programCode, int year,
                                   @Money BigDecimal amountPerPerson, int eligible, int entitled, @Money BigDecimal committedTotal,
                                   int cutByCap, int cutByFund, Instant approvedAt) {
    }

    /** One member paid, exact to the fen: book each {@code payoutId} once. */
    public record ReliefPaid(UUID payoutId, UUID entitlementId, UUID campaignId, UUID memberId, UUID organizationId,
                             String programCode, int year, @Money BigDecimal amount, String currency, Instant paidAt) {
    }

    /** The campaign's payment is complete: how many were paid and how much, and who was not (left before). */
    public record CampaignDisbursed(UUID campaignId, UUID organizationId, String programCode, int year, int paid,
                                    @Money BigDecimal paidTotal, int forfeited, @Money BigDecimal forfeitedTotal, String currency,
                                    Instant disbursedAt) {
    }
}
