package org.unionhub.venue.venue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "venue")
public class Venue extends PanacheEntityBase {

    public enum Status { OPEN, CLOSED }

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public VenueKind kind;
    @Enumerated(EnumType.STRING)
    public VenueLevel level;
    @Column(name = "parent_venue_id")
    public UUID parentVenueId;
    /** {@code /root/.../self/}, see {@link NetworkPath} */
    public String path;
    @Column(name = "organization_id")
    public UUID organizationId;
    public String address;
    /** WGS-84 */
    public double lat;
    public double lon;
    @Column(name = "area_sqm")
    public BigDecimal areaSqm;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] amenities;
    /** the weekly schedule as JSON; {@code venue_open_interval} holds it as minutes of the week */
    @Column(name = "opening_hours")
    public String openingHours;
    @Enumerated(EnumType.STRING)
    @Column(name = "operating_model")
    public OperatingModel operatingModel;
    @Column(name = "opened_on")
    public LocalDate openedOn;
    @Column(name = "allow_overlapping_activities")
    public boolean allowOverlappingActivities;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Column(name = "closed_reason")
    public String closedReason;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
