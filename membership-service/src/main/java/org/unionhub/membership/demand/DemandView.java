package org.unionhub.membership.demand;

import org.unionhub.membership.organization.Organization;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A demand as the member and staff read it: where it stands, who answers it, and every step with its response. */
public record DemandView(UUID id, UUID memberId, DemandCategory category, String text, DemandChannel channel, UUID forumId,
                         UUID organizationId, String organizationName, UUID memberOrganizationId, DemandStatus status,
                         Instant raisedAt, String raisedBy, Instant dueAt, boolean overdue, Instant closedAt,
                         int escalations, List<Step> history) {

    public record Step(DemandStep.Kind kind, DemandStatus status, Instant at, String actor, String response,
                       UUID fromOrganizationId, UUID toOrganizationId) {
        static Step of(DemandStep s) {
            return new Step(s.kind, s.status, s.at, s.actor, s.response, s.fromOrganizationId, s.toOrganizationId);
        }
    }

    public static DemandView of(Demand d, List<DemandStep> steps, Instant now) {
        Organization o = Organization.findById(d.answeringOrganizationId);
        return new DemandView(d.id, d.memberId, d.category, d.text, d.channel, d.forumId, d.answeringOrganizationId,
                o == null ? null : o.name, d.memberOrganizationId, d.status, d.raisedAt, d.raisedBy, d.dueAt,
                d.isOverdue(now), d.closedAt, d.escalations, steps.stream().map(Step::of).toList());
    }

    public static DemandView of(Demand d, Instant now) {
        return of(d, Demands.steps(d.id), now);
    }

    /** A page of demands with their steps read in one query. */
    public static List<DemandView> of(List<Demand> demands, Instant now) {
        if (demands.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<DemandStep>> steps = DemandStep.<DemandStep>list("demandId in ?1 order by seq",
                demands.stream().map(d -> d.id).toList()).stream().collect(Collectors.groupingBy(s -> s.demandId));
        return demands.stream().map(d -> of(d, steps.getOrDefault(d.id, List.of()), now)).toList();
    }
}
