package org.unionhub.competition.judging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
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
import org.unionhub.competition.contest.Competition;
import org.unionhub.competition.contest.CompetitionAccess;
import org.unionhub.competition.contest.Listing;
import org.unionhub.competition.ranking.Standings;
import org.unionhub.competition.team.Contestant;
import org.unionhub.platform.idempotency.IdempotentPost;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.Page;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/competitions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Judges and scores")
public class JudgingResource {

    /**
     * @param items   the items a judge marks (at least one); empty for a chief judge
     * @param account the token subject the appointee signs in with; defaults to "judge-" (or "chief-judge-") + the id
     * @param role    JUDGE (default) or CHIEF_JUDGE
     */
    public record JudgeRequest(@NotBlank @Size(max = 100) String name,
                               @NotBlank @Size(max = 200) String enterprise,
                               @Size(max = 20) List<@NotBlank String> items,
                               @Size(max = 200) String account,
                               Judge.Role role) {
    }

    public record JudgeResponse(UUID id, UUID competitionId, Judge.Role role, String name, String enterprise, List<String> items,
                                String account) {
        static JudgeResponse of(Judge j) {
            return new JudgeResponse(j.id, j.competitionId, j.role, j.name, j.enterprise, Arrays.asList(j.items), j.account);
        }
    }

    public record ScoreRequest(@NotNull UUID contestantId, @NotBlank String itemCode, @NotNull UUID judgeId,
                               @NotNull @Digits(integer = 6, fraction = 2) BigDecimal score) {
    }

    public record ScoreResponse(UUID contestantId, String itemCode, UUID judgeId, BigDecimal score, BigDecimal previousScore,
                                boolean corrected, String scoredBy, Instant scoredAt) {
    }

    public record ContestantScores(UUID contestantId, List<Scores.Mark> marks, List<Scores.Change> history,
                                   List<Scores.Confirmation> confirmations) {
    }

    public record ConfirmRequest(@NotNull UUID contestantId, @NotBlank String itemCode, @Size(max = 500) String note) {
    }

    public record Flags(List<Standings.Blocker> items, boolean readyToPublish) {
    }

    @Inject
    Scores scores;
    @Inject
    Standings standings;
    @Inject
    CompetitionAccess access;
    @Inject
    IdempotentPost idempotent;
    @Inject
    Actor actor;

