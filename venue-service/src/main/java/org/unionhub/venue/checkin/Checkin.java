package org.unionhub.venue.checkin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

@Entity
public class Checkin extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID venueId;
    public UUID memberId;
    public int headCount;
    public Instant occurredAt;
    public UUID bookingId;
    public String recordedBy;
    public Instant recordedAt;
}
