package org.unionhub.assistance.program;

import org.unionhub.assistance.ledger.Amounts;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The rules of one program, as plain data the use cases check a request against. */
public record ProgramRules(String code, boolean money, BigDecimal capPerPersonYear, BigDecimal capPerApplication,
                           BigDecimal secondApprovalThreshold, boolean requiresActiveMembership,
                           boolean requiresHardshipFile, List<String> requiredDetails, String limitedByDetail) {

    /** Checks what an application asks for against the rules that need no database. */
    public void checkRequest(BigDecimal requested, Map<String, Object> details) {
        if (!money) {
            throw ProblemException.rule("not-a-money-program", code + " gives services, not money: no application for an amount");
        }
        for (String key : requiredDetails) {
            Object v = details == null ? null : details.get(key);
            if (v == null || v.toString().isBlank()) {
                throw ProblemException.invalid("details." + key, "is required by program " + code);
            }
        }
        if (capPerApplication != null && requested.compareTo(capPerApplication) > 0) {
            throw ProblemException.rule("cap-exceeded", "requested " + requested + " is above the cap of "
                    + capPerApplication + " per application of " + code).with("cap", capPerApplication);
        }
        if (limitedByDetail != null && details != null && details.get(limitedByDetail) != null) {
            BigDecimal limit;
            try {
                limit = Amounts.exact("details." + limitedByDetail, new BigDecimal(details.get(limitedByDetail).toString()));
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("details." + limitedByDetail, "must be an amount in yuan");
            }
            if (requested.compareTo(limit) > 0) {
                throw ProblemException.rule("exceeds-cost", "requested " + requested + " is above the stated "
                        + limitedByDetail + " of " + limit + ": aid never exceeds the cost");
            }
        }
    }

    /** True when this approved amount needs a second approval one level up. */
    public static boolean needsSecondApproval(BigDecimal threshold, BigDecimal approved) {
        return threshold != null && approved.compareTo(threshold) > 0;
    }
}
