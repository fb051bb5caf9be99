package org.unionhub.assistance.mutualaid;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public final class MutualAidEvents {

    private MutualAidEvents() {
    }

    public record Enrolled(UUID enrollmentId, UUID memberId, UUID organizationId, int year, LocalDate coveredFrom,
                           int daysCovered, BigDecimal premium, Instant enrolledAt) {
    }
}
