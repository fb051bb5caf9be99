package org.unionhub.venue.membership;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.platform.projection.MembershipFeed;
import org.unionhub.venue.booking.Bookings;

import java.time.Instant;
import java.util.UUID;

/** Keeps this service's member and organization projections from membership's topics. */
@ApplicationScoped
public class MembershipEventsConsumer {

    static final String CONSUMER = "venue-service";

    static final String LEFT = "org.unionhub.membership.member.left.v1";
    static final String SUSPENDED = "org.unionhub.membership.member.suspended.v1";

    private final MembershipFeed feed;
    private final Bookings bookings;

    public MembershipEventsConsumer(MembershipFeed feed, Bookings bookings) {
        this.feed = feed;
        this.bookings = bookings;
    }

    @Incoming("member-events")
    @Blocking
    public void onMemberEvent(ConsumerRecord<String, byte[]> record) {
        // in the projection's transaction: the member's status and the loss of his bookings commit together
        feed.onMemberRecord(CONSUMER, record, event -> {
            if (LEFT.equals(event.type()) || SUSPENDED.equals(event.type())) {
                // the projection already refused an event without a memberId
                UUID member = UUID.fromString(event.data().path("memberId").asText());
                MemberView now = MemberView.findById(member);
                if (now != null && now.isActive()) {
                    return; // a "left" older than his reinstatement, arriving late
                }
                bookings.cancelMembersOnlyOf(member, Bookings.MEMBER_LEFT, Instant.now());
            }
        });
    }

    @Incoming("organization-events")
    @Blocking
    public void onOrganizationEvent(ConsumerRecord<String, byte[]> record) {
        feed.onOrganizationRecord(CONSUMER, record);
    }
}
