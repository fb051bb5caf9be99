package org.unionhub.competition.award;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.unionhub.competition.contest.Competition;
import org.unionhub.competition.contest.CompetitionStatus;
import org.unionhub.competition.ranking.IndividualRanking;
import org.unionhub.competition.ranking.MedalNomination;
import org.unionhub.competition.ranking.PrizeQuotas;
import org.unionhub.competition.ranking.Standings;
import org.unionhub.competition.team.Contestant;
import org.unionhub.competition.team.Team;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.platform.time.BusinessClock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Closes scoring and publishes the results: prizes by rank and quota, the medal nomination, the
 * events membership turns into honors. Once published, the same request answers the same
 * result and changes nothing.
 */
@ApplicationScoped
public class Publication {

    public record Quotas(@JsonProperty("FIRST") @PositiveOrZero @Max(100000) Integer first,
                         @JsonProperty("SECOND") @PositiveOrZero @Max(100000) Integer second,
                         @JsonProperty("THIRD") @PositiveOrZero @Max(100000) Integer third) {
        PrizeQuotas rule() {
            return new PrizeQuotas(first == null ? 0 : first, second == null ? 0 : second, third == null ? 0 : third);
        }
    }

    public record PublishRequest(@NotNull @Valid Quotas individualQuotas, @NotNull @Valid Quotas teamQuotas) {
    }

    public record NominationView(UUID nominationId, UUID memberId, UUID contestantId, String name, String medal, int rank,
                                 BigDecimal total, Instant nominatedAt) {
    }

    /** @param teamPrizes counted in teams; each member of a prized team holds an award */
    public record PublicationResult(UUID competitionId, CompetitionStatus status, Instant publishedAt,
                                    Map<String, Integer> individualPrizes, Map<String, Integer> teamPrizes,
                                    int rankedContestants, int rankedTeams, NominationView nomination, String nominationNote) {
    }

    @Inject
    Standings standings;
    @Inject
    Outbox outbox;
    @Inject
    ObjectMapper json;
    @Inject
    BusinessClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public PublicationResult publish(UUID competitionId, PublishRequest request, String actor) {
        Competition c = Competition.lock(competitionId);
        String asked = write(request);
        if (c.isPublished()) {
            if (asked.equals(c.publishRequest)) {
                return read(c.publication);
            }
            throw ProblemException.conflict("already-published", "competition " + c.id + " was published already, with other quotas: "
                    + c.publishRequest).with("currentStatus", c.status.name());
        }
        c.requireStatus("not-ready-to-publish", "publishing the results", CompetitionStatus.IN_PROGRESS, CompetitionStatus.SCORING_CLOSED);
        Standings.Snapshot snapshot = standings.load(c);
        List<Standings.Blocker> blockers = standings.blockers(snapshot);
        if (!blockers.isEmpty()) {
            Standings.Blocker first = blockers.get(0);
            throw ProblemException.rule("publication-blocked", blockers.size() + " marks keep the results from being published; first: "
                            + first.contestantName() + " " + first.itemCode() + ": " + first.detail())
                    .with("blockers", blockers.subList(0, Math.min(blockers.size(), 100)));
        }
        List<Standings.IndividualRow> individuals = standings.individuals(snapshot);
        List<Standings.TeamRow> teams = standings.teams(snapshot, individuals);
        // before anything changes: awards become honors in the member records for good
        requireWithin("individualQuotas", request.individualQuotas(), individuals.size(), "ranked contestants");
        requireWithin("teamQuotas", request.teamQuotas(), teams.size(), "ranked teams");
        Instant now = clock.now();
        if (c.status == CompetitionStatus.IN_PROGRESS) {
            c.moveTo(CompetitionStatus.SCORING_CLOSED, actor, now);
        }
        c.moveTo(CompetitionStatus.PUBLISHED, actor, now);
        c.publishedAt = now;

        Map<UUID, Contestant> contestants = snapshot.contestants().stream().collect(Collectors.toMap(x -> x.id, Function.identity()));
        PrizeQuotas individualQuotas = request.individualQuotas().rule();
        Map<String, Integer> individualPrizes = counts();
        for (Standings.IndividualRow row : individuals) {
            Contestant ct = contestants.get(row.contestantId());
            ct.finalRank = row.rank();
            ct.finalTotal = row.total();
            PrizeQuotas.Prize prize = individualQuotas.prizeFor(row.rank());
            if (prize != null) {
                individualPrizes.merge(prize.name(), 1, Integer::sum);
                grant(c, Award.INDIVIDUAL, prize, row.rank(), row.total(), row, null, null, now);
            }
        }
        PrizeQuotas teamQuotas = request.teamQuotas().rule();
        Map<String, Integer> teamPrizes = counts();
        for (Standings.TeamRow row : teams) {
            Team t = snapshot.teams().get(row.teamId());
            t.finalRank = row.rank();
            t.finalScore = row.score();
            PrizeQuotas.Prize prize = teamQuotas.prizeFor(row.rank());
            if (prize != null) {
                teamPrizes.merge(prize.name(), 1, Integer::sum);
                for (Standings.IndividualRow member : row.members()) {
                    grant(c, Award.TEAM, prize, row.rank(), row.score(), member, t.id, t.name, now);
                }
            }
        }

        MedalNomination.Outcome outcome = MedalNomination.decide(firstPlaced(snapshot, contestants));
        NominationView nomination = null;
        if (outcome.nominee() != null) {
            MedalNomination.Candidate n = outcome.nominee();
            Nomination row = new Nomination();
            row.id = UUID.randomUUID();
            row.competitionId = c.id;
            row.memberId = n.memberId();
            row.contestantId = n.contestantId();
            row.name = n.name();
            row.medal = MedalNomination.MEDAL;
            row.rank = n.rank();
            row.total = n.total();
            row.nominatedAt = now;
            row.persist();
            outbox.publish(CompetitionEvents.TOPIC, CompetitionEvents.MEDAL_NOMINATED, c.id, new CompetitionEvents.MedalNominated(
                    row.id, c.id, c.name, row.memberId, row.medal, row.rank, row.total, now));
            nomination = new NominationView(row.id, row.memberId, row.contestantId, row.name, row.medal, row.rank, row.total, now);
        }
        outbox.publish(CompetitionEvents.TOPIC, CompetitionEvents.COMPETITION_PUBLISHED, c.id, new CompetitionEvents.CompetitionPublished(
                c.id, c.name, c.level.name(), c.stage.name(), now, individualPrizes, teamPrizes, individuals.size(), teams.size(),
                nomination == null ? null : nomination.memberId(), outcome.reason()));
        PublicationResult result = new PublicationResult(c.id, c.status, now, individualPrizes, teamPrizes, individuals.size(),
                teams.size(), nomination, outcome.reason());
        c.publishRequest = asked;
        c.publication = write(result);
        return result;
    }

