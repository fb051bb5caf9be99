package org.unionhub.venue.booking;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.Cursor;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.venue.site.Venue;
import org.unionhub.venue.site.Venues;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/v1/venues")
@Tag(name = "Activities", description = "Activities at venues")
public class ActivityResource {

    public record CreateActivity(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description,
                                 @NotNull Instant startsAt, @NotNull Instant endsAt,
                                 @NotNull @Min(1) @Max(100_000) Integer capacity, Boolean membersOnly,
                                 Instant bookingOpensAt, Instant bookingClosesAt) {
    }

    public record ActivityResponse(UUID id, UUID venueId, String title, String description, Instant startsAt, Instant endsAt,
                                   int capacity, boolean membersOnly, Instant bookingOpensAt, Instant bookingClosesAt,
                                   Activity.Status status, long confirmed, long waitlisted) {
    }

    @Inject
    Activities activities;
    @Inject
    Bookings bookings;
    @Inject
    Access access;
    @Inject
    IdempotentPost idempotent;
    @Inject
    BusinessClock clock;

    @POST
    @Path("/{id}/activities")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Schedule an activity at a venue (roles: staff of the venue's organization or above, admin); overlapping activities only where the venue allows them (else 409)")
    public Response create(@PathParam("id") UUID venueId, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey,
                           @RequestBody(content = @Content(examples = @ExampleObject(name = "legal clinic", value = """
                                   {"title": "外卖骑手法律咨询日", "description": "工会律师现场答疑", "startsAt": "2023-03-01T06:00:00Z",
                                    "endsAt": "2023-03-01T08:00:00Z", "capacity": 10, "membersOnly": true,
                                    "bookingOpensAt": "2023-02-20T00:00:00Z", "bookingClosesAt": "2023-03-01T05:00:00Z"}""")))
                           @Valid @NotNull CreateActivity r) {
        Venue v = Venues.require(venueId);
        access.requireStaffOver(v.organizationId);
        return idempotent.run(idempotencyKey, "POST /api/v1/venues/" + venueId + "/activities " + access.actor().subject(), r, () -> {
            Activity a = activities.schedule(venueId, new Activities.NewActivity(r.title(), r.description(), r.startsAt(), r.endsAt(),
                    r.capacity(), Boolean.TRUE.equals(r.membersOnly()), r.bookingOpensAt(), r.bookingClosesAt()), access.actor().subject());
            return Response.created(URI.create("/api/v1/activities/" + a.id)).entity(response(a)).build();
        });
    }

    @GET
    @Path("/{id}/activities")
    @PermitAll
    @Operation(summary = "A venue's activities starting from a time (default now), earliest first (public, no token)")
    public Page<ActivityResponse> list(@PathParam("id") UUID venueId, @QueryParam("from") Instant from,
                                       @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Venues.require(venueId);
        PageRequest page = PageRequest.of(limit, cursor);
        Instant start = from == null ? clock.now() : from;
        List<Activity> rows;
        if (page.first()) {
            rows = Activity.find("venueId = ?1 and startsAt >= ?2 order by startsAt, id", venueId, start).range(0, page.limit()).list();
        } else {
            Cursor after = page.cursor(2);
            rows = Activity.find("venueId = ?1 and startsAt >= ?2 and (startsAt > ?3 or (startsAt = ?3 and id > ?4)) order by startsAt, id",
                    venueId, start, after.instant(0), after.uuid(1)).range(0, page.limit()).list();
        }
        return Page.of(rows, page.limit(), a -> PageRequest.encode(a.startsAt, a.id), this::response);
    }

    private ActivityResponse response(Activity a) {
        return response(a, bookings);
    }

    static ActivityResponse response(Activity a, Bookings bookings) {
        return new ActivityResponse(a.id, a.venueId, a.title, a.description, a.startsAt, a.endsAt, a.capacity, a.membersOnly,
                a.bookingOpensAt, a.bookingClosesAt, a.status, bookings.confirmedSeats(a.id),
                Booking.count("activityId = ?1 and status = ?2", a.id, Booking.Status.WAITLISTED));
    }
}
