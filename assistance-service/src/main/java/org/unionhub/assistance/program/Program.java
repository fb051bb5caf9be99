package org.unionhub.assistance.program;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** An assistance program and its rules, held as data. */
@Entity
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
    public BigDecimal capPerPersonYear;
    public BigDecimal capPerApplication;
    public BigDecimal secondApprovalThreshold;
    public boolean requiresActiveMembership;
    public boolean requiresHardshipFile;
    public String requiredDetails;
    public String limitedByDetail;
    /** The ETag of the program: Hibernate checks and raises it on every change, so two edits never both win. */
    @Version
    public int version;
    public Instant updatedAt;
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
