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
public class Activity extends PanacheEntityBase {

    public enum Status { SCHEDULED, CANCELLED }

    @Id
    public UUID id;
    public UUID venueId;
    public String title;
    public String description;
    public Instant startsAt;
    public Instant endsAt;
    public int capacity;
    public boolean membersOnly;
    public Instant bookingOpensAt;
    public Instant bookingClosesAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String createdBy;
    public Instant createdAt;
    @Version
    public long version;
}
