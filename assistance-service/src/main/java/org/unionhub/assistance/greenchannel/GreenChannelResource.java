package org.unionhub.assistance.greenchannel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;

import java.net.URI;
import java.util.UUID;

import static org.unionhub.assistance.greenchannel.GreenChannelApi.*;

@Path("/api/v1/green-channel")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Green channel", description = "重疾绿色通道: covered critical diseases, top hospitals, referrals REFERRED → ADMITTED → CLOSED")
public class GreenChannelResource {

    @Inject
    GreenChannel greenChannel;
    @Inject
    Actor actor;
    @Inject
    IdempotentPost idempotent;

    @GET
    @Path("/diseases")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN, Roles.PARTNER})
    @Transactional
    @Operation(summary = "The critical diseases the green channel covers (roles: member, staff, admin, partner)")
    public Page<Disease> diseases(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return greenChannel.diseases(PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/diseases")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Add or rename a covered disease (role: admin; the catalogue is national, no organization's staff change it)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "leukemia", value = "{\"code\":\"LEUKEMIA\",\"name\":\"白血病\",\"category\":\"HEMATOLOGY\"}")))
    public Response addDisease(@Valid @NotNull Disease d) {
        Disease loaded = greenChannel.addDisease(d);
        return Response.created(URI.create("/api/v1/green-channel/diseases/" + loaded.code())).entity(loaded).build();
    }

    @GET
    @Path("/hospitals")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN, Roles.PARTNER})
    @Transactional
    @Operation(summary = "The top (三甲) hospitals of the green channel, optionally of one province (roles: member, staff, admin, partner)")
    public Page<Hospital> hospitals(@QueryParam("province") String province, @QueryParam("limit") Integer limit,
                                    @QueryParam("cursor") String cursor) {
        return greenChannel.hospitals(province, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/hospitals")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Add a hospital to the green channel (role: admin; the catalogue is national)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Qilu", value = "{\"name\":\"山东大学齐鲁医院\",\"province\":\"山东\",\"city\":\"济南\",\"grade\":\"三甲\"}")))
    public Response addHospital(@Valid @NotNull Hospital h) {
        Hospital created = greenChannel.addHospital(h);
        return Response.created(URI.create("/api/v1/green-channel/hospitals/" + created.id())).entity(created).build();
    }

    @POST
    @Path("/referrals")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Refer an active member with a listed disease to a listed hospital (roles: the member himself, staff of his subtree)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "referral", value = """
            {"memberId":"5b1f9a5e-3c1d-4a57-9a61-2f4b8c0d1e23","diseaseCode":"LEUKEMIA","hospitalId":"7c1e0f5a-0001-4000-8000-000000000005"}""")))
    public Response refer(@Valid @NotNull ReferralRequest r, @HeaderParam(IdempotentPost.HEADER) String key) {
        return idempotent.created(key, "POST /api/v1/green-channel/referrals " + actor.subject(), r,
                () -> greenChannel.refer(r), view -> "/api/v1/green-channel/referrals/" + view.id());
    }

    @GET
    @Path("/referrals/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "One referral (roles: the member himself, staff of his subtree)")
    public ReferralView get(@PathParam("id") UUID id) {
        return greenChannel.get(id);
    }

    @POST
    @Path("/referrals/{id}/admit")
    @Consumes(MediaType.WILDCARD) // no body: a call without Content-Type is not a 415
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "The hospital admitted the referred member (roles: staff of his subtree)")
    public ReferralView admit(@PathParam("id") UUID id) {
        return greenChannel.move(id, ReferralStatus.ADMITTED, null);
    }

    @POST
    @Path("/referrals/{id}/close")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Close a referral with its outcome (roles: staff of his subtree)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "discharged", value = "{\"outcome\":\"治疗完成出院\"}")))
    public ReferralView close(@PathParam("id") UUID id, @Valid CloseRequest r) {
        return greenChannel.move(id, ReferralStatus.CLOSED, r == null ? null : r.outcome());
    }
}
