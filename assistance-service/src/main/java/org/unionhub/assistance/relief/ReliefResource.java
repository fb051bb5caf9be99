package org.unionhub.assistance.relief;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.paging.ListQuery;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.problem.ProblemException;

import java.util.List;
import java.util.UUID;

import static org.unionhub.assistance.relief.ReliefApi.*;

@Path("/api/v1/relief-campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Relief campaigns", description = "专项帮扶 / 送温暖: one amount to every eligible member of a federation's subtree; "
        + "define, preview, approve (second person, higher federation), disburse once")
public class ReliefResource {

    private static final String CAMPAIGN_EXAMPLE = """
            {"id":"3f0c2a4e-8d1b-4c7e-9a55-1b2c3d4e5f60","name":"抗疫一线职工帮扶","organizationId":"a41c2b7e-0c55-4f1e-8b8e-6f0d2a9c7e11",
             "programCode":"DAILY_RELIEF","year":2026,"amountPerPerson":33.96,
             "eligibility":{"employmentForms":[],"hardshipFileRequired":false,"hardshipLevels":[]},"status":"COMMITTED",
             "eligible":10000,"entitled":10000,"committedTotal":339600.00,"cutByCap":0,"cutByFund":0,"uncommittedTotal":0.00,
             "paid":null,"paidTotal":null,"forfeited":null,"forfeitedTotal":null,
             "steps":[{"step":"DEFINED","actor":"staff-wang","at":"2026-02-10T02:00:00Z","organizationId":"a41c2b7e-0c55-4f1e-8b8e-6f0d2a9c7e11"},
                      {"step":"APPROVED","actor":"staff-zhao","at":"2026-02-10T03:00:00Z","organizationId":"5e0b7c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}]}""";

