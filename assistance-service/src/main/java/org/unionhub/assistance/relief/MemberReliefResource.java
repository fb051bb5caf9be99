package org.unionhub.assistance.relief;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.platform.identity.Roles;

import java.util.UUID;

/** The member's side of relief campaigns: what the "me" view shows as relief received. */
@Path("/api/v1/members/{memberId}/relief")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Relief campaigns")
public class MemberReliefResource {

    @Inject
    ReliefCampaigns campaigns;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "A member's relief from campaigns in a year: received (paid), pending (approved, not yet paid), "
            + "each entitlement (roles: the member himself, staff of his subtree, admin); year defaults to this year")
    @APIResponse(responseCode = "200", description = "the member's relief", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "paid once", value = """
                    {"memberId":"5b1f9a5e-3c1d-4a57-9a61-2f4b8c0d1e23","year":2026,"received":33.96,"pending":0.00,
                     "items":[{"entitlementId":"9d1e…","campaignId":"3f0c2a4e-8d1b-4c7e-9a55-1b2c3d4e5f60","campaignName":"抗疫一线职工帮扶",
                     "programCode":"DAILY_RELIEF","amount":33.96,"status":"PAID","reason":null,"paidAt":"2026-02-11T01:00:00Z"}]}""")))
    public ReliefApi.MemberRelief relief(@PathParam("memberId") UUID memberId, @QueryParam("year") Integer year) {
        return campaigns.memberRelief(memberId, year);
    }
}
