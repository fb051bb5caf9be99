package org.unionhub.venue.subsidy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.OrganizationView;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.venue.site.Venue;
import org.unionhub.venue.site.VenueEvents;
import org.unionhub.venue.site.VenueKind;
import org.unionhub.venue.site.VenueLevel;
import org.unionhub.venue.site.Venues;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Evaluations, budgets and subsidies. Money leaves a budget only through
 * {@code UPDATE subsidy_budget SET committed = committed + x WHERE committed + x <= amount}: PostgreSQL re-checks the
 * condition on the latest row after waiting for a concurrent award, so concurrent awards can never overspend.
 */
@ApplicationScoped
public class Subsidies {

    public static final String CURRENCY = "CNY";

    private final EntityManager em;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final EvaluationRules rules;
    private final BusinessClock clock;

    public Subsidies(EntityManager em, Outbox outbox, ObjectMapper json, EvaluationConfig config, BusinessClock clock) {
        this.clock = clock;
        this.em = em;
        this.outbox = outbox;
        this.json = json;
        this.rules = EvaluationRules.of(config);
    }

    public EvaluationRules rules() {
        return rules;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public SubsidyBudget createBudget(UUID organizationId, int year, BigDecimal amount, String actor) {
        if (SubsidyBudget.count("organizationId = ?1 and year = ?2", organizationId, year) > 0) {
            throw ProblemException.conflict("budget-exists", "organization " + organizationId + " already has a budget for " + year);
        }
        SubsidyBudget b = new SubsidyBudget();
        b.id = UUID.randomUUID();
        b.organizationId = organizationId;
        b.year = year;
        b.amount = amount.setScale(2);
        b.committed = BigDecimal.ZERO.setScale(2);
        b.paid = BigDecimal.ZERO.setScale(2);
        b.createdBy = actor;
        b.createdAt = clock.now();
        b.persist();
        em.flush();
        return b;
    }

    /**
     * @param authorize      called with the venue's organization: the evaluator must be above it
     * @param authorizeSpend called with the organization of the budget an award would draw on
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Evaluation evaluate(UUID venueId, int year, Map<String, BigDecimal> scores, String actor, Consumer<UUID> authorize,
                               Consumer<UUID> authorizeSpend) {
        Venue v = Venues.require(venueId);
        authorize.accept(v.organizationId);
        if (v.kind != VenueKind.CULTURAL_PALACE || (v.level != VenueLevel.CITY && v.level != VenueLevel.COUNTY)) {
            throw ProblemException.rule("not-evaluable", "only city and county workers' cultural palaces are evaluated; venue "
                    + venueId + " is a " + v.level + " " + v.kind);
        }
        if (Evaluation.count("venueId = ?1 and year = ?2", venueId, year) > 0) {
            throw ProblemException.conflict("evaluation-exists", "venue " + venueId + " was already evaluated for " + year);
        }
        EvaluationRules.Result result = rules.grade(scores);
        Instant now = clock.now();
        Evaluation e = new Evaluation();
        e.id = UUID.randomUUID();
        e.venueId = venueId;
        e.year = year;
        e.scores = write(scores);
        e.total = result.total();
        e.grade = result.grade();
        e.awardAmount = result.award();
        e.evaluatedBy = actor;
        e.evaluatedAt = now;
        e.persist();
        em.flush(); // a concurrent second evaluation fails here on UNIQUE (venue_id, year): 409
        if (result.award().signum() > 0) {
            Subsidy s = newSubsidy(Subsidy.Kind.EVALUATION_AWARD, v, year, now);
            s.evaluationId = e.id;
            s.amount = result.award();
            SubsidyBudget budget = commit(v.organizationId, year, result.award(), authorizeSpend);
            s.budgetId = budget.id;
            s.status = Subsidy.Status.AWARDED;
            s.persist();
            step(s, Subsidy.Status.AWARDED, actor, now, s.amount, "grade " + result.grade());
            e.subsidyId = s.id;
            awarded(s, budget, e.grade, actor, now);
        }
        outbox.publish(VenueEvents.TOPIC, SubsidyEvents.GRADED, e.id, new SubsidyEvents.EvaluationGraded(e.id, venueId,
                v.organizationId, year, e.total, e.grade, e.awardAmount, e.subsidyId, actor, now));
        return e;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Subsidy submitConstruction(UUID venueId, Subsidy.ConstructionKind kind, BigDecimal requested, String description,
                                      int year, String actor, Consumer<UUID> authorize) {
        Venue v = Venues.require(venueId);
        authorize.accept(v.organizationId);
        Instant now = clock.now();
        Subsidy s = newSubsidy(Subsidy.Kind.CONSTRUCTION, v, year, now);
        s.constructionKind = kind;
        s.requestedAmount = requested.setScale(2);
        s.description = description;
        s.status = Subsidy.Status.SUBMITTED;
        s.persist();
        step(s, Subsidy.Status.SUBMITTED, actor, now, s.requestedAmount, description);
        return s;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Subsidy approve(UUID id, BigDecimal amount, String note, String actor, Consumer<UUID> authorize,
                           Consumer<UUID> authorizeSpend) {
        Subsidy s = lockConstruction(id);
        authorize.accept(s.organizationId);
        s.status.requireCanBecome(Subsidy.Status.APPROVED, id);
        if (amount.compareTo(s.requestedAmount) > 0) {
            throw ProblemException.invalid("amount", "must not exceed the requested " + s.requestedAmount);
        }
        Instant now = clock.now();
        SubsidyBudget budget = commit(s.organizationId, s.year, amount, authorizeSpend);
        s.amount = amount.setScale(2);
        s.budgetId = budget.id;
        s.status = Subsidy.Status.APPROVED;
        step(s, Subsidy.Status.APPROVED, actor, now, s.amount, note);
        awarded(s, budget, null, actor, now);
        return s;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Subsidy reject(UUID id, String reason, String actor, Consumer<UUID> authorize) {
        Subsidy s = lockConstruction(id);
        authorize.accept(s.organizationId);
        s.status.requireCanBecome(Subsidy.Status.REJECTED, id);
        s.status = Subsidy.Status.REJECTED;
        s.reason = reason;
        step(s, Subsidy.Status.REJECTED, actor, clock.now(), null, reason);
        return s;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Subsidy pay(UUID id, String reference, String actor) {
        Subsidy s = em.find(Subsidy.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ProblemException.notFound("subsidy", id);
        }
        s.status.requireCanBecome(Subsidy.Status.PAID, id);
        requireOtherHands(s, actor);
        Instant now = clock.now();
        em.createNativeQuery("UPDATE subsidy_budget SET paid = paid + ?1 WHERE id = ?2")
                .setParameter(1, s.amount).setParameter(2, s.budgetId).executeUpdate();
        s.status = Subsidy.Status.PAID;
        s.paymentReference = reference;
        step(s, Subsidy.Status.PAID, actor, now, s.amount, reference);
        outbox.publish(VenueEvents.TOPIC, SubsidyEvents.PAID, s.id, new SubsidyEvents.SubsidyPaid(s.id, s.kind, s.venueId,
                s.organizationId, s.year, s.amount, CURRENCY, s.budgetId, reference, actor, now));
        return s;
    }

    /**
     * The budget of the year held by the nearest organization strictly above the venue's that has one. The venue's own
     * organization never funds its own award or subsidy, even where it holds a budget (it funds venues below it).
     */
    SubsidyBudget fundingBudget(UUID venueOrganization, int year) {
        List<UUID> above = nearestFirst(venueOrganization).stream().filter(o -> !o.equals(venueOrganization)).toList();
        List<SubsidyBudget> budgets = above.isEmpty() ? List.of() : SubsidyBudget.list("year = ?1 and organizationId in ?2", year, above);
        return budgets.stream().min((a, b) -> Integer.compare(above.indexOf(a.organizationId), above.indexOf(b.organizationId)))
                .orElseThrow(() -> {
                    if (SubsidyBudget.count("organizationId = ?1 and year = ?2", venueOrganization, year) > 0) {
                        return ProblemException.rule("budget-not-above", "the " + year + " budget of organization " + venueOrganization
                                + " is the venue's own: an award or subsidy is paid from the budget of a federation above it, and none has one");
                    }
                    return ProblemException.rule("no-budget", "no federation above organization " + venueOrganization + " has a subsidy budget for "
                            + year + "; create one with POST /api/v1/subsidy-budgets");
                });
    }

    /** Whoever asked for or committed the money does not also record its payment (four eyes on every yuan). */
    private static void requireOtherHands(Subsidy s, String actor) {
        if (SubsidyStep.count("subsidyId = ?1 and actor = ?2", s.id, actor) > 0) {
            throw ProblemException.forbidden("you recorded an earlier step of subsidy " + s.id + "; its payment is recorded by someone else");
        }
    }

    private SubsidyBudget commit(UUID venueOrganization, int year, BigDecimal amount, Consumer<UUID> authorizeSpend) {
        SubsidyBudget budget = fundingBudget(venueOrganization, year);
        authorizeSpend.accept(budget.organizationId);
        int updated = em.createNativeQuery("UPDATE subsidy_budget SET committed = committed + ?1 WHERE id = ?2 AND committed + ?1 <= amount")
                .setParameter(1, amount).setParameter(2, budget.id).executeUpdate();
        if (updated == 0) {
            BigDecimal remaining = (BigDecimal) em.createNativeQuery("SELECT amount - committed FROM subsidy_budget WHERE id = ?1")
                    .setParameter(1, budget.id).getSingleResult();
            throw ProblemException.rule("budget-exceeded", "the " + year + " subsidy budget has " + remaining
                            + " yuan left, less than the " + amount.setScale(2) + " this would award")
                    .with("remaining", remaining.setScale(2).toPlainString()).with("requested", amount.setScale(2).toPlainString())
                    .with("budgetId", budget.id);
        }
        return budget;
    }

    private static List<UUID> nearestFirst(UUID organization) {
        OrganizationView org = OrganizationView.findById(organization);
        if (org == null || org.path == null) {
            return List.of(organization);
        }
        List<UUID> chain = new ArrayList<>(Arrays.stream(org.path.split("/")).filter(p -> !p.isEmpty()).map(UUID::fromString).toList());
        Collections.reverse(chain);
        return chain;
    }

    private Subsidy lockConstruction(UUID id) {
        Subsidy s = em.find(Subsidy.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null || s.kind != Subsidy.Kind.CONSTRUCTION) {
            throw ProblemException.notFound("construction subsidy", id);
        }
        return s;
    }

    private static Subsidy newSubsidy(Subsidy.Kind kind, Venue v, int year, Instant now) {
        Subsidy s = new Subsidy();
        s.id = UUID.randomUUID();
        s.kind = kind;
        s.venueId = v.id;
        s.organizationId = v.organizationId;
        s.year = year;
        s.createdAt = now;
        return s;
    }

    private static void step(Subsidy s, Subsidy.Status status, String actor, Instant at, BigDecimal amount, String note) {
        SubsidyStep step = new SubsidyStep();
        step.subsidyId = s.id;
        step.status = status;
        step.actor = actor;
        step.at = at;
        step.amount = amount;
        step.note = note;
        step.persist();
    }

    private void awarded(Subsidy s, SubsidyBudget budget, Grade grade, String actor, Instant now) {
        outbox.publish(VenueEvents.TOPIC, SubsidyEvents.AWARDED, s.id, new SubsidyEvents.SubsidyAwarded(s.id, s.kind, s.venueId,
                s.organizationId, s.year, s.amount, CURRENCY, budget.id, budget.organizationId, s.evaluationId, grade,
                s.constructionKind, actor, now));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
