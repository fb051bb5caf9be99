package org.unionhub.venue.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.unionhub.venue.geo.CoordSystem;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The request and response bodies of the venue endpoints. */
public final class VenueBodies {

    private VenueBodies() {
    }

    public static final String CREATE_EXAMPLE = """
            {"name": "西丽街道职工服务中心", "kind": "SERVICE_CENTER", "level": "STREET",
             "parentVenueId": null, "organizationId": "8a1f6c1e-2b0c-4c53-9d57-0d1f7f3e9a10",
             "address": "深圳市南山区西丽街道留仙大道", "location": {"lat": 22.5826, "lon": 113.9505},
             "areaSqm": 1000.00, "amenities": ["DRINKING_WATER", "CHARGING", "TEA_BAR", "LEGAL_AID"],
             "openingHours": {"MONDAY": [{"opens": "09:00", "closes": "21:00"}], "SATURDAY": [{"opens": "10:00", "closes": "18:00"}]},
             "operatingModel": "SOCIALIZED", "openedOn": "2022-11-20", "allowOverlappingActivities": false}""";

    @Schema(description = "A point; its datum is the request's coordSystem (default WGS84)")
    public record LocationBody(@NotNull @Schema(example = "22.5826") Double lat, @NotNull @Schema(example = "113.9505") Double lon) {
    }

    public record CreateVenue(
            @NotBlank @Size(max = 200) String name,
            @NotNull VenueKind kind,
            @NotNull VenueLevel level,
            UUID parentVenueId,
            @NotNull UUID organizationId,
            @NotBlank @Size(max = 500) String address,
            @NotNull @Valid LocationBody location,
            @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal areaSqm,
            List<@NotNull Amenity> amenities,
            @NotNull Map<DayOfWeek, List<OpeningHours.Period>> openingHours,
            @NotNull OperatingModel operatingModel,
            LocalDate openedOn,
            Boolean allowOverlappingActivities) {
    }

    /** Only the fields given change; {@code detachFromParent} makes a venue the root of its own network. */
    public record PatchVenue(
            @Size(min = 1, max = 200) String name,
            VenueKind kind,
            VenueLevel level,
            UUID parentVenueId,
            Boolean detachFromParent,
            UUID organizationId,
            @Size(min = 1, max = 500) String address,
            @Valid LocationBody location,
            @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal areaSqm,
            List<@NotNull Amenity> amenities,
            Map<DayOfWeek, List<OpeningHours.Period>> openingHours,
            OperatingModel operatingModel,
            LocalDate openedOn,
            Boolean allowOverlappingActivities) {
    }

    public record CloseVenue(LocalDate closedOn, @NotBlank @Size(max = 500) String reason) {
    }

    public record Location(double lat, double lon, CoordSystem coordSystem) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VenueResponse(UUID id, String name, VenueKind kind, VenueLevel level, UUID parentVenueId,
                                UUID organizationId, String address, Location location, BigDecimal areaSqm,
                                List<Amenity> amenities, Map<DayOfWeek, List<OpeningHours.Period>> openingHours,
                                OperatingModel operatingModel, LocalDate openedOn, boolean allowOverlappingActivities,
                                Venue.Status status, LocalDate closedOn, boolean openNow, Long distanceMeters) {
    }

    public record NetworkNode(UUID id, String name, VenueKind kind, VenueLevel level, Venue.Status status,
                              List<NetworkNode> children) {
    }

    public record NetworkResponse(NetworkNode root, Map<VenueLevel, Integer> countsByLevel, int total) {
    }
}
