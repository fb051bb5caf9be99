package org.unionhub.venue.booking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
public class Booking extends PanacheEntityBase {

    public enum Status {
        CONFIRMED, WAITLISTED, CANCELLED, ATTENDED, NO_SHOW;

        public boolean isLive() {
            return this == CONFIRMED || this == WAITLISTED;
        }
    }

    @Id
    public UUID id;
    public UUID activityId;
    public UUID memberId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Long waitlistSeq;
    public Instant bookedAt;
    public String bookedBy;
    public Instant confirmedAt;
    public Instant cancelledAt;
    public String cancelledBy;
    public String cancelReason;
    public Instant attendedAt;
    public Instant noShowAt;
    @Version
    public long version;
}
