package org.unionhub.membership.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.projection.MemberSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Member use cases; each runs in one transaction with the events it publishes. */
@ApplicationScoped
public class Members {

    private final Outbox outbox;

    public Members(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Member join(String name, UUID organizationId, String actor) {
        Member m = new Member();
        m.id = UUID.randomUUID();
        m.name = name;
        m.organizationId = organizationId;
        m.status = Member.Status.ACTIVE;
        m.joinedAt = Instant.now();
        m.createdBy = actor;
        m.persist();
        outbox.publish(MemberEvents.TOPIC, MemberEvents.JOINED, m.id, snapshot(m));
        return m;
    }

    static MemberSnapshot snapshot(Member m) {
        return new MemberSnapshot(m.id, m.name, m.status.name(), m.organizationId, List.of(), null);
    }
}
