package org.unionhub.assistance.application;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An application for aid and the actor and time of each of its steps. */
@Entity
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID memberId;
    public UUID organizationId;
    public String organizationPath;
    public String programCode;
    public int year;
    public BigDecimal requestedAmount;
    public BigDecimal approvedAmount;
    public BigDecimal secondApprovalThreshold;
    public String reason;
    public String details;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;
    public Instant submittedAt;
    public String submittedBy;
    public Instant firstApprovedAt;
    public String firstApprovedBy;
    public UUID firstApproverOrg;
    public Instant secondApprovedAt;
    public String secondApprovedBy;
    public UUID secondApproverOrg;
    public Instant rejectedAt;
    public String rejectedBy;
    public String rejectionReason;
    public Instant disbursedAt;
    public String disbursedBy;
    @Version
    public int version;

    void requireStatus(ApplicationStatus... allowed) {
        for (ApplicationStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw ProblemException.conflict("invalid-state", "application " + id + " is " + status)
                .with("currentStatus", status.name());
    }
}
