package org.unionhub.assistance.program;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** An assistance program and its rules, held as data. */
@Entity
@Table(name = "program")
public class Program extends PanacheEntityBase {

    public static final String TARGETED_MEDICAL = "TARGETED_MEDICAL";
    public static final String DAILY_RELIEF = "DAILY_RELIEF";
    public static final String MUTUAL_AID = "MUTUAL_AID";
    public static final String SUPPLEMENTARY_MEDICAL = "SUPPLEMENTARY_MEDICAL";
    public static final String CRITICAL_ILLNESS_CHANNEL = "CRITICAL_ILLNESS_CHANNEL";
    public static final String QUALITY_LIFE = "QUALITY_LIFE";

    @Id
    public String code;
    public String name;
    public String description;
    public boolean money;
    @Column(name = "cap_per_person_year")
    public BigDecimal capPerPersonYear;
    @Column(name = "cap_per_application")
    public BigDecimal capPerApplication;
    @Column(name = "second_approval_threshold")
    public BigDecimal secondApprovalThreshold;
    @Column(name = "requires_active_membership")
    public boolean requiresActiveMembership;
    @Column(name = "requires_hardship_file")
    public boolean requiresHardshipFile;
    @Column(name = "required_details")
    public String requiredDetails;
    @Column(name = "limited_by_detail")
    public String limitedByDetail;
    /** The ETag of the program: Hibernate checks and raises it on every change, so two edits never both win. */
    @Version
    public int version;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    public List<String> requiredDetailKeys() {
        if (requiredDetails == null || requiredDetails.isBlank()) {
            return List.of();
        }
        return Arrays.stream(requiredDetails.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public ProgramRules rules() {
        return new ProgramRules(code, money, capPerPersonYear, capPerApplication, secondApprovalThreshold,
                requiresActiveMembership, requiresHardshipFile, requiredDetailKeys(), limitedByDetail);
    }
}
