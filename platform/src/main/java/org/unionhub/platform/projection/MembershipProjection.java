package org.unionhub.platform.projection;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.unionhub.platform.consumer.BatchConsumer;
import org.unionhub.platform.event.EventTypes;
import org.unionhub.platform.event.IncomingEvent;
import org.unionhub.platform.metrics.DeadLetters;

import java.util.ArrayList;
import java.util.List;

/**
 * The member and organization projections of a service that reads membership's topics, for a service
 * that opts in with {@code unionhub.membership-projection.enabled=true} in its application.properties
 * (read at build time). The channels {@code membership-member-events} and
 * {@code membership-organization-events} are configured by the platform's defaults
 * (META-INF/microprofile-config.properties); the consumer group and the inbox name are
 * {@code quarkus.application.name}.
 *
 * <p>Each poll batch is applied in one transaction by {@link BatchConsumer}: transient failures are
 * retried in place, only unreadable or schema-invalid records are dead-lettered. A service's
 * {@link MemberEventHook} beans run in that transaction for each new member event.
 */
@ApplicationScoped
@Startup // registers its dead-letter counters at start, not at its first record
@IfBuildProperty(name = "unionhub.membership-projection.enabled", stringValue = "true")
public class MembershipProjection {

    public static final String MEMBER_TOPIC = "membership.member.v1";
    public static final String ORGANIZATION_TOPIC = "membership.organization.v1";

    private final String consumer;
    private final BatchConsumer batches;
    private final MembershipFeed feed;
    private final Instance<MemberEventHook> hooks;

    public MembershipProjection(@ConfigProperty(name = "quarkus.application.name") String consumer,
                                BatchConsumer batches, MembershipFeed feed, Instance<MemberEventHook> hooks,
                                DeadLetters deadLetters) {
        this.consumer = consumer;
        this.batches = batches;
        this.feed = feed;
        this.hooks = hooks;
        // at 0 from the start, so that increase() sees the first dead letter
        deadLetters.register(EventTypes.deadLetterTopic(MEMBER_TOPIC), MEMBER_TOPIC);
        deadLetters.register(EventTypes.deadLetterTopic(ORGANIZATION_TOPIC), ORGANIZATION_TOPIC);
    }

    /** The name under which this service's inbox records membership's events. */
    public String consumer() {
        return consumer;
    }

    @Incoming("membership-member-events")
    @Blocking // ordered: one batch after the other, so the order per key holds
    public void onMemberEvents(ConsumerRecords<String, byte[]> records) {
        batches.consume(consumer, list(records), feed::readMemberRecord,
                events -> feed.applyMemberEvents(consumer, events, this::hooks));
    }

    @Incoming("membership-organization-events")
    @Blocking
    public void onOrganizationEvents(ConsumerRecords<String, byte[]> records) {
        batches.consume(consumer, list(records), feed::readOrganizationRecord,
                events -> feed.applyOrganizationEvents(consumer, events));
    }

    private void hooks(IncomingEvent event) {
        for (MemberEventHook hook : hooks) {
            hook.onMemberEvent(event);
        }
    }

    /** In the order of the poll: partition by partition, each in offset order. */
    static List<ConsumerRecord<String, byte[]>> list(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        return list;
    }
}
