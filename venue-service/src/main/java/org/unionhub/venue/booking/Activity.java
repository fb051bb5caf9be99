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
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    public enum Status { SCHEDULED, CANCELLED }

    @Id
    public UUID id;
    @Column(name = "venue_id")
    public UUID venueId;
    public String title;
    public String description;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    public int capacity;
    @Column(name = "members_only")
    public boolean membersOnly;
    @Column(name = "booking_opens_at")
    public Instant bookingOpensAt;
    @Column(name = "booking_closes_at")
    public Instant bookingClosesAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
