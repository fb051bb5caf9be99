package org.unionhub.venue.site;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
public class Venue extends PanacheEntityBase {

    public enum Status { OPEN, CLOSED }

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public VenueKind kind;
    @Enumerated(EnumType.STRING)
    public VenueLevel level;
    public UUID parentVenueId;
    /** {@code /root/.../self/}, see {@link NetworkPath} */
    public String path;
    public UUID organizationId;
    public String address;
    /** WGS-84 */
    public double lat;
    public double lon;
    public BigDecimal areaSqm;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] amenities;
    /** the weekly schedule as JSON; {@code venue_open_interval} holds it as minutes of the week */
    public String openingHours;
    @Enumerated(EnumType.STRING)
    public OperatingModel operatingModel;
    public LocalDate openedOn;
    public boolean allowOverlappingActivities;
    @Enumerated(EnumType.STRING)
    public Status status;
    public LocalDate closedOn;
    public String closedReason;
    public String createdBy;
    public Instant createdAt;
    public String updatedBy;
    public Instant updatedAt;
    @Version
    public long version;
}
