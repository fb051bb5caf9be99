package org.unionhub.assistance.application;

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
import java.util.UUID;

/** An application for aid and the actor and time of each of its steps. */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "organization_path")
    public String organizationPath;
    @Column(name = "program_code")
    public String programCode;
    public int year;
    @Column(name = "requested_amount")
    public BigDecimal requestedAmount;
    @Column(name = "approved_amount")
    public BigDecimal approvedAmount;
    @Column(name = "second_approval_threshold")
    public BigDecimal secondApprovalThreshold;
    public String reason;
    public String details;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "first_approved_at")
    public Instant firstApprovedAt;
    @Column(name = "first_approved_by")
    public String firstApprovedBy;
    @Column(name = "first_approver_org")
    public UUID firstApproverOrg;
    @Column(name = "second_approved_at")
    public Instant secondApprovedAt;
    @Column(name = "second_approved_by")
    public String secondApprovedBy;
    @Column(name = "second_approver_org")
    public UUID secondApproverOrg;
    @Column(name = "rejected_at")
    public Instant rejectedAt;
    @Column(name = "rejected_by")
    public String rejectedBy;
    @Column(name = "rejection_reason")
    public String rejectionReason;
    @Column(name = "disbursed_at")
    public Instant disbursedAt;
    @Column(name = "disbursed_by")
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
