package org.unionhub.partner.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.unionhub.platform.event.IncomingEvent;
import org.unionhub.platform.inbox.Inbox;
import org.unionhub.platform.projection.MembershipFeed;

/**
 * Four of the five topics partner-service relays, each through the platform inbox; membership's member events come
 * through the platform's batch consumer instead ({@link MemberEventRouting}). The organization events also keep the
 * organization projection the subtree filter needs (platform MembershipFeed), in the same transaction.
 */
@ApplicationScoped
public class EventIntake {

    static final String CONSUMER = "partner-service";

    @Inject
    MembershipFeed feed;
    @Inject
    Inbox inbox;
    @Inject
    ObjectMapper json;
    @Inject
    Fanout fanout;

    @Incoming("organization-events")
    @Blocking
    @Transactional
    public void onOrganizationEvent(ConsumerRecord<String, byte[]> record) {
        feed.onOrganizationRecord(CONSUMER, record);
        // MembershipFeed has no callback for organizations: route in the same transaction, once (its own inbox key)
        relay(record);
    }

    @Incoming("venue-events")
    @Blocking
    @Transactional
    public void onVenueEvent(ConsumerRecord<String, byte[]> record) {
        relay(record);
    }

    @Incoming("assistance-events")
    @Blocking
    @Transactional
    public void onAssistanceEvent(ConsumerRecord<String, byte[]> record) {
        relay(record);
    }

    @Incoming("competition-events")
    @Blocking
    @Transactional
    public void onCompetitionEvent(ConsumerRecord<String, byte[]> record) {
        relay(record);
    }

    private void relay(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record, json);
        inbox.once(CONSUMER + "/relay", event, e -> fanout.route(e, record.key()));
    }
}
