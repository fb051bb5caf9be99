package org.unionhub.membership.honor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.unionhub.platform.event.IncomingEvent;
import org.unionhub.platform.inbox.Inbox;

/** Turns the competition service's prizes and medal nominations into honors, once each. */
@ApplicationScoped
public class CompetitionEventsConsumer {

    static final String CONSUMER = "membership-service";

    @Inject
    Inbox inbox;
    @Inject
    Honors honors;
    @Inject
    ObjectMapper json;

    @Incoming("competition-events")
    @Blocking
    @Transactional
    public void onCompetitionEvent(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record, json);
        inbox.once(CONSUMER, event, honors::onCompetitionEvent);
    }
}
