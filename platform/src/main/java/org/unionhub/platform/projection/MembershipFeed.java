package org.unionhub.platform.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.unionhub.platform.event.IncomingEvent;
import org.unionhub.platform.inbox.Inbox;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Keeps {@code member_view} and {@code organization_view} from membership's topics, once per event.
 * A service's {@code @Incoming} method hands each record here, with what else the service does
 * with it (e.g. cancel the bookings of a member who left), all in one transaction.
 */
@ApplicationScoped
public class MembershipFeed {

    public static final String MEMBER_EVENT_PREFIX = "org.unionhub.membership.member.";
    public static final String ORGANIZATION_EVENT_PREFIX = "org.unionhub.membership.organization.";

    private final Inbox inbox;
    private final ObjectMapper json;

    public MembershipFeed(Inbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    /** Applies one record of {@code membership.member.v1}; {@code also} runs after the projection. */
    @Transactional
    public void onMemberRecord(String consumer, ConsumerRecord<String, byte[]> record, Consumer<IncomingEvent> also) {
        IncomingEvent event = IncomingEvent.from(record, json);
        inbox.once(consumer, event, e -> {
            if (e.type().startsWith(MEMBER_EVENT_PREFIX)) {
                applyMember(e);
            }
            also.accept(e);
        });
    }

    /** Applies one record of {@code membership.organization.v1}. */
    @Transactional
    public void onOrganizationRecord(String consumer, ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record, json);
        inbox.once(consumer, event, e -> {
            if (e.type().startsWith(ORGANIZATION_EVENT_PREFIX)) {
                applyOrganization(e);
            }
        });
    }

    void applyMember(IncomingEvent e) {
        MemberSnapshot s = read(e, MemberSnapshot.class);
        if (s.memberId() == null) {
            throw new IncomingEvent.MalformedEventException(e.type() + " without memberId");
        }
        Instant at = e.time() == null ? Instant.now() : e.time().toInstant();
        MemberView view = MemberView.findById(s.memberId());
        if (view == null) {
            view = new MemberView();
            view.id = s.memberId();
        } else if (view.updatedAt != null && view.updatedAt.isAfter(at)) {
            return; // an older event arriving late must not undo a newer state
        }
        view.name = s.name();
        view.status = s.status();
        view.organizationId = s.organizationId();
        view.organizationPath = s.organizationPath();
        view.employmentForm = s.employmentForm();
        view.updatedAt = at;
        view.persist();
    }

    void applyOrganization(IncomingEvent e) {
        OrganizationSnapshot s = read(e, OrganizationSnapshot.class);
        Instant at = e.time() == null ? Instant.now() : e.time().toInstant();
        OrganizationView view = OrganizationView.findById(s.organizationId());
        if (view == null) {
            view = new OrganizationView();
            view.id = s.organizationId();
        } else if (view.updatedAt != null && view.updatedAt.isAfter(at)) {
            return;
        }
        view.name = s.name();
        view.type = s.type();
        view.parentId = s.parentId();
        view.path = s.path();
        view.updatedAt = at;
        view.persist();
    }

    private <T> T read(IncomingEvent e, Class<T> type) {
        try {
            return json.treeToValue(e.data(), type);
        } catch (JsonProcessingException ex) {
            throw new IncomingEvent.MalformedEventException(e.type() + " data unreadable: " + ex.getOriginalMessage());
        }
    }
}
