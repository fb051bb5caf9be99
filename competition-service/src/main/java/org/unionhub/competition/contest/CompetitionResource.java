package org.unionhub.competition.contest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.unionhub.platform.paging.ListQuery;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/competitions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Competitions", description = "Skills competitions (竞赛): definition and status")
public class CompetitionResource {

    static final String CREATE_EXAMPLE = """
            {"name":"全国化工行业职业技能竞赛决赛","industry":"CHEMICAL","level":"NATIONAL","stage":"FINAL",
             "organizers":["中国能源化学地质工会","中国职工技术协会"],"location":"泉州",
             "startsOn":"2023-02-20","endsOn":"2023-02-22","teamSize":3,
             "items":[{"code":"THEORY","name":"理论知识","weight":30,"maxScore":100,"kind":"MEASUREMENT"},
                      {"code":"VR_SIMULATION","name":"VR/3D仿真操作","weight":40,"maxScore":100,"kind":"MEASUREMENT"},
                      {"code":"HAZARD_SPOTTING","name":"现场安全隐患排查","weight":30,"maxScore":10,"kind":"JUDGEMENT","tolerance":2}],
             "tieBreakOrder":["HAZARD_SPOTTING","VR_SIMULATION","THEORY"]}""";

    public record ItemRequest(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "must be UPPER_SNAKE, at most 40 characters") String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal weight,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 6, fraction = 2) BigDecimal maxScore,
            @NotNull AssessmentItem.Kind kind,
            @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal tolerance) {
    }

    public record CreateRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String industry,
            @NotNull Competition.Level level,
            @NotNull Competition.Stage stage,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> organizers,
            @NotBlank @Size(max = 200) String location,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @NotNull @Min(1) @Max(20) Integer teamSize,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull ItemRequest> items,
            @Size(max = 20) List<@NotBlank String> tieBreakOrder) {
    }

    public record ItemResponse(String code, String name, BigDecimal weight, BigDecimal maxScore, AssessmentItem.Kind kind,
                               BigDecimal tolerance) {
        static ItemResponse of(AssessmentItem i) {
            return new ItemResponse(i.code, i.name, i.weight, i.maxScore, i.kind,
                    i.kind == AssessmentItem.Kind.JUDGEMENT ? i.effectiveTolerance() : null);
        }
    }

    public record CompetitionResponse(UUID id, String name, String industry, Competition.Level level, Competition.Stage stage,
                                      List<String> organizers, String location, LocalDate startsOn, LocalDate endsOn,
                                      int teamSize, List<ItemResponse> items, List<String> tieBreakOrder,
                                      CompetitionStatus status, UUID organizerOrgId, Instant createdAt, Instant publishedAt) {
        public static CompetitionResponse of(Competition c) {
            return new CompetitionResponse(c.id, c.name, c.industry, c.level, c.stage, Arrays.asList(c.organizers), c.location,
                    c.startsOn, c.endsOn, c.teamSize, c.items().stream().map(ItemResponse::of).toList(),
                    Arrays.asList(c.tieBreak), c.status, c.organizerOrgId, c.createdAt, c.publishedAt);
        }
    }

    public record StatusRequest(@NotNull CompetitionStatus status) {
    }

    @Inject
    Competitions competitions;
    @Inject
    CompetitionAccess access;
    @Inject
    IdempotentPost idempotent;
    @Inject
    Actor actor;

    @POST
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Create a competition with its assessment items, weights summing to 100 (roles: staff of the organizing federation, admin)")
    public Response create(@HeaderParam(IdempotentPost.HEADER) String idempotencyKey,
                           @RequestBody(content = @Content(examples = @ExampleObject(name = "chemical final", value = CREATE_EXAMPLE)))
                           @Valid @NotNull CreateRequest request) {
        UUID organizer = actor.orgId().orElse(null);
        if (organizer == null && !actor.has(Roles.ADMIN)) {
            throw ProblemException.forbidden("a staff token without orgId cannot organize a competition");
        }
        return idempotent.run(idempotencyKey, "POST /api/v1/competitions " + actor.subject(), request, () -> {
            Competition c = competitions.create(new Competitions.NewCompetition(request.name(), request.industry(), request.level(),
                    request.stage(), request.organizers(), request.location(), request.startsOn(), request.endsOn(),
                    request.teamSize(), request.items().stream().map(i -> new Competitions.NewItem(i.code(), i.name(), i.weight(),
                    i.maxScore(), i.kind(), i.tolerance())).toList(), request.tieBreakOrder()), organizer, actor.subject());
            return Response.created(URI.create("/api/v1/competitions/" + c.id)).entity(CompetitionResponse.of(c)).build();
        });
    }

    @GET
    @PermitAll
    @Operation(summary = "Competitions, latest start first, filtered by status, level, industry and the year they start; "
            + "paged with limit (1-200, default 20) and the nextCursor of the previous page (public)")
    public Page<CompetitionResponse> list(@QueryParam("status") String status, @QueryParam("level") String level,
                                          @QueryParam("industry") String industry, @QueryParam("year") String year,
                                          @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        ListQuery<Competition> query = ListQuery.of(Competition.class, page)
                .filter("status = :status", "status", status == null ? null : enumValue("status", CompetitionStatus.class, status))
                .filter("level = :level", "level", level == null ? null : enumValue("level", Competition.Level.class, level))
                .filter("industry = :industry", "industry", industry == null || industry.isBlank() ? null : industry);
        if (year != null) {
            int y = yearValue(year);
            query.where("startsOn >= :from", "from", LocalDate.of(y, 1, 1)).where("startsOn < :to", "to", LocalDate.of(y + 1, 1, 1));
        }
        List<Competition> rows = query.orderBy(ListQuery.Key.date("startsOn").descending(), ListQuery.Key.uuid("id")).fetch();
        return Page.of(rows, page.limit(), c -> PageRequest.encode(c.startsOn, c.id), CompetitionResponse::of);
    }

    private static <E extends Enum<E>> E enumValue(String parameter, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(parameter, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static int yearValue(String value) {
        try {
            int y = Integer.parseInt(value);
            if (y >= 1949 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ProblemException.invalid("year", "must be a year from 1949 to 2100");
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A competition, its items and status (public)")
    public CompetitionResponse get(@PathParam("id") UUID id) {
        return CompetitionResponse.of(Competition.require(id));
    }

    @POST
    @Path("/{id}/status")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Move the competition one step forward: DRAFT → REGISTRATION → IN_PROGRESS → SCORING_CLOSED; 409 otherwise (roles: staff of the organizing federation, admin)")
    public CompetitionResponse advance(@PathParam("id") UUID id,
                                       @RequestBody(content = @Content(examples = @ExampleObject(name = "open registration", value = "{\"status\":\"REGISTRATION\"}")))
                                       @Valid @NotNull StatusRequest request) {
        access.requireRunner(Competition.require(id));
        return CompetitionResponse.of(competitions.advance(id, request.status(), actor.subject()));
    }
}
