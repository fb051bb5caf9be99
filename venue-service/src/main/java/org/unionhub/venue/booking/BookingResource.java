package org.unionhub.venue.booking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.Cursor;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.venue.access.VenueAccess;
import org.unionhub.venue.site.Venue;
import org.unionhub.venue.site.Venues;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/v1")
@Tag(name = "Bookings", description = "Members' bookings of activities, with a waitlist")
public class BookingResource {

    public record BookRequest(@NotNull UUID memberId) {
    }

    public record BookingResponse(UUID id, UUID activityId, UUID memberId, Booking.Status status, Integer waitlistPosition,
                                  Instant bookedAt, Instant confirmedAt, Instant cancelledAt, String cancelReason) {
    }

    /** One line of the app's "me" view. */
    public record MemberBookingItem(UUID bookingId, UUID activityId, String activityTitle, UUID venueId, String venueName,
                                    Instant startsAt, Instant endsAt, Booking.Status status, Integer waitlistPosition) {
    }

    /** One row of a member's bookings: the booking, its activity and the activity's venue. */
    private record BookedAt(Booking booking, Activity activity, Venue venue) {
    }

    @Inject
    Bookings bookings;
    @Inject
    Access access;
    @Inject
    VenueAccess venueAccess;
    @Inject
    IdempotentPost idempotent;
    @Inject
    EntityManager em;
    @Inject
    BusinessClock clock;

    @POST
    @Path("/activities/{id}/bookings")
    @Transactional
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Book a seat (roles: the member himself; staff whose subtree holds the member, for him at any venue; admin). "
            + "CONFIRMED while seats remain, else WAITLISTED with a position; members-only activities need an active member (422); "
            + "one booking per member and activity (409); bans after no-shows and the future-booking cap are 422")
    public Response book(@PathParam("id") UUID activityId, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey,
                         @RequestBody(content = @Content(examples = @ExampleObject(name = "for myself",
                                 value = "{\"memberId\": \"5b6f3a2c-1e0d-4c8b-9f7a-2d3e4f5a6b7c\"}")))
                         @Valid @NotNull BookRequest r) {
        Bookings.requireActivity(activityId);
        // staff act for the members of their subtree, not for whoever walks into their venue: a booking fills the
        // member's cap, can get him banned after no-shows, and a members-only refusal tells his membership status
        venueAccess.requireBookingFor(r.memberId());
        return idempotent.run(idempotencyKey, "POST /api/v1/activities/" + activityId + "/bookings " + access.actor().subject(), r, () -> {
            Booking b = bookings.book(activityId, r.memberId(), access.actor().subject(), clock.now());
            return Response.created(URI.create("/api/v1/bookings/" + b.id)).entity(response(b)).build();
        });
    }

    @GET
    @Path("/activities/{id}")
    @jakarta.annotation.security.PermitAll
    @Operation(summary = "An activity with its confirmed and waitlisted counts (public, no token)")
    public ActivityResource.ActivityResponse activity(@PathParam("id") UUID id) {
        return ActivityResource.response(Bookings.requireActivity(id), bookings);
    }

    @GET
    @Path("/bookings/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A booking with its waitlist position (roles: the member himself, staff of the venue's organization or above, admin)")
    public BookingResponse get(@PathParam("id") UUID id) {
        Booking b = Bookings.requireBooking(id);
        requireOwnerOrVenueStaff(b);
        return response(b);
    }

    @DELETE
    @Path("/bookings/{id}")
    @Transactional
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Cancel a booking (roles: the member himself, staff of the venue's organization or above, admin); the first of the waitlist is promoted at once")
    public BookingResponse cancel(@PathParam("id") UUID id) {
        Booking b = Bookings.requireBooking(id);
        requireOwnerOrVenueStaff(b);
        return response(bookings.cancel(id, access.actor().isSelf(b.memberId) ? "BY_MEMBER" : "BY_STAFF", access.actor().subject(), clock.now()));
    }

    @GET
    @Path("/members/{memberId}/bookings")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A member's bookings with activity title, venue name, start and status, soonest first; upcoming=true keeps live bookings "
            + "of activities not yet started (roles: the member himself, staff whose subtree holds him, admin)")
    public Page<MemberBookingItem> ofMember(@PathParam("memberId") UUID memberId,
                                            @QueryParam("upcoming") @DefaultValue("false") boolean upcoming,
                                            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        access.requireReadMember(memberId);
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder jpql = new StringBuilder("SELECT b, a, v FROM Booking b, Activity a, Venue v "
                + "WHERE b.activityId = a.id AND a.venueId = v.id AND b.memberId = :member");
        if (upcoming) {
            jpql.append(" AND a.startsAt > :now AND b.status IN (:live)");
        }
        Cursor after = page.first() ? null : page.cursor(2);
        if (after != null) {
            jpql.append(" AND (a.startsAt > :afterStart OR (a.startsAt = :afterStart AND b.id > :afterId))");
        }
        jpql.append(" ORDER BY a.startsAt, b.id");
        var q = em.createQuery(jpql.toString(), Tuple.class).setParameter("member", memberId).setMaxResults(page.limit() + 1);
        if (upcoming) {
            q.setParameter("now", clock.now()).setParameter("live", List.of(Booking.Status.CONFIRMED, Booking.Status.WAITLISTED));
        }
        if (after != null) {
            q.setParameter("afterStart", after.instant(0)).setParameter("afterId", after.uuid(1));
        }
        List<BookedAt> rows = q.getResultList().stream()
                .map(t -> new BookedAt(t.get(0, Booking.class), t.get(1, Activity.class), t.get(2, Venue.class))).toList();
        return Page.of(rows, page.limit(), r -> PageRequest.encode(r.activity().startsAt, r.booking().id), r ->
                new MemberBookingItem(r.booking().id, r.activity().id, r.activity().title, r.venue().id, r.venue().name,
                        r.activity().startsAt, r.activity().endsAt, r.booking().status, bookings.waitlistPosition(r.booking())));
    }

    private void requireOwnerOrVenueStaff(Booking b) {
        if (access.actsAsSelf(b.memberId)) {
            return;
        }
        Activity a = Bookings.requireActivity(b.activityId);
        if (!access.covers(Venues.require(a.venueId).organizationId)) {
            throw ProblemException.forbidden("a member may act only on his own bookings");
        }
    }

    private BookingResponse response(Booking b) {
        return new BookingResponse(b.id, b.activityId, b.memberId, b.status, bookings.waitlistPosition(b), b.bookedAt,
                b.confirmedAt, b.cancelledAt, b.cancelReason);
    }
}
