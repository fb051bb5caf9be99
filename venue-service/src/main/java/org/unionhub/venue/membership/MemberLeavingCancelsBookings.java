package org.unionhub.venue.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.unionhub.platform.event.IncomingEvent;
import org.unionhub.platform.projection.MemberEventHook;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.venue.booking.Bookings;

import java.time.Instant;
import java.util.UUID;

/**
 * A member who left or was suspended loses his members-only bookings: run by the platform's membership
 * projection in the transaction that applies the event, so his status and the loss of his bookings
 * commit together.
 */
@ApplicationScoped
public class MemberLeavingCancelsBookings implements MemberEventHook {

    static final String LEFT = "org.unionhub.membership.member.left.v1";
    static final String SUSPENDED = "org.unionhub.membership.member.suspended.v1";

    @Inject
    Bookings bookings;
    @Inject
    BusinessClock clock;

    @Override
    public void onMemberEvent(IncomingEvent event) {
        if (!LEFT.equals(event.type()) && !SUSPENDED.equals(event.type())) {
            return;
        }
        // the projection already refused an event without a memberId
        UUID member = UUID.fromString(event.data().path("memberId").asText());
        MemberView now = MemberView.findById(member);
        if (now != null && now.isActive()) {
            return; // a "left" older than his reinstatement (in this batch or before it)
        }
        bookings.cancelMembersOnlyOf(member, Bookings.MEMBER_LEFT, clock.now());
    }
}
