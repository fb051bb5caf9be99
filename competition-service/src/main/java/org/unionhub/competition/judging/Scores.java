package org.unionhub.competition.judging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.unionhub.competition.contest.AssessmentItem;
import org.unionhub.competition.contest.Competition;
import org.unionhub.competition.contest.CompetitionStatus;
import org.unionhub.competition.ranking.ScoringRules;
import org.unionhub.competition.team.Contestant;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Judges and their marks: entry, correction with history, the chief judge's confirmation. */
@ApplicationScoped
public class Scores {

    /** @param role null for a judge */
    public record NewJudge(String name, String enterprise, List<String> items, String account, Judge.Role role) {
    }

    /** @param previous the replaced score, null for a first mark */
    public record Recorded(UUID contestantId, String itemCode, UUID judgeId, BigDecimal score, BigDecimal previous,
                           boolean created, String scoredBy, Instant scoredAt) {
    }

    @Inject
    EntityManager em;
    @Inject
    BusinessClock clock;

    /**
     * Appoints a judge (to some items, until scoring closes) or a chief judge (no items, until publication: his work
     * of confirming and publishing comes after scoring). One appointment per account and role per competition.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Judge appoint(UUID competitionId, NewJudge n, String actor) {
        // locked: two appointments of one account cannot both pass the duplicate check
        Competition c = Competition.lock(competitionId);
        Judge.Role role = n.role() == null ? Judge.Role.JUDGE : n.role();
        List<String> items = n.items() == null ? List.of() : n.items();
        if (role == Judge.Role.JUDGE) {
            c.requireStatus("already-published", "appointing a judge",
                    CompetitionStatus.DRAFT, CompetitionStatus.REGISTRATION, CompetitionStatus.IN_PROGRESS);
            if (items.isEmpty()) {
                throw ProblemException.invalid("items", "a judge is appointed to at least one item");
            }
        } else {
            c.requireStatus("already-published", "appointing a chief judge", CompetitionStatus.DRAFT,
                    CompetitionStatus.REGISTRATION, CompetitionStatus.IN_PROGRESS, CompetitionStatus.SCORING_CLOSED);
            if (!items.isEmpty()) {
                throw ProblemException.invalid("items", "a chief judge marks no item; leave items empty");
            }
        }
        List<String> codes = c.items().stream().map(i -> i.code).toList();
        for (int i = 0; i < items.size(); i++) {
            if (!codes.contains(items.get(i))) {
                throw ProblemException.invalid("items[" + i + "]", "names no item of this competition: " + items.get(i));
            }
        }
        UUID id = UUID.randomUUID();
        String account = n.account() == null || n.account().isBlank()
                ? (role == Judge.Role.JUDGE ? "judge-" : "chief-judge-") + id : n.account().strip();
        if (Judge.appointed(competitionId, account, role)) {
            throw ProblemException.conflict("already-appointed", "account " + account + " is appointed as "
                    + role + " of competition " + competitionId + " already");
        }
        Judge j = new Judge();
        j.id = id;
        j.competitionId = competitionId;
        j.role = role;
        j.name = n.name();
        j.enterprise = n.enterprise().strip();
        j.items = items.stream().distinct().toArray(String[]::new);
        j.account = account;
        j.createdBy = actor;
        j.createdAt = clock.now();
        j.persist();
        return j;
    }

    /**
     * Enters or corrects one judge's mark for one contestant and item.
     *
     * @param callerAccount the token subject of a judge entering his own mark; null when a trusted
     *                      caller (a bulk import) enters it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Recorded record(UUID competitionId, UUID contestantId, String itemCode, UUID judgeId, BigDecimal score,
                           String actor, String callerAccount) {
        // shared: marks of many judges go in together, but never while publication holds the row
        Competition c = Competition.share(competitionId);
        Judge judge = Judge.require(competitionId, judgeId);
        if (callerAccount != null && !callerAccount.equals(judge.account)) {
            throw ProblemException.forbidden("the marks of judge " + judge.name + " are entered by that judge only");
        }
        if (c.isPublished()) {
            throw ProblemException.conflict("already-published", "the results are published; scores cannot change")
                    .with("currentStatus", c.status.name());
        }
        c.requireStatus("scoring-not-open", "entering a score", CompetitionStatus.IN_PROGRESS);
        AssessmentItem item = AssessmentItem.<AssessmentItem>find("competitionId = ?1 and code = ?2", competitionId, itemCode)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.invalid("itemCode", "names no item of this competition: " + itemCode));
        if (!judge.assignedTo(itemCode)) {
            throw ProblemException.forbidden("judge " + judge.name + " is not assigned to item " + itemCode
                    + " (assigned: " + String.join(", ", Arrays.asList(judge.items)) + ")");
        }
        JudgingRules.requireOnScale(score, item.maxScore);
        Contestant contestant = Contestant.findById(contestantId, LockModeType.PESSIMISTIC_WRITE);
        if (contestant == null || !contestant.competitionId.equals(competitionId)) {
            throw ProblemException.notFound("contestant", contestantId);
        }
        JudgingRules.requireDifferentEnterprise(judge.name, judge.enterprise, contestant.name, contestant.enterprise);
        if (item.kind == AssessmentItem.Kind.MEASUREMENT) {
            @SuppressWarnings("unchecked")
            List<Object> others = em.createNativeQuery("SELECT judge_id FROM score WHERE contestant_id = ?1 AND item_code = ?2 AND judge_id <> ?3")
                    .setParameter(1, contestantId).setParameter(2, itemCode).setParameter(3, judgeId).getResultList();
            if (!others.isEmpty()) {
                throw ProblemException.conflict("measurement-already-scored", "item " + itemCode
                        + " takes a single objective score, entered already by judge " + others.get(0) + "; that judge corrects it");
            }
        }
        @SuppressWarnings("unchecked")
        List<BigDecimal> old = em.createNativeQuery("SELECT score FROM score WHERE contestant_id = ?1 AND item_code = ?2 AND judge_id = ?3")
                .setParameter(1, contestantId).setParameter(2, itemCode).setParameter(3, judgeId).getResultList();
        BigDecimal previous = old.isEmpty() ? null : old.get(0);
        Instant now = clock.now();
        if (previous != null && previous.compareTo(score) == 0) {
            return new Recorded(contestantId, itemCode, judgeId, previous, previous, false, actor, now);
        }
        if (previous == null) {
            em.createNativeQuery("INSERT INTO score (competition_id, contestant_id, item_code, judge_id, score, scored_by, scored_at) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, competitionId).setParameter(2, contestantId).setParameter(3, itemCode)
                    .setParameter(4, judgeId).setParameter(5, score).setParameter(6, actor).setParameter(7, now).executeUpdate();
        } else {
            em.createNativeQuery("UPDATE score SET score = ?1, scored_by = ?2, scored_at = ?3 WHERE contestant_id = ?4 AND item_code = ?5 AND judge_id = ?6")
                    .setParameter(1, score).setParameter(2, actor).setParameter(3, now)
                    .setParameter(4, contestantId).setParameter(5, itemCode).setParameter(6, judgeId).executeUpdate();
            // a re-mark is a new decision: an earlier confirmation by the chief judge no longer covers it
            em.createNativeQuery("DELETE FROM mark_confirmation WHERE contestant_id = ?1 AND item_code = ?2")
                    .setParameter(1, contestantId).setParameter(2, itemCode).executeUpdate();
        }
        // a first mark has no old score: leave it out rather than bind a null of unknown type
        var history = em.createNativeQuery("INSERT INTO score_history (competition_id, contestant_id, item_code, judge_id, new_score, changed_by, changed_at, old_score) "
                        + (previous == null ? "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL)" : "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"))
                .setParameter(1, competitionId).setParameter(2, contestantId).setParameter(3, itemCode).setParameter(4, judgeId)
                .setParameter(5, score).setParameter(6, actor).setParameter(7, now);
        if (previous != null) {
            history.setParameter(8, previous);
        }
        history.executeUpdate();
        return new Recorded(contestantId, itemCode, judgeId, score, previous, previous == null, actor, now);
    }

    /** The chief judge accepts marks that spread wider than the item's tolerance. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirm(UUID competitionId, UUID contestantId, String itemCode, String note, String actor) {
        Competition c = Competition.share(competitionId);
        c.requireStatus("already-published", "confirming marks", CompetitionStatus.IN_PROGRESS, CompetitionStatus.SCORING_CLOSED);
        Contestant.require(competitionId, contestantId);
        AssessmentItem item = AssessmentItem.<AssessmentItem>find("competitionId = ?1 and code = ?2", competitionId, itemCode)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.invalid("itemCode", "names no item of this competition: " + itemCode));
        List<BigDecimal> marks = marks(contestantId, itemCode);
        if (item.kind != AssessmentItem.Kind.JUDGEMENT || !ScoringRules.outOfTolerance(marks, item.effectiveTolerance())) {
            throw ProblemException.conflict("not-flagged", "the marks of item " + itemCode + " for this contestant are not flagged");
        }
        em.createNativeQuery("INSERT INTO mark_confirmation (competition_id, contestant_id, item_code, confirmed_by, confirmed_at, note) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (contestant_id, item_code) DO UPDATE "
                        + "SET confirmed_by = EXCLUDED.confirmed_by, confirmed_at = EXCLUDED.confirmed_at, note = EXCLUDED.note")
                .setParameter(1, competitionId).setParameter(2, contestantId).setParameter(3, itemCode)
                .setParameter(4, actor).setParameter(5, clock.now()).setParameter(6, note == null ? "" : note).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<BigDecimal> marks(UUID contestantId, String itemCode) {
        return em.createNativeQuery("SELECT score FROM score WHERE contestant_id = ?1 AND item_code = ?2")
                .setParameter(1, contestantId).setParameter(2, itemCode).getResultList();
    }

    public record Mark(String itemCode, UUID judgeId, BigDecimal score, String scoredBy, Instant scoredAt) {
    }

    public record Change(String itemCode, UUID judgeId, BigDecimal oldScore, BigDecimal newScore, String changedBy, Instant changedAt) {
    }

    public record Confirmation(String itemCode, String confirmedBy, Instant confirmedAt, String note) {
    }

    public List<Mark> marksOf(UUID contestantId) {
        return rows("SELECT item_code, judge_id, score, scored_by, scored_at FROM score WHERE contestant_id = ?1 ORDER BY item_code, judge_id",
                contestantId).map(t -> new Mark(t.get("item_code", String.class), t.get("judge_id", UUID.class),
                t.get("score", BigDecimal.class), t.get("scored_by", String.class), instant(t.get("scored_at")))).toList();
    }

    public List<Change> historyOf(UUID contestantId) {
        return rows("SELECT item_code, judge_id, old_score, new_score, changed_by, changed_at FROM score_history WHERE contestant_id = ?1 ORDER BY seq",
                contestantId).map(t -> new Change(t.get("item_code", String.class), t.get("judge_id", UUID.class),
                t.get("old_score", BigDecimal.class), t.get("new_score", BigDecimal.class), t.get("changed_by", String.class),
                instant(t.get("changed_at")))).toList();
    }

    public List<Confirmation> confirmationsOf(UUID contestantId) {
        return rows("SELECT item_code, confirmed_by, confirmed_at, note FROM mark_confirmation WHERE contestant_id = ?1 ORDER BY item_code",
                contestantId).map(t -> new Confirmation(t.get("item_code", String.class), t.get("confirmed_by", String.class),
                instant(t.get("confirmed_at")), t.get("note", String.class))).toList();
    }

    /** The rows of a contestant's marks, by column name. */
    @SuppressWarnings("unchecked")
    private java.util.stream.Stream<Tuple> rows(String sql, UUID contestantId) {
        return em.createNativeQuery(sql, Tuple.class).setParameter(1, contestantId).getResultList().stream();
    }

    static Instant instant(Object o) {
        if (o == null) return null;
        if (o instanceof Instant i) return i;
        if (o instanceof java.sql.Timestamp t) return t.toInstant();
        if (o instanceof java.time.OffsetDateTime t) return t.toInstant();
        throw new IllegalStateException("unexpected time type " + o.getClass());
    }
}
