package org.unionhub.competition.award;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.competition.contest.Competition;
import org.unionhub.competition.contest.CompetitionStatus;
import org.unionhub.competition.contest.Listing;
import org.unionhub.competition.team.Contestant;
import org.unionhub.competition.team.Team;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.paging.Page;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A member's published competition results: what the mobile "me" view shows. */
@Path("/api/v1/members/{memberId}/competition-results")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rankings and prizes")
public class MemberResultsResource {

    public record Prize(String category, String prize, int rank, String teamName) {
    }

    /** @param rank null when disqualified */
    public record Result(UUID competitionId, String competitionName, Competition.Level level, Competition.Stage stage,
                         Instant publishedAt, UUID contestantId, String teamName, Integer rank, BigDecimal total,
                         boolean disqualified, List<Prize> prizes, String medalNomination) {
    }

    @Inject
    Access access;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A member's results in published competitions: rank, total, prizes, medal nomination (roles: the member himself, staff of his organization's subtree, admin)")
    public Page<Result> results(@PathParam("memberId") UUID memberId, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        access.requireReadMember(memberId);
        List<Result> results = new ArrayList<>();
        for (Contestant ct : Contestant.<Contestant>list("memberId", memberId)) {
            Competition c = Competition.findById(ct.competitionId);
            if (c == null || c.status != CompetitionStatus.PUBLISHED) {
                continue; // results are public only once published, for the member too
            }
            Team t = Team.findById(ct.teamId);
            List<Prize> prizes = Award.<Award>list("competitionId = ?1 and memberId = ?2 order by category", c.id, memberId).stream()
                    .map(a -> new Prize(a.category, a.prize, a.rank, a.teamName)).toList();
            Nomination n = Nomination.find("competitionId = ?1 and memberId = ?2", c.id, memberId).firstResult();
            results.add(new Result(c.id, c.name, c.level, c.stage, c.publishedAt, ct.id, t == null ? null : t.name,
                    ct.finalRank, ct.finalTotal, ct.disqualified(), prizes, n == null ? null : n.medal));
        }
        results.sort(Comparator.comparing(Result::publishedAt).reversed().thenComparing(Result::competitionId));
        return Listing.page(results, limit, cursor);
    }
}
