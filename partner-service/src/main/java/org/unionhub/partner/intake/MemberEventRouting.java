package org.unionhub.partner.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.unionhub.platform.event.IncomingEvent;
import org.unionhub.platform.projection.MemberEventHook;

/**
 * Membership's member events, applied by the platform's batch consumer (MembershipProjection: a poll batch per
 * transaction, once per event through the inbox), are routed to the partners in the same transaction and order.
 */
@ApplicationScoped
public class MemberEventRouting implements MemberEventHook {

    @Inject
    Fanout fanout;

    @Override
    public void onMemberEvent(IncomingEvent event) {
        // the subject is the member id, the record's key (platform Outbox)
        fanout.route(event, event.subject());
    }
}
