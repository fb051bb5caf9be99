package org.unionhub.assistance.relief;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A relief campaign (专项帮扶 / 送温暖): one amount for every eligible member of a federation's subtree. */
@Entity
public class ReliefCampaign extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public UUID organizationId;
    public String organizationPath;
    public String programCode;
    public int year;
    public BigDecimal amountPerPerson;
    public String employmentForms;
    public boolean hardshipRequired;
    public String hardshipLevels;
    @Enumerated(EnumType.STRING)
    public CampaignStatus status;
    public Instant createdAt;
    public String createdBy;
    public UUID creatorOrg;
    public Instant approvedAt;
    public String approvedBy;
    public UUID approverOrg;
    public Integer eligibleCount;
    public Integer entitledCount;
    public BigDecimal committedTotal;
    public Integer skippedByCap;
    public Integer cutByFund;
    public BigDecimal uncommittedTotal;
    public Instant disbursedAt;
    public String disbursedBy;
    public Integer paidCount;
    public BigDecimal paidTotal;
    public Integer forfeitedCount;
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
