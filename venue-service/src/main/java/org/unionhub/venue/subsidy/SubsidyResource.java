package org.unionhub.venue.subsidy;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.unionhub.platform.money.Amount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import org.unionhub.platform.identity.OrganizationPath;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.ListQuery;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.OrganizationView;
import org.unionhub.venue.access.VenueAccess;
import org.unionhub.platform.money.Money;
import org.unionhub.platform.time.BusinessClock;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations and subsidies", description = "考评奖补: annual evaluation of cultural palaces, yearly budgets, awards, construction subsidies, payment")
public class SubsidyResource {

    public record BudgetRequest(@NotNull @Min(2000) @Max(2100) Integer year,
                                @NotNull @Amount(min = "0.00") BigDecimal amount,
                                @NotNull UUID organizationId) {
    }

    public record BudgetResponse(UUID id, UUID organizationId, int year,
                                 @Money BigDecimal amount,
                                 @Money BigDecimal committed,
                                 @Money BigDecimal paid,
                                 @Money BigDecimal remaining) {
        static BudgetResponse of(SubsidyBudget b) {
            return new BudgetResponse(b.id, b.organizationId, b.year, b.amount, b.committed, b.paid, b.amount.subtract(b.committed));
        }
    }

    public record EvaluationRequest(@NotNull UUID venueId, @NotNull @Min(2000) @Max(2100) Integer year,
                                    @NotEmpty Map<String, BigDecimal> scores) {
    }

    public record EvaluationResponse(UUID id, UUID venueId, int year, Map<String, BigDecimal> scores,
                                     @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total, Grade grade,
                                     @Money BigDecimal awardAmount, UUID subsidyId,
                                     String evaluatedBy, Instant evaluatedAt) {
    }

    public record ConstructionRequest(@NotNull UUID venueId, @NotNull Subsidy.ConstructionKind kind,
                                      @NotNull @Amount BigDecimal requestedAmount,
                                      @NotBlank @Size(max = 4000) String description,
                                      @Min(2000) @Max(2100) Integer year) {
    }

    public record ApprovalRequest(@NotNull @Amount BigDecimal amount,
                                  @Size(max = 2000) String note) {
    }

    public record RejectionRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    public record PaymentRequest(@Size(max = 200) String paymentReference) {
    }

    public record StepResponse(Subsidy.Status status, String actor, Instant at,
                               @Money BigDecimal amount, String note) {
    }

    public record SubsidyResponse(UUID id, Subsidy.Kind kind, UUID venueId, UUID organizationId, int year,
                                  Subsidy.ConstructionKind constructionKind,
                                  @Money BigDecimal requestedAmount,
                                  @Money BigDecimal amount,
                                  Subsidy.Status status, String reason, UUID evaluationId, String paymentReference,
                                  List<StepResponse> steps) {
    }

    @Inject
    Subsidies subsidies;
    @Inject
    Access access;
    @Inject
    VenueAccess venueAccess;
    @Inject
    IdempotentPost idempotent;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;
    @Inject
    BusinessClock clock;

