package org.unionhub.membership.organization;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.unionhub.membership.member.EmploymentForm;
import org.unionhub.platform.http.ETags;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.OrganizationScope;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.Cursor;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.problem.ProblemException;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "The union tree: federations, joint unions, grassroots unions")
public class OrganizationResource {

    static final String CREATE_EXAMPLE = "{\"name\":\"绥中县大货车行业联合工会\",\"type\":\"INDUSTRY_JOINT\","
            + "\"parentId\":\"6f1c2d3e-0000-4000-8000-000000000001\",\"regionCode\":\"211421\",\"creditCode\":\"81211421MC0000001X\"}";

    public record CreateRequest(@NotBlank @Size(max = 200) String name, @NotNull OrganizationType type, UUID parentId,
                                @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit administrative division code") String regionCode,
                                String creditCode) {
    }

    public record UpdateRequest(@NotBlank @Size(max = 200) String name,
                                @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit administrative division code") String regionCode,
                                String creditCode) {
    }

    public record OrganizationResponse(UUID id, String name, OrganizationType type, UUID parentId, List<UUID> ancestors,
                                       String regionCode, String creditCode, Instant createdAt, Instant updatedAt) {
        static OrganizationResponse of(Organization o) {
            return new OrganizationResponse(o.id, o.name, o.type, o.parentId, o.ancestors(), o.regionCode, o.creditCode,
                    o.createdAt, o.updatedAt);
        }
    }

    @Inject
    Organizations organizations;
    @Inject
    OrganizationStats stats;
    @Inject
    IdempotentPost idempotent;
    @Inject
    Actor actor;
    @Inject
    OrganizationScope scope;

    @POST
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Found an organization (roles: staff under the parent's subtree, admin; only an admin founds a provincial federation)",
            description = "A parent must exist and sit higher; a grassroots union has no children; creditCode, when given, "
                    + "is a valid GB 32100 code and unique. Publishes organization.created.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "industry joint union", value = CREATE_EXAMPLE)))
    public Response create(@HeaderParam(IdempotentPost.HEADER) String idempotencyKey, @Valid @NotNull CreateRequest request) {
        return idempotent.run(idempotencyKey, "POST /api/v1/organizations " + actor.subject(), request, () -> {
            Organization o = organizations.create(request.name(), request.type(), request.parentId(), request.regionCode(),
                    request.creditCode(), actor.subject());
            return Response.created(URI.create("/api/v1/organizations/" + o.id)).tag(etag(o))
                    .entity(OrganizationResponse.of(o)).build();
        });
    }

    @PUT
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Rename an organization or correct its region or credit code (roles: staff of its subtree, admin)",
            description = "Send If-Match with the ETag you read; a stale one is 412. Publishes organization.updated.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rename",
            value = "{\"name\":\"绥中县大货车行业联合工会\",\"regionCode\":\"211421\"}")))
    public Response update(@PathParam("id") UUID id, @HeaderParam(ETags.IF_MATCH) String ifMatch, @Valid @NotNull UpdateRequest request) {
        Organization o = organizations.update(id, ETags.expected(ifMatch), request.name(), request.regionCode(), request.creditCode());
        Organization.getEntityManager().flush();
        return Response.ok(OrganizationResponse.of(o)).tag(etag(o)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.PARTNER, Roles.MEMBER})
    @Operation(summary = "An organization (roles: member, staff, admin, partner)")
    public Response get(@PathParam("id") UUID id) {
        Organization o = Organizations.require(id);
        return Response.ok(OrganizationResponse.of(o)).tag(etag(o)).build();
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Search organizations by parent, type and name (roles: staff, admin, partner)",
            description = "Paged by name: ?limit= (default 20, max 200) and ?cursor= from nextCursor.")
    public Page<OrganizationResponse> list(@QueryParam("parentId") UUID parentId, @QueryParam("type") OrganizationType type,
                                           @QueryParam("q") String q, @QueryParam("limit") Integer limit,
                                           @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (parentId != null) {
            where.add("parentId = :parent");
            params.and("parent", parentId);
        }
        if (type != null) {
            where.add("type = :type");
            params.and("type", type);
        }
        if (q != null && !q.isBlank()) {
            where.add("lower(name) like :q");
            params.and("q", "%" + q.trim().toLowerCase() + "%");
        }
        if (!page.first()) {
            Cursor after = page.cursor(2);
            where.add("(name > :afterName or (name = :afterName and id > :afterId))");
            params.and("afterName", after.text(0)).and("afterId", after.uuid(1));
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        List<Organization> rows = Organization.find(query, Sort.by("name").and("id"), params)
                .page(0, page.limit() + 1).list();
        return Page.of(rows, page.limit(), o -> PageRequest.encode(o.name, o.id), OrganizationResponse::of);
    }

    @GET
    @Path("/{id}/children")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "The direct children of an organization, by name (roles: staff, admin, partner)")
    public Page<OrganizationResponse> children(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                               @QueryParam("cursor") String cursor) {
        Organizations.require(id);
        return list(id, null, null, limit, cursor);
    }

    @GET
    @Path("/{id}/stats")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Active members of the organization and all its descendants, by employment form, and benefit cards issued "
            + "(roles: staff of the subtree, admin, partner)")
    public OrganizationStats.Stats stats(@PathParam("id") UUID id) {
        Organization o = Organizations.require(id);
        // partners read figures system-wide; a token that also carries staff is held to its subtree (adding a role never widens)
        if (actor.has(Roles.STAFF) || !actor.has(Roles.PARTNER)) {
            scope.require(id);
        }
        return stats.of(o, Arrays.stream(EmploymentForm.values()).map(Enum::name).toList());
    }

    private static jakarta.ws.rs.core.EntityTag etag(Organization o) {
        return ETags.tag(o.version);
    }
}
