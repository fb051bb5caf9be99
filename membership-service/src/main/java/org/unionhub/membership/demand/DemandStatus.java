package org.unionhub.membership.demand;

import java.util.Set;

/**
 * {@code RECEIVED → ACCEPTED → IN_PROGRESS → RESOLVED | DECLINED}. A demand simple enough to settle at once may go
 * from ACCEPTED straight to RESOLVED, and one outside the union's remit may be declined without being accepted;
 * nothing leaves RESOLVED or DECLINED.
 */
public enum DemandStatus {
    RECEIVED, ACCEPTED, IN_PROGRESS, RESOLVED, DECLINED;

    public boolean isClosed() {
        return this == RESOLVED || this == DECLINED;
    }

    public Set<DemandStatus> next() {
        return switch (this) {
            case RECEIVED -> Set.of(ACCEPTED, DECLINED);
            case ACCEPTED -> Set.of(IN_PROGRESS, RESOLVED, DECLINED);
            case IN_PROGRESS -> Set.of(RESOLVED, DECLINED);
            case RESOLVED, DECLINED -> Set.of();
        };
    }

    public boolean canMoveTo(DemandStatus target) {
        return next().contains(target);
    }
}
