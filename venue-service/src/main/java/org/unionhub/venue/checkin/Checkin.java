package org.unionhub.venue.checkin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "checkin")
public class Checkin extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "venue_id")
    public UUID venueId;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "head_count")
    public int headCount;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
