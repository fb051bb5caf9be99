package org.unionhub.assistance.application;

import org.unionhub.platform.identity.OrganizationPath;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.OrganizationView;

import java.util.UUID;

/**
 * Who may approve: never the person who submitted; a second approval comes from someone else
 * again, of an organization above the first approver's (county → city → province).
 */
public final class FourEyes {

    private FourEyes() {
    }

    public static void firstApproval(String approver, String submitter) {
        if (approver.equals(submitter)) {
            throw new ProblemException(403, "four-eyes", "Forbidden",
                    "the person who submitted an application never approves it");
        }
    }

    /**
     * @param approverOrgPath the path of the second approver's organization's view of the first
     *                        approver's organization: the first approver's org path must contain the
     *                        second approver's org, and the two must differ
     */
    public static void secondApproval(String approver, String submitter, String firstApprover,
                                      UUID approverOrg, UUID firstApproverOrg, String firstApproverOrgPath, boolean admin) {
        firstApproval(approver, submitter);
        if (approver.equals(firstApprover)) {
            throw new ProblemException(403, "four-eyes", "Forbidden",
                    "the second approval must come from another person than the first");
        }
        if (admin) {
            return;
        }
        boolean above = approverOrg != null && firstApproverOrg != null && !approverOrg.equals(firstApproverOrg)
                && OrganizationPath.isWithin(firstApproverOrgPath, approverOrg);
        if (!above) {
            throw new ProblemException(403, "next-level-required", "Forbidden",
                    "amounts above the program's threshold need a second approval by staff of an organization above the first approver's");
        }
    }

    public static String pathOf(UUID organizationId) {
        OrganizationView v = organizationId == null ? null : OrganizationView.findById(organizationId);
        return v == null ? null : v.path;
    }
}
