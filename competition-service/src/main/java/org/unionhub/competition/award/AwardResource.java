package org.unionhub.competition.award;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.competition.contest.Competition;
import org.unionhub.competition.contest.CompetitionAccess;
import org.unionhub.competition.contest.Listing;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.Page;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/competitions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rankings and prizes")
public class AwardResource {

    public record AwardResponse(UUID awardId, String category, String prize, int rank, BigDecimal score, UUID memberId,
                                UUID contestantId, String name, UUID teamId, String teamName, Instant publishedAt) {
        static AwardResponse of(Award a) {
            return new AwardResponse(a.id, a.category, a.prize, a.rank, a.score, a.memberId, a.contestantId, a.name, a.teamId,
                    a.teamName, a.publishedAt);
        }
    }

    public record AwardsResponse(List<AwardResponse> items, String nextCursor, Publication.NominationView nomination) {
    }

    @Inject
    Publication publication;
    @Inject
    CompetitionAccess access;
    @Inject
    Actor actor;

    @POST
    @Path("/publish")
    @Transactional
    @RolesAllowed({Roles.CHIEF_JUDGE, Roles.ADMIN})
    @Operation(summary = "Close scoring and publish: prizes in rank order by quota (ties at a quota's edge all get the higher prize), the medal nomination, the award events; each quota at most the number ranked (400 naming it); idempotent (roles: chief-judge appointed to this competition, admin)")
    public Publication.PublicationResult publish(@PathParam("id") UUID id,
                                                 @RequestBody(content = @Content(examples = @ExampleObject(name = "chemical final", value = """
                                                         {"individualQuotas":{"FIRST":15,"SECOND":20,"THIRD":30},"teamQuotas":{"FIRST":5,"SECOND":10,"THIRD":15}}""")))
                                                 @Valid @NotNull Publication.PublishRequest request) {
        if (!actor.has(Roles.ADMIN)) {
            // membership records the awards as honors for good: only the chief judge of THIS competition decides them
            access.requireChiefJudge(id);
        }
        return publication.publish(id, request, actor.subject());
    }

    @GET
    @Path("/awards")
    @PermitAll
    @Operation(summary = "The prizes awarded, one per member (each member of a prized team holds one), and the medal nomination (public after publication; "
            + "before it, when there are none yet: staff of the organizing federation, admin, judge or chief-judge appointed to this competition; others 404 not-published, 401 without a token)")
    public AwardsResponse awards(@PathParam("id") UUID id, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Competition c = Competition.require(id);
        access.requireVisibleResults(c);
        List<AwardResponse> all = Award.<Award>list("competitionId = ?1 order by category, rank, name, memberId", id).stream()
                .map(AwardResponse::of).toList();
        Page<AwardResponse> page = Listing.page(all, limit, cursor);
        Nomination n = Nomination.find("competitionId", id).firstResult();
        return new AwardsResponse(page.items(), page.nextCursor(), n == null ? null
                : new Publication.NominationView(n.id, n.memberId, n.contestantId, n.name, n.medal, n.rank, n.total, n.nominatedAt));
    }
}
