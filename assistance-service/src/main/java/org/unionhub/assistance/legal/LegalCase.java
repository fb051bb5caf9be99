package org.unionhub.assistance.legal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A legal-aid case (法律援助): a consultation or a dispute a union lawyer takes on. */
@Entity
@Table(name = "legal_case")
public class LegalCase extends PanacheEntityBase {

    public enum Kind { CONSULTATION, WAGE_ARREARS, CONTRACT, INJURY }

    public static final String OPEN = "OPEN";
    public static final String ASSIGNED = "ASSIGNED";
    public static final String CLOSED = "CLOSED";

    @Id
    public UUID id;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "organization_path")
    public String organizationPath;
    public String kind;
    @Column(name = "claimed_amount")
    public BigDecimal claimedAmount;
    public String description;
    public String status;
    public String lawyer;
    public String outcome;
    @Column(name = "recovered_amount")
    public BigDecimal recoveredAmount;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "opened_by")
    public String openedBy;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Column(name = "assigned_by")
    public String assignedBy;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_by")
    public String closedBy;

    void requireNotClosed() {
        if (CLOSED.equals(status)) {
            throw ProblemException.conflict("invalid-state", "legal case " + id + " is closed").with("currentStatus", status);
        }
    }
}
