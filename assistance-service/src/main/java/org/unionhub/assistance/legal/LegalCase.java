package org.unionhub.assistance.legal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A legal-aid case (法律援助): a consultation or a dispute a union lawyer takes on. */
@Entity
public class LegalCase extends PanacheEntityBase {

    public enum Kind { CONSULTATION, WAGE_ARREARS, CONTRACT, INJURY }

    public static final String OPEN = "OPEN";
    public static final String ASSIGNED = "ASSIGNED";
    public static final String CLOSED = "CLOSED";

    @Id
    public UUID id;
    public UUID memberId;
    public String organizationPath;
    public String kind;
    public BigDecimal claimedAmount;
    public String description;
    public String status;
    public String lawyer;
    public String outcome;
    public BigDecimal recoveredAmount;
    public Instant openedAt;
    public String openedBy;
    public Instant assignedAt;
    public String assignedBy;
    public Instant closedAt;
    public String closedBy;

    void requireNotClosed() {
        if (CLOSED.equals(status)) {
            throw ProblemException.conflict("invalid-state", "legal case " + id + " is closed").with("currentStatus", status);
        }
    }
}
