package org.unionhub.competition.contest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.unionhub.platform.time.BusinessClock;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Creating competitions and moving them through their statuses. */
@ApplicationScoped
public class Competitions {

    public record NewItem(String code, String name, java.math.BigDecimal weight, java.math.BigDecimal maxScore,
                          AssessmentItem.Kind kind, java.math.BigDecimal tolerance) {
    }

    public record NewCompetition(String name, String industry, Competition.Level level, Competition.Stage stage,
                                 List<String> organizers, String location, java.time.LocalDate startsOn,
                                 java.time.LocalDate endsOn, int teamSize, List<NewItem> items, List<String> tieBreakOrder) {
    }

    @Inject
    BusinessClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Competition create(NewCompetition n, UUID organizerOrgId, String actor) {
        List<String> codes = n.items().stream().map(NewItem::code).toList();
        CompetitionRules.requireDistinctCodes(codes);
        CompetitionRules.requireWeightsSumTo100(n.items().stream().map(NewItem::weight).toList());
        List<String> tieBreak = n.tieBreakOrder() == null ? List.of() : n.tieBreakOrder();
        CompetitionRules.requireKnownTieBreak(tieBreak, codes);
        CompetitionRules.requireOrderedDates(n.startsOn(), n.endsOn());
        Instant now = clock.now();
        Competition c = new Competition();
        c.id = UUID.randomUUID();
        c.name = n.name();
        c.industry = n.industry();
        c.level = n.level();
        c.stage = n.stage();
        c.organizers = n.organizers().toArray(String[]::new);
        c.location = n.location();
        c.startsOn = n.startsOn();
        c.endsOn = n.endsOn();
        c.teamSize = n.teamSize();
        c.tieBreak = tieBreak.toArray(String[]::new);
        c.status = CompetitionStatus.DRAFT;
        c.organizerOrgId = organizerOrgId;
        c.createdBy = actor;
        c.createdAt = now;
        c.updatedBy = actor;
        c.updatedAt = now;
        c.persist();
        int position = 0;
        for (NewItem i : n.items()) {
            AssessmentItem item = new AssessmentItem();
            item.id = UUID.randomUUID();
            item.competitionId = c.id;
            item.code = i.code();
            item.name = i.name();
            item.weight = i.weight();
            item.maxScore = i.maxScore();
            item.kind = i.kind();
            item.tolerance = i.kind() == AssessmentItem.Kind.JUDGEMENT ? i.tolerance() : null;
            item.position = position++;
            item.persist();
        }
        return c;
    }

    /** One step forward; publication has its own use case because it decides the prizes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Competition advance(UUID id, CompetitionStatus target, String actor) {
        Competition c = Competition.lock(id);
        if (target == CompetitionStatus.PUBLISHED && c.status.mayMoveTo(target)) {
            throw org.unionhub.platform.problem.ProblemException.conflict("publish-with-quotas",
                    "results are published with POST /api/v1/competitions/" + id + "/publish and the prize quotas")
                    .with("currentStatus", c.status.name());
        }
        c.moveTo(target, actor, clock.now());
        return c;
    }
}
