package org.unionhub.competition.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.unionhub.competition.contest.Competition;
import org.unionhub.competition.contest.CompetitionStatus;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.platform.time.BusinessClock;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Registering teams, disqualifying contestants, counting who takes part. */
@ApplicationScoped
public class Teams {

    public record NewTeam(String name, String enterprise, Team.EnterpriseType enterpriseType, String province, List<UUID> memberIds) {
    }

    public record Stats(long contestants, long teams, long provinces, long centralEnterprises, long localEnterprises,
                        long disqualified) {
    }

    @Inject
    EntityManager em;
    @Inject
    BusinessClock clock;

    /** Serialised per competition by its row lock, so that two teams cannot both claim one member. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Team register(UUID competitionId, NewTeam n, String actor) {
        Competition c = Competition.lock(competitionId);
        c.requireStatus("registration-closed", "registering a team", CompetitionStatus.REGISTRATION);
        Set<UUID> distinct = new HashSet<>();
        for (int i = 0; i < n.memberIds().size(); i++) {
            if (!distinct.add(n.memberIds().get(i))) {
                throw ProblemException.invalid("memberIds[" + i + "]", "lists member " + n.memberIds().get(i) + " twice");
            }
        }
        if (n.memberIds().size() != c.teamSize) {
            throw ProblemException.rule("team-size", "a team of this competition has exactly " + c.teamSize
                    + " contestants, not " + n.memberIds().size()).with("teamSize", c.teamSize);
        }
        List<MemberView> members = n.memberIds().stream().map(id -> requireActive(id)).toList();
        List<Contestant> taken = Contestant.list("competitionId = ?1 and memberId in ?2", c.id, n.memberIds());
        if (!taken.isEmpty()) {
            Contestant first = taken.get(0);
            Team other = Team.findById(first.teamId);
            throw ProblemException.conflict("already-registered", "member " + first.memberId
                            + " already competes in team " + other.name + " of this competition")
                    .with("memberId", first.memberId).with("teamId", other.id);
        }
        Team t = new Team();
        t.id = UUID.randomUUID();
        t.competitionId = c.id;
        t.name = n.name();
        t.enterprise = n.enterprise().trim();
        t.enterpriseType = n.enterpriseType();
        t.province = n.province().trim();
        t.createdBy = actor;
        t.createdAt = clock.now();
        t.persist();
        for (MemberView m : members) {
            Contestant ct = new Contestant();
            ct.id = UUID.randomUUID();
            ct.competitionId = c.id;
            ct.teamId = t.id;
            ct.memberId = m.id;
            ct.name = m.name;
            ct.enterprise = t.enterprise;
            ct.enterpriseType = t.enterpriseType;
            ct.province = t.province;
            ct.persist();
        }
        return t;
    }

    private static MemberView requireActive(UUID memberId) {
        MemberView m = MemberView.findById(memberId);
        if (m == null || !m.isActive()) {
            throw ProblemException.rule("member-not-active", "member " + memberId + " is not an active union member"
                    + (m == null ? " known to this service" : " (status " + m.status + ")")).with("memberId", memberId);
        }
        return m;
    }

    /** Removes the contestant from the rankings; only before publication. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contestant disqualify(UUID competitionId, UUID contestantId, String reason, String actor) {
        Competition c = Competition.lock(competitionId);
        Contestant ct = Contestant.require(competitionId, contestantId);
        c.requireStatus("already-published", "disqualifying a contestant",
                CompetitionStatus.REGISTRATION, CompetitionStatus.IN_PROGRESS, CompetitionStatus.SCORING_CLOSED);
        if (ct.disqualified()) {
            throw ProblemException.conflict("already-disqualified", "contestant " + contestantId + " was disqualified already: "
                    + ct.disqualifiedReason);
        }
        ct.disqualifiedReason = reason;
        ct.disqualifiedBy = actor;
        ct.disqualifiedAt = clock.now();
        return ct;
    }

    public Stats stats(UUID competitionId) {
        Tuple row = (Tuple) em.createNativeQuery("""
                        SELECT (SELECT count(*) FROM contestant WHERE competition_id = ?1) AS contestants,
                               (SELECT count(*) FROM team WHERE competition_id = ?1) AS teams,
                               (SELECT count(DISTINCT province) FROM team WHERE competition_id = ?1) AS provinces,
                               (SELECT count(DISTINCT enterprise) FROM team WHERE competition_id = ?1 AND enterprise_type = 'CENTRAL') AS central,
                               (SELECT count(DISTINCT enterprise) FROM team WHERE competition_id = ?1 AND enterprise_type = 'LOCAL') AS local,
                               (SELECT count(*) FROM contestant WHERE competition_id = ?1 AND disqualified_reason IS NOT NULL) AS disqualified""",
                        Tuple.class)
                .setParameter(1, competitionId).getSingleResult();
        return new Stats(count(row, "contestants"), count(row, "teams"), count(row, "provinces"), count(row, "central"),
                count(row, "local"), count(row, "disqualified"));
    }

    private static long count(Tuple row, String column) {
        return row.get(column, Number.class).longValue();
    }
}
