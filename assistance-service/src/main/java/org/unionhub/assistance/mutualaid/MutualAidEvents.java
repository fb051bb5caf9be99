package org.unionhub.assistance.mutualaid;

import org.unionhub.platform.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public final class MutualAidEvents {

    private MutualAidEvents() {
    }

    public record Enrolled(UUID enrollmentId, UUID memberId, UUID organizationId, int year, LocalDate coveredFrom,
                           int daysCovered, @Money BigDecimal premium, Instant enrolledAt) {
    }
}
