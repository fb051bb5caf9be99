package org.unionhub.venue.site;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.unionhub.platform.http.ETags;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.ListQuery;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.venue.access.VenueAccess;
import org.unionhub.venue.geo.CoordSystem;
import org.unionhub.venue.geo.LatLon;
import org.unionhub.venue.site.VenueBodies.CloseVenue;
import org.unionhub.venue.site.VenueBodies.CreateVenue;
import org.unionhub.venue.site.VenueBodies.NetworkResponse;
import org.unionhub.venue.site.VenueBodies.PatchVenue;
import org.unionhub.venue.site.VenueBodies.VenueResponse;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Path("/api/v1/venues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Venues", description = "服务阵地: venues, their networks and nearby search")
public class VenueResource {

    static final double MAX_RADIUS_KM = 50;

    @Inject
    Venues venues;
    @Inject
    VenueSearch search;
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
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Open a venue (roles: staff of the venue's organization or above, admin); location in coordSystem, stored as WGS-84; "
            + "a parentVenueId must name an existing venue (400) whose organization the caller covers too (403)")
    public Response create(@HeaderParam(IdempotentPost.HEADER) String idempotencyKey,
                           @QueryParam("coordSystem") @DefaultValue("WGS84") CoordSystem coordSystem,
                           @RequestBody(content = @Content(examples = @ExampleObject(name = "street centre", value = VenueBodies.CREATE_EXAMPLE)))
                           @Valid @NotNull CreateVenue request) {
        access.requireStaffOver(request.organizationId());
        return idempotent.run(idempotencyKey, "POST /api/v1/venues " + access.actor().subject(), request, () -> {
            Venue v = venues.create(request, coordSystem, access.actor().subject(), venueAccess::requireParentInScope);
            return Response.created(URI.create("/api/v1/venues/" + v.id)).tag(ETags.weakTag(v.version))
                    .entity(venues.response(v, coordSystem, null, clock.now())).build();
        });
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A venue's details (public, no token); location in coordSystem (default WGS84)")
    public Response get(@PathParam("id") UUID id, @QueryParam("coordSystem") @DefaultValue("WGS84") CoordSystem coordSystem) {
        Venue v = Venues.require(id);
        return Response.ok(venues.response(v, coordSystem, null, clock.now())).tag(ETags.weakTag(v.version)).build();
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Change a venue (roles: staff of the venue's organization or above, admin); If-Match with the ETag refuses stale edits (412); a parent that lies below the venue is refused (409), a parent outside the caller's subtree too (403)")
    public Response patch(@PathParam("id") UUID id, @HeaderParam(ETags.IF_MATCH) String ifMatch,
                          @QueryParam("coordSystem") @DefaultValue("WGS84") CoordSystem coordSystem,
                          @RequestBody(content = @Content(examples = @ExampleObject(name = "new parent and amenities",
                                  value = "{\"parentVenueId\": \"3f0c2a9e-2d1b-4f7a-9a52-4b1c9f0d6e21\", \"amenities\": [\"DRINKING_WATER\", \"CHARGING\"]}")))
                          @Valid @NotNull PatchVenue request) {
        Venue v = venues.update(id, request, ETags.expected(ifMatch), coordSystem, access.actor().subject(), access::requireStaffOver,
                venueAccess::requireParentInScope);
        em.flush();
        return Response.ok(venues.response(v, coordSystem, null, clock.now())).tag(ETags.weakTag(v.version)).build();
    }

    @POST
    @Path("/{id}/closure")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Close a venue (roles: staff of the venue's organization or above, admin); announces venue.closed")
    public Response close(@PathParam("id") UUID id,
                          @RequestBody(content = @Content(examples = @ExampleObject(name = "moved", value = "{\"closedOn\": \"2023-06-30\", \"reason\": \"迁址\"}")))
                          @Valid @NotNull CloseVenue request) {
        Venue v = venues.close(id, request, access.actor().subject(), access::requireStaffOver);
        em.flush();
        return Response.ok(venues.response(v, CoordSystem.WGS84, null, clock.now())).tag(ETags.weakTag(v.version)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "Nearby search or list (public, no token). With near=lat,lon: open venues within radiusKm (default 3, max 50), "
            + "nearest first, each with distanceMeters; filters kind, amenity, openNow (China Standard Time). Without near: venues by organizationId, kind and amenity (each item says openNow). "
            + "near and the answer's locations are in coordSystem (WGS84, GCJ02 or BD09)")
    public Page<VenueResponse> list(
            @Parameter(description = "lat,lon", example = "22.5826,113.9505") @QueryParam("near") String near,
            @Parameter(example = "3") @QueryParam("radiusKm") Double radiusKm,
            @Parameter(example = "SERVICE_CENTER") @QueryParam("kind") VenueKind kind,
            @Parameter(example = "DRINKING_WATER") @QueryParam("amenity") Amenity amenity,
            @QueryParam("openNow") @DefaultValue("false") boolean openNow,
            @QueryParam("organizationId") UUID organizationId,
            @QueryParam("coordSystem") @DefaultValue("WGS84") CoordSystem coordSystem,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        Instant now = clock.now();
        if (near != null) {
            double km = radiusKm == null ? 3 : radiusKm;
            if (!(km > 0 && km <= MAX_RADIUS_KM)) {
                throw ProblemException.invalid("radiusKm", "must be more than 0 and at most " + MAX_RADIUS_KM);
            }
            LatLon at = coordSystem.toWgs84(LatLon.parse("near", near));
            List<VenueSearch.Hit> hits = search.nearby(at, km * 1000, new VenueSearch.Filter(
                    kind == null ? null : kind.name(), amenity == null ? null : amenity.name(), openNow, now), page);
            Map<UUID, Venue> byId = load(hits.stream().map(VenueSearch.Hit::id).toList());
            return Page.of(hits, page.limit(), VenueSearch::cursor,
                    h -> venues.response(byId.get(h.id()), coordSystem, Math.round(h.distanceMeters()), now));
        }
        if (radiusKm != null) {
            throw ProblemException.invalid("near", "is required with radiusKm");
        }
        List<Venue> rows = ListQuery.of(Venue.class, page)
                .filter("organizationId = :org", "org", organizationId)
                .filter("kind = :kind", "kind", kind)
                .filter("array_contains(amenities, :amenity)", "amenity", amenity == null ? null : amenity.name())
                .orderBy(ListQuery.Key.uuid("id"))
                .fetch();
        return Page.of(rows, page.limit(), v -> PageRequest.encode(v.id), v -> venues.response(v, coordSystem, null, now));
    }

    @GET
    @Path("/{id}/network")
    @PermitAll
    @Operation(summary = "The network below a venue (e.g. \"1+8+N\") as a tree, with counts per level (public, no token)")
    public NetworkResponse network(@PathParam("id") UUID id) {
        Venue root = Venues.require(id);
        List<Venue> subtree = em.createQuery("FROM Venue v WHERE v.path LIKE :p", Venue.class)
                .setParameter("p", root.path + "%").getResultList();
        return NetworkTree.build(id, subtree.stream()
                .map(v -> new NetworkTree.Row(v.id, v.parentVenueId, v.name, v.kind, v.level, v.status)).toList());
    }

    private Map<UUID, Venue> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("FROM Venue v WHERE v.id IN :ids", Venue.class).setParameter("ids", ids).getResultList()
                .stream().collect(Collectors.toMap(v -> v.id, Function.identity()));
    }
}
