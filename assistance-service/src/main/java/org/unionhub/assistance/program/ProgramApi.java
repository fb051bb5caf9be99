package org.unionhub.assistance.program;

import org.unionhub.platform.param.InputBounds;
import org.unionhub.platform.money.Amount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** The request and response bodies of the program endpoints. */
public final class ProgramApi {

    private ProgramApi() {
    }

    public record ProgramView(String code, String name, String description, boolean money,
                              @Schema(example = "30000.00") BigDecimal capPerPersonYear,
                              @Schema(example = "30000.00") BigDecimal capPerApplication,
                              @Schema(example = "10000.00") BigDecimal secondApprovalThreshold,
                              boolean requiresActiveMembership, boolean requiresHardshipFile,
                              List<String> requiredDetails, String limitedByDetail, int version) {

        static ProgramView of(Program p) {
            return new ProgramView(p.code, p.name, p.description, p.money, p.capPerPersonYear, p.capPerApplication,
                    p.secondApprovalThreshold, p.requiresActiveMembership, p.requiresHardshipFile,
                    p.requiredDetailKeys(), p.limitedByDetail, p.version);
        }
    }

    /** Creating a program, or replacing its rules (the code never changes). */
    public record ProgramRequest(
            @Schema(example = "WINTER_WARMTH") @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be UPPER_SNAKE, 2 to 40 characters") String code,
            @NotBlank @Size(max = 200) @Schema(example = "冬季送温暖") String name,
            @Size(max = 2000) String description,
            @NotNull Boolean money,
            @Amount(min = "0.00") @Schema(example = "5000.00") BigDecimal capPerPersonYear,
            @Amount(min = "0.00") @Schema(example = "2000.00") BigDecimal capPerApplication,
            @Amount(min = "0.00") @Schema(example = "1000.00") BigDecimal secondApprovalThreshold,
            Boolean requiresActiveMembership,
            Boolean requiresHardshipFile,
            List<@Pattern(regexp = "[A-Za-z][A-Za-z0-9]{0,39}", message = "must be a camelCase key") String> requiredDetails,
            @Pattern(regexp = "[A-Za-z][A-Za-z0-9]{0,39}", message = "must be a camelCase key") String limitedByDetail) {
    }

    public record FundRequest(@NotNull @Min(InputBounds.MIN_YEAR) @Max(InputBounds.MAX_YEAR) @Schema(example = "2026") Integer year,
                              @NotNull @Amount(min = "0.00") @Schema(example = "1000000.00") BigDecimal amount) {
    }

    public record FundView(String programCode, int year, BigDecimal amount, BigDecimal reserved, BigDecimal remaining) {
        static FundView of(ProgramFund f) {
            return new FundView(f.id.programCode, f.id.year, f.amount, f.reserved, f.amount.subtract(f.reserved));
        }
    }
}
