package org.unionhub.membership.demand;

import org.unionhub.membership.member.MemberEvents;
import org.unionhub.platform.event.EventTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The events partners (e.g. a city's service platform counting demands answered) read. They travel on the member topic
 * {@code membership.member.v1}, keyed by the member id as every record of that topic is: the topic, its dead-letter
 * topic and its ACLs exist in every deployment, the services that keep member projections skip types outside
 * {@code member.*}, and one member's demands stay in order with his own membership changes (a demand's events all carry
 * its member's key, so raised is always read before resolved). The data holds no personal data beyond the member id:
 * neither his name nor the demand's text or the answers, which may name people.
 */
public final class DemandEvents {

    public static final String TOPIC = MemberEvents.TOPIC;
    public static final String RAISED = EventTypes.type("membership", "demand", "raised", 1);
    public static final String RESOLVED = EventTypes.type("membership", "demand", "resolved", 1);

    /** {@code organizationAncestors}: root first, so that a federation's platform counts its whole subtree. */
    public record DemandRaised(UUID demandId, UUID memberId, String category, String channel, UUID forumId,
                               UUID organizationId, List<UUID> organizationAncestors, Instant raisedAt, Instant dueAt) {
    }

    /** {@code organizationId}: the organization that resolved it (after escalations, an ancestor of the member's). */
    public record DemandResolved(UUID demandId, UUID memberId, String category, UUID organizationId,
                                 List<UUID> organizationAncestors, Instant raisedAt, Instant resolvedAt,
                                 int escalations, boolean overdue) {
    }

    private DemandEvents() {
    }
}
