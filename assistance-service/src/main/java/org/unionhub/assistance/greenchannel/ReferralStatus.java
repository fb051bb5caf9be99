package org.unionhub.assistance.greenchannel;

import org.unionhub.platform.problem.ProblemException;

/** REFERRED → ADMITTED → CLOSED; a referral may also close without admission (the member declined). */
public enum ReferralStatus {
    REFERRED, ADMITTED, CLOSED;

    public ReferralStatus next(ReferralStatus to) {
        boolean ok = (this == REFERRED && (to == ADMITTED || to == CLOSED)) || (this == ADMITTED && to == CLOSED);
        if (!ok) {
            throw ProblemException.conflict("invalid-state", "a referral that is " + this + " cannot become " + to)
                    .with("currentStatus", name());
        }
        return to;
    }
}