    /**
     * A prize count larger than the field is a typo or an abuse (quotas of 100000 hand every contestant a first
     * prize that membership records for good): each count is at most the number ranked.
     */
    static void requireWithin(String field, Quotas quotas, int ranked, String what) {
        PrizeQuotas q = quotas.rule();
        int[] counts = {q.first(), q.second(), q.third()};
        for (PrizeQuotas.Prize p : PrizeQuotas.Prize.values()) {
            if (counts[p.ordinal()] > ranked) {
                throw ProblemException.invalid(field + "." + p.name(), "must be at most " + ranked + ", the number of " + what
                        + ", not " + counts[p.ordinal()]);
            }
        }
    }

    /** The contestants sharing the first place among everyone who competed, with their member status now. */
    private List<MedalNomination.Candidate> firstPlaced(Standings.Snapshot snapshot, Map<UUID, Contestant> contestants) {
        List<MedalNomination.Candidate> first = new ArrayList<>();
        for (IndividualRanking.Result r : standings.everyone(snapshot)) {
            if (r.rank() != 1) {
                break;
            }
            Contestant ct = contestants.get(r.id());
            MemberView member = MemberView.findById(ct.memberId);
            first.add(new MedalNomination.Candidate(ct.id, ct.memberId, ct.name, r.rank(), r.total(), ct.disqualifiedReason,
                    member == null ? null : member.status));
        }
        return first;
    }

    private void grant(Competition c, String category, PrizeQuotas.Prize prize, int rank, BigDecimal score,
                       Standings.IndividualRow member, UUID teamId, String teamName, Instant now) {
        Award a = new Award();
        a.id = UUID.randomUUID();
        a.competitionId = c.id;
        a.category = category;
        a.prize = prize.name();
        a.rank = rank;
        a.score = score;
        a.memberId = member.memberId();
        a.contestantId = member.contestantId();
        a.name = member.name();
        a.teamId = teamId;
        a.teamName = teamName;
        a.publishedAt = now;
        a.persist();
        outbox.publish(CompetitionEvents.TOPIC, CompetitionEvents.AWARD_GRANTED, c.id, new CompetitionEvents.AwardGranted(
                a.id, c.id, c.name, a.memberId, category, a.prize, rank, teamName, now));
    }

    private static Map<String, Integer> counts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (PrizeQuotas.Prize p : PrizeQuotas.Prize.values()) {
            m.put(p.name(), 0);
        }
        return m;
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PublicationResult read(String s) {
        try {
            return json.readValue(s, PublicationResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored publication unreadable", e);
        }
    }
}
