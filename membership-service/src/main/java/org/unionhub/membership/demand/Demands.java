package org.unionhub.membership.demand;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.unionhub.membership.member.Member;
import org.unionhub.membership.organization.Organization;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Demand use cases. Every change writes a {@link DemandStep} (actor, time, the response the member reads); the due
 * time is the raising (or the last escalation) plus {@code unionhub.membership.demand.answer-period}. Times are
 * passed in, so that the overdue rule is tested at an explicit time rather than by waiting.
 */
@ApplicationScoped
public class Demands {

    /** The actor recorded on the steps the escalation job writes. */
    public static final String ESCALATION_JOB = "system:demand-escalation";
    static final String OVERDUE_RESPONSE = "本级工会未在答复期限内办结，已转交上级工会办理";
    static final int ESCALATION_BATCH = 500;

    private final Outbox outbox;
    private final EntityManager em;
    private final Duration answerPeriod;

    public Demands(Outbox outbox, EntityManager em,
                   @ConfigProperty(name = "unionhub.membership.demand.answer-period", defaultValue = "P15D") Duration answerPeriod) {
        if (answerPeriod.isNegative() || answerPeriod.isZero()) {
            throw new IllegalArgumentException("unionhub.membership.demand.answer-period must be positive, e.g. P15D");
        }
        this.outbox = outbox;
        this.em = em;
        this.answerPeriod = answerPeriod;
    }

    public Duration answerPeriod() {
        return answerPeriod;
    }

    public static Demand lock(UUID id) {
        Demand d = Demand.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw ProblemException.notFound("demand", id);
        }
        return d;
    }

    public static Demand require(UUID id) {
        Demand d = Demand.<Demand>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("demand", id));
        return d;
    }

    /** @param answering the member's organization or one of its ancestors (checked by the caller) */
    @Transactional(Transactional.TxType.MANDATORY)
    public Demand raise(Member m, DemandCategory category, String text, DemandChannel channel, UUID forumId,
                        Organization answering, String actor, Instant now) {
        Demand d = new Demand();
        d.id = UUID.randomUUID();
        d.memberId = m.id;
        d.memberOrganizationId = m.organizationId;
        d.category = category;
        d.text = text.strip();
        d.channel = channel;
        d.forumId = forumId;
        d.answeringOrganizationId = answering.id;
        d.status = DemandStatus.RECEIVED;
        d.raisedAt = now;
        d.raisedBy = actor;
        d.dueAt = now.plus(answerPeriod);
        d.persist();
        step(d, DemandStep.Kind.RECEIVED, actor, now, null, null, null);
        outbox.publish(DemandEvents.TOPIC, DemandEvents.RAISED, m.id, new DemandEvents.DemandRaised(d.id, m.id,
                category.name(), channel.name(), forumId, answering.id, answering.ancestors(), now, d.dueAt));
        return d;
    }

    /** Accept, start, resolve or decline; 409 {@code demand-status} when the current status does not allow it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Demand move(Demand d, DemandStatus target, String response, String actor, Instant now) {
        if (!d.status.canMoveTo(target)) {
            throw ProblemException.conflict("demand-status", "a " + d.status + " demand cannot become " + target
                    + (d.status.next().isEmpty() ? "" : " (allowed: " + d.status.next() + ")"))
                    .with("currentStatus", d.status);
        }
        boolean overdue = d.isOverdue(now);
        d.status = target;
        if (target.isClosed()) {
            d.closedAt = now;
        }
        step(d, DemandStep.Kind.valueOf(target.name()), actor, now, response, null, null);
        if (target == DemandStatus.RESOLVED) {
            Organization o = Organization.findById(d.answeringOrganizationId);
            outbox.publish(DemandEvents.TOPIC, DemandEvents.RESOLVED, d.memberId, new DemandEvents.DemandResolved(d.id,
                    d.memberId, d.category.name(), o.id, o.ancestors(), d.raisedAt, now, d.escalations, overdue));
        }
        return d;
    }

    /**
     * Hands an open demand to the parent of the organization answering it, with a fresh answer period. 422
     * {@code demand-escalation} at the top of the tree; 409 {@code demand-status} once it is closed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Demand escalate(Demand d, String response, String actor, Instant now) {
        if (d.status.isClosed()) {
            throw ProblemException.conflict("demand-status", "a " + d.status + " demand is closed and cannot be escalated")
                    .with("currentStatus", d.status);
        }
        Organization from = Organization.findById(d.answeringOrganizationId);
        if (from.parentId == null) {
            throw ProblemException.rule("demand-escalation", "organization " + from.id + " is the top of its tree; there is no one above it");
        }
        d.answeringOrganizationId = from.parentId;
        d.dueAt = now.plus(answerPeriod);
        d.escalations++;
        step(d, DemandStep.Kind.ESCALATED, actor, now, response, from.id, from.parentId);
        return d;
    }

    /**
     * Escalates, one level each, the open demands whose due time is before {@code now} and whose answering organization
     * has a parent. Locked rows are skipped (another run holds them), so two instances never escalate one demand twice.
     *
     * @return how many were escalated (at most one batch; the job calls again while a batch is full)
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public int escalateOverdue(Instant now) {
        List<UUID> due = em.createNativeQuery("SELECT d.id FROM demand d JOIN organization o ON o.id = d.answering_organization_id "
                        + "WHERE d.closed_at IS NULL AND d.due_at < ?1 AND o.parent_id IS NOT NULL "
                        + "ORDER BY d.due_at, d.id LIMIT ?2 FOR UPDATE OF d SKIP LOCKED", UUID.class)
                .setParameter(1, now).setParameter(2, ESCALATION_BATCH).getResultList();
        for (UUID id : due) {
            escalate(Demand.findById(id), OVERDUE_RESPONSE, ESCALATION_JOB, now);
        }
        return due.size();
    }

    public static List<DemandStep> steps(UUID demandId) {
        return DemandStep.list("demandId = ?1 order by seq", demandId);
    }

    private void step(Demand d, DemandStep.Kind kind, String actor, Instant now, String response, UUID from, UUID to) {
        Number last = (Number) em.createQuery("select coalesce(max(s.seq), 0) from DemandStep s where s.demandId = :d")
                .setParameter("d", d.id).getSingleResult();
        DemandStep s = new DemandStep();
        s.id = UUID.randomUUID();
        s.demandId = d.id;
        s.seq = last.intValue() + 1;
        s.kind = kind;
        s.status = d.status;
        s.at = now;
        s.actor = actor;
        s.response = response == null ? null : response.strip();
        s.fromOrganizationId = from;
        s.toOrganizationId = to;
        s.persist();
    }
}
