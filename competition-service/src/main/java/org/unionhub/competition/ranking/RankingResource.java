package org.unionhub.competition.ranking;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.competition.award.Award;
import org.unionhub.competition.contest.Competition;
import org.unionhub.competition.contest.CompetitionAccess;
import org.unionhub.competition.contest.Listing;
import org.unionhub.platform.paging.Page;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/competitions/{id}/rankings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rankings and prizes")
public class RankingResource {

    /** @param prize the prize awarded at publication, null before it or without one */
    public record IndividualRanked(int rank, UUID contestantId, UUID memberId, String name, UUID teamId, String teamName,
                                   String enterprise, String province, BigDecimal total, Map<String, BigDecimal> itemScores,
                                   String prize) {
    }

    public record TeamMember(UUID contestantId, UUID memberId, String name, BigDecimal total) {
    }

    public record TeamRanked(int rank, UUID teamId, String name, String enterprise, String province, BigDecimal score,
                             List<TeamMember> members, String prize) {
    }

    @Inject
    Standings standings;
    @Inject
    CompetitionAccess access;

    @GET
    @Path("/individuals")
    @PermitAll
    @Transactional
    @Operation(summary = "Individual ranking: rank, total and per-item scores; ties share a rank (public after publication; before it: staff of the organizing federation, admin, judge or chief-judge appointed to this competition; others 404 not-published, 401 without a token)")
    public Page<IndividualRanked> individuals(@PathParam("id") UUID id, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Competition c = visible(id);
        Map<UUID, String> prizes = prizes(c, Award.INDIVIDUAL);
        List<IndividualRanked> rows = standings.individuals(standings.load(c)).stream()
                .map(r -> new IndividualRanked(r.rank(), r.contestantId(), r.memberId(), r.name(), r.teamId(), r.teamName(),
                        r.enterprise(), r.province(), r.total(), r.itemScores(), prizes.get(r.contestantId())))
                .toList();
        return Listing.page(rows, limit, cursor);
    }

    @GET
    @Path("/teams")
    @PermitAll
    @Transactional
    @Operation(summary = "Team ranking: team score = mean of its members' totals; ties share a rank (public after publication; before it: staff of the organizing federation, admin, judge or chief-judge appointed to this competition; others 404 not-published, 401 without a token)")
    public Page<TeamRanked> teams(@PathParam("id") UUID id, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Competition c = visible(id);
        Map<UUID, String> prizes = prizes(c, Award.TEAM);
        Standings.Snapshot s = standings.load(c);
        List<TeamRanked> rows = standings.teams(s, standings.individuals(s)).stream()
                .map(t -> new TeamRanked(t.rank(), t.teamId(), t.name(), t.enterprise(), t.province(), t.score(),
                        t.members().stream().map(m -> new TeamMember(m.contestantId(), m.memberId(), m.name(), m.total())).toList(),
                        t.members().isEmpty() ? null : prizes.get(t.members().get(0).contestantId())))
                .toList();
        return Listing.page(rows, limit, cursor);
    }

    private Competition visible(UUID id) {
        Competition c = Competition.require(id);
        access.requireVisibleResults(c);
        return c;
    }

    private static Map<UUID, String> prizes(Competition c, String category) {
        Map<UUID, String> prizes = new HashMap<>();
        if (c.isPublished()) {
            for (Award a : Award.<Award>list("competitionId = ?1 and category = ?2", c.id, category)) {
                prizes.put(a.contestantId, a.prize);
            }
        }
        return prizes;
    }
}