    @POST
    @Path("/subsidy-budgets")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Set an organization's subsidy budget for a year (roles: staff of a federation strictly above that organization, admin; "
            + "an organization does not set its own budget); a second budget for the same year is 409")
    public Response createBudget(@HeaderParam(IdempotentPost.HEADER) String idempotencyKey,
                                 @RequestBody(content = @Content(examples = @ExampleObject(name = "Anhui 2023", value = "{\"year\": 2023, \"amount\": \"1000000.00\", \"organizationId\": \"5e9a1c3d-7b2f-4e8a-9c6d-1f2e3a4b5c6d\"}")))
                                 @Valid @NotNull BudgetRequest r) {
        UUID org = r.organizationId();
        if (OrganizationView.findById(org) == null) {
            throw ProblemException.invalid("organizationId", "no organization " + org);
        }
        // a union that set its own budget would then fund the awards it may not give itself
        access.requireStrictlyAbove(org);
        return idempotent.run(idempotencyKey, "POST /api/v1/subsidy-budgets " + access.actor().subject(), r, () -> {
            SubsidyBudget b = subsidies.createBudget(org, r.year(), r.amount(), access.actor().subject());
            return Response.created(URI.create("/api/v1/subsidy-budgets/" + b.id)).entity(BudgetResponse.of(b)).build();
        });
    }

    @GET
    @Path("/subsidy-budgets/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.FINANCE, Roles.PARTNER})
    @Operation(summary = "A budget with what is committed, paid and remaining (roles: staff of its organization or above, admin, finance, partner)")
    public BudgetResponse budget(@PathParam("id") UUID id) {
        SubsidyBudget b = found(SubsidyBudget.findById(id), "subsidy budget", id);
        requireSeesMoneyOf(b.organizationId);
        return BudgetResponse.of(b);
    }

    @POST
    @Path("/evaluations")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Record a city or county cultural palace's annual evaluation (roles: staff of a federation above the venue, admin). "
            + "Grade EXCELLENT >= 90, GOOD >= 80, PASS >= 60, else FAIL; EXCELLENT and GOOD earn their configured subsidy from the year's budget "
            + "of the nearest federation strictly above the venue's organization (422 budget-exceeded when it does not suffice, 422 budget-not-above "
            + "when only the venue's own organization has one, 403 budget-outside-scope when that budget is above the caller's); one evaluation per venue and year (409)")
    public Response evaluate(@HeaderParam(IdempotentPost.HEADER) String idempotencyKey,
                             @RequestBody(content = @Content(examples = @ExampleObject(name = "excellent", value = """
                                     {"venueId": "3f0c2a9e-2d1b-4f7a-9a52-4b1c9f0d6e21", "year": 2023,
                                      "scores": {"SERVICE_DELIVERY": 28, "ACTIVITY_COUNT": 19, "VISITS": 18, "MANAGEMENT": 14, "SAFETY": 14}}""")))
                             @Valid @NotNull EvaluationRequest r) {
        return idempotent.run(idempotencyKey, "POST /api/v1/evaluations " + access.actor().subject(), r, () -> {
            Evaluation e = subsidies.evaluate(r.venueId(), r.year(), r.scores(), access.actor().subject(), access::requireStrictlyAbove,
                    venueAccess::requireSpend);
            return Response.created(URI.create("/api/v1/evaluations/" + e.id)).entity(response(e)).build();
        });
    }

    @GET
    @Path("/evaluations/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.FINANCE, Roles.PARTNER})
    @Operation(summary = "An evaluation (roles: staff of the venue's organization or above, admin, finance, partner)")
    public EvaluationResponse evaluation(@PathParam("id") UUID id) {
        Evaluation e = found(Evaluation.findById(id), "evaluation", id);
        requireSeesMoneyOf(org.unionhub.venue.site.Venues.require(e.venueId).organizationId);
        return response(e);
    }

    @POST
    @Path("/construction-subsidies")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Ask for a construction subsidy for a new, rebuilt or expanded venue (roles: staff of the venue's organization or above, admin); starts SUBMITTED")
    public Response submit(@HeaderParam(IdempotentPost.HEADER) String idempotencyKey,
                           @RequestBody(content = @Content(examples = @ExampleObject(name = "Feidong new palace", value = """
                                   {"venueId": "3f0c2a9e-2d1b-4f7a-9a52-4b1c9f0d6e21", "kind": "NEW", "requestedAmount": "500000.00",
                                    "description": "肥东县新建工人文化宫", "year": 2023}""")))
                           @Valid @NotNull ConstructionRequest r) {
        int year = r.year() != null ? r.year() : clock.year();
        return idempotent.run(idempotencyKey, "POST /api/v1/construction-subsidies " + access.actor().subject(), r, () -> {
            Subsidy s = subsidies.submitConstruction(r.venueId(), r.kind(), r.requestedAmount(), r.description(), year,
                    access.actor().subject(), access::requireStaffOver);
            return Response.created(URI.create("/api/v1/subsidies/" + s.id)).entity(response(s)).build();
        });
    }

    @POST
    @Path("/construction-subsidies/{id}/approval")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Approve a construction subsidy with an amount up to the request, from the year's budget of the nearest federation strictly above the venue's organization (roles: staff of a federation above the venue, admin); "
            + "422 budget-exceeded when the budget does not suffice, 422 budget-not-above when only the venue's own organization has one, "
            + "403 budget-outside-scope when that budget is above the caller's")
    public SubsidyResponse approve(@PathParam("id") UUID id,
                                   @RequestBody(content = @Content(examples = @ExampleObject(name = "approve", value = "{\"amount\": \"400000.00\", \"note\": \"按预算核定\"}")))
                                   @Valid @NotNull ApprovalRequest r) {
        return response(subsidies.approve(id, r.amount(), r.note(), access.actor().subject(), access::requireStrictlyAbove,
                venueAccess::requireSpend));
    }

    @POST
    @Path("/construction-subsidies/{id}/rejection")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Reject a construction subsidy with a reason (roles: staff of a federation above the venue, admin)")
    public SubsidyResponse reject(@PathParam("id") UUID id,
                                  @RequestBody(content = @Content(examples = @ExampleObject(name = "reject", value = "{\"reason\": \"材料不全\"}")))
                                  @Valid @NotNull RejectionRequest r) {
        return response(subsidies.reject(id, r.reason(), access.actor().subject(), access::requireStrictlyAbove));
    }

    @POST
    @Path("/subsidies/{id}/payment")
    @Transactional
    @RolesAllowed({Roles.FINANCE})
    @Operation(summary = "Record the payment of an awarded or approved subsidy (roles: finance, not the person who asked for or committed the money: 403); announces subsidy.paid")
    public SubsidyResponse pay(@PathParam("id") UUID id,
                               @RequestBody(content = @Content(examples = @ExampleObject(name = "paid", value = "{\"paymentReference\": \"FIN-2023-0042\"}")))
                               @Valid PaymentRequest r) {
        return response(subsidies.pay(id, r == null ? null : r.paymentReference(), access.actor().subject()));
    }

    @GET
    @Path("/subsidies/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.FINANCE, Roles.PARTNER})
    @Operation(summary = "A subsidy with every step, its actor and time (roles: staff of the venue's organization or above, admin, finance, partner)")
    public SubsidyResponse get(@PathParam("id") UUID id) {
        Subsidy s = found(Subsidy.findById(id), "subsidy", id);
        requireSeesMoneyOf(s.organizationId);
        return response(s);
    }

    @GET
    @Path("/subsidies")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.FINANCE, Roles.PARTNER})
    @Operation(summary = "Awards and construction subsidies with their payments, by year and organization subtree (roles: staff for their subtree, admin, finance, partner)")
    public Page<SubsidyResponse> list(@QueryParam("year") Integer year, @QueryParam("organizationId") UUID organizationId,
                                      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        UUID org = organizationId;
        boolean seesAll = access.actor().has(Roles.FINANCE) || access.actor().has(Roles.PARTNER) || access.actor().has(Roles.ADMIN);
        if (!seesAll) {
            if (org == null) {
                org = access.actor().orgId().orElseThrow(() -> ProblemException.forbidden("staff without an organization"));
            }
            access.requireStaffOver(org);
        }
        ListQuery<Subsidy> query = ListQuery.of(Subsidy.class, page).filter("year = :year", "year", year);
        if (org != null) {
            query.where("(organizationId = :org or organizationId in (select o.id from OrganizationView o where o.path like :orgPath))", "org", org)
                    .with("orgPath", OrganizationPath.subtreePattern(org));
        }
        List<Subsidy> rows = query.orderBy(ListQuery.Key.uuid("id")).fetch();
        return Page.of(rows, page.limit(), s -> PageRequest.encode(s.id), this::response);
    }

    private static <T> T found(T entity, String what, UUID id) {
        if (entity == null) {
            throw ProblemException.notFound(what, id);
        }
        return entity;
    }

    /** Finance and partners read every budget, evaluation and subsidy; staff those of their subtree. */
    private void requireSeesMoneyOf(UUID organizationId) {
        if (!access.actor().has(Roles.FINANCE) && !access.actor().has(Roles.PARTNER)) {
            access.requireStaffOver(organizationId);
        }
    }

    private SubsidyResponse response(Subsidy s) {
        List<StepResponse> steps = SubsidyStep.<SubsidyStep>list("subsidyId = ?1 order by id", s.id).stream()
                .map(st -> new StepResponse(st.status, st.actor, st.at, st.amount, st.note)).toList();
        return new SubsidyResponse(s.id, s.kind, s.venueId, s.organizationId, s.year, s.constructionKind, s.requestedAmount,
                s.amount, s.status, s.reason, s.evaluationId, s.paymentReference, steps);
    }

    private EvaluationResponse response(Evaluation e) {
        Map<String, BigDecimal> scores;
        try {
            scores = json.readValue(e.scores, new com.fasterxml.jackson.core.type.TypeReference<java.util.TreeMap<String, BigDecimal>>() {
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        return new EvaluationResponse(e.id, e.venueId, e.year, scores, e.total, e.grade, e.awardAmount, e.subsidyId,
                e.evaluatedBy, e.evaluatedAt);
    }
}
