package org.unionhub.competition.team;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import org.unionhub.competition.contest.Competition;
import org.unionhub.competition.contest.CompetitionAccess;
import org.unionhub.competition.contest.Listing;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.problem.ProblemException;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/v1/competitions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Teams and contestants")
public class TeamResource {

    public record TeamRequest(@NotBlank @Size(max = 200) String name,
                              @NotBlank @Size(max = 200) String enterprise,
                              @NotNull Team.EnterpriseType enterpriseType,
                              @NotBlank @Size(max = 50) String province,
                              @NotEmpty @Size(max = 20) List<@NotNull UUID> memberIds) {
    }

    public record ContestantResponse(UUID contestantId, UUID memberId, String name, UUID teamId, String enterprise,
                                     String province, boolean disqualified, String disqualifiedReason, Instant disqualifiedAt) {
        public static ContestantResponse of(Contestant c) {
            return new ContestantResponse(c.id, c.memberId, c.name, c.teamId, c.enterprise, c.province, c.disqualified(),
                    c.disqualifiedReason, c.disqualifiedAt);
        }
    }

    public record TeamResponse(UUID id, UUID competitionId, String name, String enterprise, Team.EnterpriseType enterpriseType,
                               String province, List<ContestantResponse> contestants) {
        static TeamResponse of(Team t, List<Contestant> members) {
            return new TeamResponse(t.id, t.competitionId, t.name, t.enterprise, t.enterpriseType, t.province,
                    members.stream().map(ContestantResponse::of).toList());
        }
    }

    public record DisqualifyRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @Inject
    Teams teams;
    @Inject
    CompetitionAccess access;
    @Inject
    IdempotentPost idempotent;
    @Inject
    Actor actor;

    @POST
    @Path("/teams")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Register a team of exactly teamSize active union members while registration is open; each member in one team per competition (roles: staff of the organizing federation, admin)")
    public Response register(@PathParam("id") UUID id, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey,
                             @RequestBody(content = @Content(examples = @ExampleObject(name = "a central enterprise's team", value = """
                                     {"name":"中国石化一队","enterprise":"中国石油化工集团有限公司","enterpriseType":"CENTRAL","province":"福建",
                                      "memberIds":["3f1c1c7e-8a0a-4b43-9a55-1d7c0f1f0a01","3f1c1c7e-8a0a-4b43-9a55-1d7c0f1f0a02","3f1c1c7e-8a0a-4b43-9a55-1d7c0f1f0a03"]}""")))
                             @Valid @NotNull TeamRequest request) {
        access.requireRunner(Competition.require(id));
        return idempotent.run(idempotencyKey, "POST /api/v1/competitions/" + id + "/teams " + actor.subject(), request, () -> {
            Team t = teams.register(id, new Teams.NewTeam(request.name(), request.enterprise(), request.enterpriseType(),
                    request.province(), request.memberIds()), actor.subject());
            List<Contestant> members = Contestant.list("teamId", t.id);
            return Response.created(URI.create("/api/v1/competitions/" + id + "/teams/" + t.id))
                    .entity(TeamResponse.of(t, members)).build();
        });
    }

    @GET
    @Path("/teams")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.JUDGE, Roles.CHIEF_JUDGE})
    @Operation(summary = "The competition's teams and contestants, by name (roles: staff of the organizing federation, admin, judge or chief-judge appointed to this competition)")
    public Page<TeamResponse> list(@PathParam("id") UUID id, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Competition c = Competition.require(id);
        access.requireInsider(c, "its teams and contestants");
        Map<UUID, List<Contestant>> members = Contestant.<Contestant>list("competitionId = ?1 order by name, id", id).stream()
                .collect(Collectors.groupingBy(ct -> ct.teamId));
        List<Team> all = Team.list("competitionId = ?1 order by name, id", id);
        return Listing.page(all.stream().map(t -> TeamResponse.of(t, members.getOrDefault(t.id, List.of()))).toList(), limit, cursor);
    }

    @GET
    @Path("/stats")
    @PermitAll
    @Operation(summary = "Who takes part: contestants, teams, provinces, central and local enterprises, disqualified (public after publication; "
            + "before it: staff of the organizing federation, admin, judge or chief-judge appointed to this competition; others 404 not-published, 401 without a token)")
    public Teams.Stats stats(@PathParam("id") UUID id) {
        access.requireVisibleResults(Competition.require(id));
        return teams.stats(id);
    }

    @POST
    @Path("/contestants/{cid}/disqualify")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CHIEF_JUDGE})
    @Operation(summary = "Disqualify a contestant before publication: he leaves the rankings, his team too (roles: staff of the organizing federation, admin, chief-judge appointed to this competition)")
    public ContestantResponse disqualify(@PathParam("id") UUID id, @PathParam("cid") UUID contestantId,
                                         @RequestBody(content = @Content(examples = @ExampleObject(name = "rule breach", value = "{\"reason\":\"携带违禁通讯设备进入考场\"}")))
                                         @Valid @NotNull DisqualifyRequest request) {
        Competition c = Competition.require(id);
        // the chief judge of THIS competition, or its runners; a chief-judge role alone (or added to a staff token) is not enough
        if (!access.runs(c) && !access.chiefJudges(c)) {
            throw ProblemException.forbidden("only the staff running competition " + id + " and its appointed chief judge disqualify");
        }
        return ContestantResponse.of(teams.disqualify(id, contestantId, request.reason(), actor.subject()));
    }
}
