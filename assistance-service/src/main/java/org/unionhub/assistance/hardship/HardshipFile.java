package org.unionhub.assistance.hardship;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A hardship household's file (困难职工档案), reviewed yearly, closed when the hardship ends. */
@Entity
@Table(name = "hardship_file")
public class HardshipFile extends PanacheEntityBase {

    public enum Level { GENERAL, SERIOUS, EXTREME }

    public enum Cause { ILLNESS, DISABILITY, UNEMPLOYMENT, DISASTER, EDUCATION_COSTS, ACCIDENT, LOW_INCOME, OTHER }

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    @Id
    public UUID id;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "organization_path")
    public String organizationPath;
    @Column(name = "household_size")
    public int householdSize;
    @Column(name = "monthly_household_income")
    public BigDecimal monthlyHouseholdIncome;
    public String causes;
    public String level;
    public String status;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "opened_by")
    public String openedBy;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "next_review_on")
    public LocalDate nextReviewOn;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_by")
    public String closedBy;
    @Column(name = "close_reason")
    public String closeReason;
    @Version
    public int version;

    public List<String> causeList() {
        return causes == null || causes.isBlank() ? List.of() : Arrays.asList(causes.split(","));
    }
}