    @Inject
    ReliefCampaigns campaigns;
    @Inject
    ReliefAccess access;
    @Inject
    IdempotentPost idempotent;

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Define a relief campaign for a federation's subtree (roles: staff of the federation or above, admin); "
            + "nothing is committed until a second person of a higher federation approves it",
            description = "Eligible: ACTIVE members of the organization's subtree (member projection), optionally only some "
                    + "employment forms, only members with an open hardship file, only some hardship levels. The amount per "
                    + "person counts against the program's yearly cap per member and the program's fund of the year.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "epidemic relief, 33.96 yuan each", value = """
            {"name":"抗疫一线职工帮扶","organizationId":"a41c2b7e-0c55-4f1e-8b8e-6f0d2a9c7e11","programCode":"DAILY_RELIEF",
             "year":2026,"amountPerPerson":"33.96",
             "eligibility":{"employmentForms":["TRUCK_DRIVER","COURIER"],"hardshipFileRequired":false,"hardshipLevels":[]}}""")))
    @APIResponse(responseCode = "201", description = "the campaign, DRAFT",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "defined", value = CAMPAIGN_EXAMPLE)))
    public Response define(@Valid @NotNull DefineRequest request, @HeaderParam(IdempotentPost.HEADER) String key) {
        return idempotent.created(key, "POST /api/v1/relief-campaigns " + access.actor().subject(), request,
                () -> campaigns.define(request), view -> "/api/v1/relief-campaigns/" + view.id());
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.FINANCE})
    @Transactional
    @Operation(summary = "Campaigns, newest first (roles: staff see their subtree's, finance and admin all)")
    public Page<CampaignSummary> list(@QueryParam("status") CampaignStatus status, @QueryParam("year") Integer year,
                                      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<ReliefCampaign> rows = ListQuery.of(ReliefCampaign.class, page)
                .within("organizationPath", access.listScope())
                .filter("status = :status", "status", status)
                .filter("year = :year", "year", year)
                .orderBy(ListQuery.Key.instant("createdAt").descending(), ListQuery.Key.uuid("id").descending())
                .fetch();
        return Page.of(rows, page.limit(), c -> PageRequest.encode(c.createdAt, c.id), ReliefCampaigns::summary);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.FINANCE})
    @Transactional
    @Operation(summary = "A campaign with its figures: eligible, entitled, committed, cut by cap or fund, paid, forfeited "
            + "(roles: staff of its organization or above, finance, admin)")
    @APIResponse(responseCode = "200", description = "the campaign",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "committed", value = CAMPAIGN_EXAMPLE)))
    public CampaignView get(@PathParam("id") UUID id) {
        return campaigns.get(id);
    }

    @GET
    @Path("/{id}/preview")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.FINANCE})
    @Transactional
    @Operation(summary = "What approving a DRAFT campaign now would commit: eligible members, total, how many the yearly caps "
            + "and the fund would cut; nothing is written (roles: staff of its organization or above, finance, admin)")
    @APIResponse(responseCode = "200", description = "the preview", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "a fund that holds 9,000 of 10,000", value = """
                    {"campaignId":"3f0c2a4e-8d1b-4c7e-9a55-1b2c3d4e5f60","eligible":10000,"amountPerPerson":33.96,
                     "eligibleTotal":339600.00,"cutByCap":12,"cutByFund":988,"wouldCommit":9000,"wouldCommitTotal":305640.00,
                     "uncommittedTotal":33960.00,"fundRemaining":305650.00,"fundRemainingAfter":10.00}""")))
    public PreviewView preview(@PathParam("id") UUID id) {
        return campaigns.preview(id);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Transactional
    @TransactionConfiguration(timeout = 600) // tens of thousands of members in one transaction, not the default 60 s
    @Operation(summary = "Approve a DRAFT campaign and commit its entitlements in bulk (roles: staff of a federation above "
            + "the creator's organization, never the creator; admin)",
            description = "Each member's entitlement counts against his yearly cap and the fund under the same locks as an "
                    + "application's approval; members without room are SKIPPED with the reason (CAP_EXCEEDED, "
                    + "OVERALL_CAP_EXCEEDED, FUND_EXHAUSTED). The fund is never overspent: the campaign commits what it holds.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "approve", value = "{}")))
    @Consumes(MediaType.WILDCARD) // no body needed: a bare POST is authorised (401/403) before any media-type check
    public CampaignView approve(@PathParam("id") UUID id) {
        return campaigns.approve(id);
    }

    @POST
    @Path("/{id}/disburse")
    @RolesAllowed({Roles.FINANCE})
    @Transactional
    @TransactionConfiguration(timeout = 600) // one outbox event per payout: ten thousand rows in one transaction
    @Operation(summary = "Pay a COMMITTED campaign in one batch, each entitlement once (role: finance); members no longer "
            + "ACTIVE are not paid and their amount returns to the fund; a second call is 409")
    @Consumes(MediaType.WILDCARD) // no body: a bare POST is authorised (401/403) before any media-type check
    public CampaignView disburse(@PathParam("id") UUID id) {
        return campaigns.disburse(id);
    }

    @GET
    @Path("/{id}/entitlements")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.FINANCE})
    @Transactional
    @Operation(summary = "The campaign's members by member id: COMMITTED, PAID (with payoutId), FORFEITED or SKIPPED with "
            + "the reason (roles: staff of its organization or above, finance, admin)")
    @APIResponse(responseCode = "200", description = "a page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = """
                    {"items":[{"id":"9d1e…","memberId":"0a1b…","organizationId":"c2d3…","amount":33.96,"status":"PAID",
                     "reason":null,"payoutId":"e4f5…","paidAt":"2026-02-11T01:00:00Z"}],"nextCursor":"…"}""")))
    public Page<EntitlementView> entitlements(@PathParam("id") UUID id, @QueryParam("status") String status,
                                              @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        if (status != null && !List.of("COMMITTED", "PAID", "FORFEITED", "SKIPPED").contains(status)) {
            throw ProblemException.invalid("status", "must be one of COMMITTED, PAID, FORFEITED, SKIPPED");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        UUID after = page.first() ? null : page.cursor(1).uuid(0);
        List<EntitlementView> rows = campaigns.entitlements(id, status, after, page.limit() + 1);
        return Page.of(rows, page.limit(), e -> PageRequest.encode(e.memberId()), e -> e);
    }
}
