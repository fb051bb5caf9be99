package org.unionhub.assistance.relief;

import org.unionhub.platform.money.Amount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.unionhub.assistance.hardship.HardshipFile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of relief campaigns; amounts are yuan with two decimals. */
public final class ReliefApi {

    private ReliefApi() {
    }

    /** 就业形态, as membership-service publishes it in the member snapshot. */
    public enum EmploymentForm { EMPLOYEE, COURIER, FOOD_DELIVERY, RIDE_HAILING, TRUCK_DRIVER, DOMESTIC_SERVICE, OTHER_FLEXIBLE }

    /**
     * Who besides "an ACTIVE member of the organization's subtree" is eligible. Empty lists mean any; hardship levels
     * imply an open hardship file.
     */
    public record Eligibility(List<EmploymentForm> employmentForms, Boolean hardshipFileRequired,
                              List<HardshipFile.Level> hardshipLevels) {
    }

    public record DefineRequest(@NotBlank @Size(max = 200) String name, @NotNull UUID organizationId,
                                @NotBlank String programCode, Integer year,
                                @NotNull @Amount BigDecimal amountPerPerson,
                                Eligibility eligibility) {
    }

    public record Step(String step, String actor, Instant at, UUID organizationId) {
    }

    /** The campaign and, once committed and paid, its figures: the report of one campaign. */
    public record CampaignView(UUID id, String name, UUID organizationId, String programCode, int year,
                               BigDecimal amountPerPerson, Eligibility eligibility, CampaignStatus status,
                               Integer eligible, Integer entitled, BigDecimal committedTotal, Integer cutByCap,
                               Integer cutByFund, BigDecimal uncommittedTotal, Integer paid, BigDecimal paidTotal,
                               Integer forfeited, BigDecimal forfeitedTotal, List<Step> steps) {
    }

    public record CampaignSummary(UUID id, String name, UUID organizationId, String programCode, int year,
                                  BigDecimal amountPerPerson, CampaignStatus status, Integer entitled,
                                  BigDecimal committedTotal, Instant createdAt) {
    }

    /**
     * What approving now would commit; nothing is written.
     *
     * @param cutByCap        members whose yearly cap (of the program, or the overall one) has no room left for the amount
     * @param cutByFund       members who fit their caps but for whom the fund would hold no more
     * @param fundRemaining   what the fund holds now; null when the program has no fund for the year
     */
    public record PreviewView(UUID campaignId, int eligible, BigDecimal amountPerPerson, BigDecimal eligibleTotal,
                              int cutByCap, int cutByFund, int wouldCommit, BigDecimal wouldCommitTotal,
                              BigDecimal uncommittedTotal, BigDecimal fundRemaining, BigDecimal fundRemainingAfter) {
    }

    /** One member of a campaign: COMMITTED, PAID, FORFEITED or SKIPPED (with the reason). */
    public record EntitlementView(UUID id, UUID memberId, UUID organizationId, BigDecimal amount, String status,
                                  String reason, UUID payoutId, Instant paidAt) {
    }

    public record MemberReliefItem(UUID entitlementId, UUID campaignId, String campaignName, String programCode,
                                   BigDecimal amount, String status, String reason, Instant paidAt) {
    }

    /** A member's relief in a year: received (paid), pending (committed, not yet paid), and each entitlement. */
    public record MemberRelief(UUID memberId, int year, BigDecimal received, BigDecimal pending, List<MemberReliefItem> items) {
    }
}
