package org.unionhub.venue.booking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase {

    public enum Status {
        CONFIRMED, WAITLISTED, CANCELLED, ATTENDED, NO_SHOW;

        public boolean isLive() {
            return this == CONFIRMED || this == WAITLISTED;
        }
    }

    @Id
    public UUID id;
    @Column(name = "activity_id")
    public UUID activityId;
    @Column(name = "member_id")
    public UUID memberId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "waitlist_seq")
    public Long waitlistSeq;
    @Column(name = "booked_at")
    public Instant bookedAt;
    @Column(name = "booked_by")
    public String bookedBy;
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "cancelled_by")
    public String cancelledBy;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "attended_at")
    public Instant attendedAt;
    @Column(name = "no_show_at")
    public Instant noShowAt;
    @Version
    public long version;
}