    @POST
    @Path("/judges")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Appoint a judge to some items (until scoring closes), or with role CHIEF_JUDGE and no items the chief judge (until publication); "
            + "judge and chief-judge tokens act only in the competitions their account (sub) is appointed to; a judge never scores contestants of "
            + "the same enterprise (roles: staff of the organizing federation, admin)")
    public Response appoint(@PathParam("id") UUID id, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey,
                            @RequestBody(content = @Content(examples = {
                                    @ExampleObject(name = "hazard-spotting judge", value = """
                                            {"name":"陈工","enterprise":"中国化学工程集团有限公司","items":["HAZARD_SPOTTING"],"account":"judge-chen"}"""),
                                    @ExampleObject(name = "chief judge", value = """
                                            {"name":"王总裁判","enterprise":"中国化工教育协会","role":"CHIEF_JUDGE","account":"chief-wang"}""")}))
                            @Valid @NotNull JudgeRequest request) {
        access.requireRunner(Competition.require(id));
        return idempotent.run(idempotencyKey, "POST /api/v1/competitions/" + id + "/judges " + actor.subject(), request, () -> {
            Judge j = scores.appoint(id, new Scores.NewJudge(request.name(), request.enterprise(), request.items(), request.account(),
                    request.role()), actor.subject());
            return Response.created(URI.create("/api/v1/competitions/" + id + "/judges/" + j.id)).entity(JudgeResponse.of(j)).build();
        });
    }

    @GET
    @Path("/judges")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.JUDGE, Roles.CHIEF_JUDGE})
    @Operation(summary = "The competition's judges and chief judges, their items and accounts (roles: staff of the organizing federation, admin, "
            + "judge or chief-judge appointed to this competition)")
    public Page<JudgeResponse> judges(@PathParam("id") UUID id, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        access.requireInsider(Competition.require(id), "its judges");
        return Listing.page(Judge.<Judge>list("competitionId = ?1 order by role, name, id", id).stream().map(JudgeResponse::of).toList(), limit, cursor);
    }

    @POST
    @Path("/scores")
    @Transactional
    @RolesAllowed({Roles.JUDGE})
    @Operation(summary = "Enter or correct one's own mark (0 ≤ score ≤ maxScore) for an assigned item while the competition is IN_PROGRESS; a correction keeps the history; 409 after publication (roles: judge appointed to this competition, for his own marks)")
    public Response score(@PathParam("id") UUID id,
                          @RequestBody(content = @Content(examples = @ExampleObject(name = "a hazard-spotting mark", value = """
                                  {"contestantId":"6a0d3c57-0b7e-4d44-a5f0-0f6cf1d2a001","itemCode":"HAZARD_SPOTTING","judgeId":"0c9b7e3a-52f4-4c61-9d1e-8d1a44e2b002","score":8.5}""")))
                          @Valid @NotNull ScoreRequest request) {
        access.requireJudge(id);
        Scores.Recorded r = scores.record(id, request.contestantId(), request.itemCode(), request.judgeId(), request.score(),
                actor.subject(), actor.subject());
        ScoreResponse body = new ScoreResponse(r.contestantId(), r.itemCode(), r.judgeId(), r.score(), r.previous(),
                r.previous() != null, r.scoredBy(), r.scoredAt());
        return r.created()
                ? Response.created(URI.create("/api/v1/competitions/" + id + "/contestants/" + r.contestantId() + "/scores")).entity(body).build()
                : Response.ok(body).build();
    }

    @GET
    @Path("/contestants/{cid}/scores")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.JUDGE, Roles.CHIEF_JUDGE})
    @Operation(summary = "A contestant's marks with their full history (who, when, old, new) and the chief judge's confirmations (roles: staff of the organizing federation, admin, judge or chief-judge appointed to this competition)")
    public ContestantScores contestantScores(@PathParam("id") UUID id, @PathParam("cid") UUID contestantId) {
        access.requireInsider(Competition.require(id), "its marks");
        Contestant.require(id, contestantId);
        return new ContestantScores(contestantId, scores.marksOf(contestantId), scores.historyOf(contestantId),
                scores.confirmationsOf(contestantId));
    }

    @GET
    @Path("/marks/flags")
    @Transactional
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.JUDGE, Roles.CHIEF_JUDGE})
    @Operation(summary = "What blocks publication: missing scores, judgement items with fewer than three marks, marks spread wider than the tolerance and not confirmed (roles: staff of the organizing federation, admin, judge or chief-judge appointed to this competition)")
    public Flags flags(@PathParam("id") UUID id) {
        Competition c = Competition.require(id);
        access.requireInsider(c, "its marks");
        List<Standings.Blocker> blockers = standings.blockers(standings.load(c));
        return new Flags(blockers, blockers.isEmpty());
    }

    @POST
    @Path("/marks/confirm")
    @Transactional
    @RolesAllowed({Roles.CHIEF_JUDGE})
    @Operation(summary = "Confirm judgement marks that spread wider than the item's tolerance, so that they no longer block publication (roles: chief-judge appointed to this competition)")
    public Response confirm(@PathParam("id") UUID id,
                            @RequestBody(content = @Content(examples = @ExampleObject(name = "confirm after review", value = """
                                    {"contestantId":"6a0d3c57-0b7e-4d44-a5f0-0f6cf1d2a001","itemCode":"HAZARD_SPOTTING","note":"复核录像后维持原评分"}""")))
                            @Valid @NotNull ConfirmRequest request) {
        access.requireChiefJudge(id);
        scores.confirm(id, request.contestantId(), request.itemCode(), request.note(), actor.subject());
        return Response.noContent().build();
    }
}
