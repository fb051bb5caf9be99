package org.unionhub.venue.checkin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.venue.site.Venue;
import org.unionhub.venue.site.Venues;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

@Path("/api/v1/venues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Check-ins and visits", description = "人次: visits recorded at venues and summed over networks")
public class CheckinResource {

    /** {@code at} lets staff enter a paper register afterwards; a member checks in now. */
    public record CheckinRequest(UUID memberId, @Min(1) @Max(10_000) Integer count, Instant at) {
    }

    public record CheckinResponse(UUID id, UUID venueId, UUID memberId, int count, Instant occurredAt, UUID attendedBookingId) {
    }

    @Inject
    Checkins checkins;
    @Inject
    VisitStats stats;
    @Inject
    Access access;
    @Inject
    IdempotentPost idempotent;
    @Inject
    BusinessClock clock;

    @POST
    @Path("/{id}/checkins")
    @Transactional
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Record a visit: a named member (roles: the member himself, or staff of the venue's organization or above) "
            + "or an anonymous head count (roles: staff, admin); a booked member's check-in marks the booking ATTENDED")
    public Response checkin(@PathParam("id") UUID venueId, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey,
                            @RequestBody(content = @Content(examples = {
                                    @ExampleObject(name = "a member", value = "{\"memberId\": \"5b6f3a2c-1e0d-4c8b-9f7a-2d3e4f5a6b7c\"}"),
                                    @ExampleObject(name = "a group of riders", value = "{\"count\": 12}"),
                                    @ExampleObject(name = "staff entering a register", value = "{\"count\": 35, \"at\": \"2022-11-20T06:00:00Z\"}")}))
                            @Valid @NotNull CheckinRequest r) {
        Venue v = Venues.require(venueId);
        boolean staff = access.covers(v.organizationId);
        if (r.memberId() != null && r.count() != null && r.count() != 1) {
            throw ProblemException.invalid("count", "a named member's check-in counts one; give either memberId or count");
        }
        if (r.memberId() == null && r.count() == null) {
            throw ProblemException.invalid("memberId", "give a memberId or an anonymous count");
        }
        if (!staff && (r.memberId() == null || !access.actsAsSelf(r.memberId()))) {
            throw ProblemException.forbidden("a member may check in only himself; head counts are for the venue's staff");
        }
        Instant now = clock.now();
        if (r.at() != null && !staff) {
            throw ProblemException.forbidden("only staff may record a visit at another time");
        }
        if (r.at() != null && r.at().isAfter(now.plusSeconds(300))) {
            throw ProblemException.invalid("at", "must not be in the future");
        }
        return idempotent.run(idempotencyKey, "POST /api/v1/venues/" + venueId + "/checkins " + access.actor().subject(), r, () -> {
            Checkin c = checkins.record(venueId, r.memberId(), r.memberId() != null ? 1 : r.count(), r.at() == null ? now : r.at(),
                    access.actor().subject());
            return Response.created(URI.create("/api/v1/venues/" + venueId + "/checkins/" + c.id))
                    .entity(new CheckinResponse(c.id, venueId, c.memberId, c.headCount, c.occurredAt, c.bookingId)).build();
        });
    }

    @GET
    @Path("/{id}/stats")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Visits of one venue per day or month between two dates, inclusive, in the business calendar (China Standard Time) (roles: staff of the venue's organization or above, admin, partner)")
    public VisitStats.VenueStats venueStats(@PathParam("id") UUID venueId,
                                            @Parameter(example = "2022-11-20") @QueryParam("from") LocalDate from,
                                            @Parameter(example = "2023-01-31") @QueryParam("to") LocalDate to,
                                            @Parameter(example = "month") @QueryParam("groupBy") @DefaultValue("day") String groupBy) {
        Venue v = readable(venueId);
        VisitStats.GroupBy g;
        try {
            g = VisitStats.GroupBy.valueOf(groupBy.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("groupBy", "must be day or month");
        }
        LocalDate end = endOr(to);
        return stats.venue(v.id, startOr(from, end), end, g);
    }

    @GET
    @Path("/{id}/network/stats")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Visits summed over a venue and its whole network between two dates, inclusive, with totals per level and venue (roles: staff of the venue's organization or above, admin, partner)")
    public VisitStats.NetworkStats networkStats(@PathParam("id") UUID venueId,
                                                @Parameter(example = "2022-11-20") @QueryParam("from") LocalDate from,
                                                @Parameter(example = "2023-01-31") @QueryParam("to") LocalDate to) {
        Venue v = readable(venueId);
        LocalDate end = endOr(to);
        return stats.network(v.id, v.path, startOr(from, end), end);
    }

    /** Without {@code to}: up to today in the business calendar. */
    private LocalDate endOr(LocalDate to) {
        return to == null ? clock.today() : to;
    }

    /** Without {@code from}: the thirty days before the end. */
    private static LocalDate startOr(LocalDate from, LocalDate end) {
        return from == null ? end.minusDays(30) : from;
    }

    private Venue readable(UUID venueId) {
        Venue v = Venues.require(venueId);
        if (!access.actor().has(Roles.PARTNER)) {
            access.requireStaffOver(v.organizationId);
        }
        return v;
    }
}
