package org.unionhub.assistance.hardship;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A hardship household's file (困难职工档案), reviewed yearly, closed when the hardship ends. */
@Entity
public class HardshipFile extends PanacheEntityBase {

    public enum Level { GENERAL, SERIOUS, EXTREME }

    public enum Cause { ILLNESS, DISABILITY, UNEMPLOYMENT, DISASTER, EDUCATION_COSTS, ACCIDENT, LOW_INCOME, OTHER }

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    @Id
    public UUID id;
    public UUID memberId;
    public UUID organizationId;
    public String organizationPath;
    public int householdSize;
    public BigDecimal monthlyHouseholdIncome;
    public String causes;
    public String level;
    public String status;
    public Instant openedAt;
    public String openedBy;
    public Instant reviewedAt;
    public String reviewedBy;
    public LocalDate nextReviewOn;
    public Instant closedAt;
    public String closedBy;
    public String closeReason;
    @Version
    public int version;

    public List<String> causeList() {
        return causes == null || causes.isBlank() ? List.of() : Arrays.asList(causes.split(","));
    }
}
