package org.unionhub.assistance.relief;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A relief campaign (专项帮扶 / 送温暖): one amount for every eligible member of a federation's subtree. */
@Entity
@Table(name = "relief_campaign")
public class ReliefCampaign extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "organization_path")
    public String organizationPath;
    @Column(name = "program_code")
    public String programCode;
    public int year;
    @Column(name = "amount_per_person")
    public BigDecimal amountPerPerson;
    @Column(name = "employment_forms")
    public String employmentForms;
    @Column(name = "hardship_required")
    public boolean hardshipRequired;
    @Column(name = "hardship_levels")
    public String hardshipLevels;
    @Enumerated(EnumType.STRING)
    public CampaignStatus status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "creator_org")
    public UUID creatorOrg;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approver_org")
    public UUID approverOrg;
    @Column(name = "eligible_count")
    public Integer eligibleCount;
    @Column(name = "entitled_count")
    public Integer entitledCount;
    @Column(name = "committed_total")
    public BigDecimal committedTotal;
    @Column(name = "skipped_by_cap")
    public Integer skippedByCap;
    @Column(name = "cut_by_fund")
    public Integer cutByFund;
    @Column(name = "uncommitted_total")
    public BigDecimal uncommittedTotal;
    @Column(name = "disbursed_at")
    public Instant disbursedAt;
    @Column(name = "disbursed_by")
    public String disbursedBy;
    @Column(name = "paid_count")
    public Integer paidCount;
    @Column(name = "paid_total")
    public BigDecimal paidTotal;
    @Column(name = "forfeited_count")
    public Integer forfeitedCount;
    @Column(name = "forfeited_total")
    public BigDecimal forfeitedTotal;
    @Version
    public int version;

    public List<String> employmentFormList() {
        return split(employmentForms);
    }

    public List<String> hardshipLevelList() {
        return split(hardshipLevels);
    }

    /** 409 with the current status unless the campaign is in the expected one. */
    public void requireStatus(CampaignStatus expected) {
        if (status != expected) {
            throw ProblemException.conflict("campaign-status", "the campaign is " + status + ", this needs " + expected)
                    .with("currentStatus", status.name());
        }
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }
}
