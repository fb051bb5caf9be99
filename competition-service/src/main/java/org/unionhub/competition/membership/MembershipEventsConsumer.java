package org.unionhub.competition.membership;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.unionhub.platform.projection.MembershipFeed;

/** Keeps this service's member and organization projections from membership's topics. */
@ApplicationScoped
public class MembershipEventsConsumer {

    static final String CONSUMER = "competition-service";

    private final MembershipFeed feed;

    public MembershipEventsConsumer(MembershipFeed feed) {
        this.feed = feed;
    }

    @Incoming("member-events")
    @Blocking
    public void onMemberEvent(ConsumerRecord<String, byte[]> record) {
        feed.onMemberRecord(CONSUMER, record, event -> { });
    }

    @Incoming("organization-events")
    @Blocking
    public void onOrganizationEvent(ConsumerRecord<String, byte[]> record) {
        feed.onOrganizationRecord(CONSUMER, record);
    }
}
