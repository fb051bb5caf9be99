package org.unionhub.membership.member;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.unionhub.platform.http.ETags;
import org.unionhub.membership.persistence.UniqueIndex;
import org.unionhub.membership.organization.Organization;
import org.unionhub.membership.organization.OrganizationTree;
import org.unionhub.platform.metrics.AfterCommit;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** Member use cases; each runs in the caller's transaction together with its history row and event. */
@ApplicationScoped
@Startup // registers its counters at start: a dashboard sees 0, and increase() the first one
public class Members {

    /**
     * @param accountSubject the applicant's own account ({@code sub}) when a worker applies online for himself; null when
     *                       staff or an admin enter the person (docs/identity.md)
     */
    public record JoinCommand(String name, String idNumber, String phone, EmploymentForm employmentForm, String employer,
                              UUID organizationId, JoinChannel joinChannel, String accountSubject) {

        boolean selfApplication() {
            return accountSubject != null;
        }
    }

    /**
     * What a worker applying for himself hears whenever his application cannot be taken, whatever the reason: the
     * ID number belongs to someone with a membership (in whichever status), or his account already has an application
     * or a membership. One text and no status, so that an application never tells whether another person is a member.
     */
    public static ProblemException applicationNotAccepted() {
        return ProblemException.conflict("application-not-accepted",
                "this application cannot be accepted online; please turn to your union (工会) in person");
    }

    private final Outbox outbox;
    private final PersonalData personalData;
    private final EntityManager em;
    private final AfterCommit afterCommit;
    private final Map<JoinChannel, Counter> joined = new EnumMap<>(JoinChannel.class);
    private final BusinessClock clock;

    public Members(Outbox outbox, PersonalData personalData, EntityManager em, AfterCommit afterCommit, MeterRegistry metrics, BusinessClock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.personalData = personalData;
        this.em = em;
        this.afterCommit = afterCommit;
        for (JoinChannel channel : JoinChannel.values()) {
            joined.put(channel, Counter.builder("unionhub.members.joined")
                    .description("members who joined (or joined again), counted at commit; channel ONLINE or ON_SITE")
                    .tag("channel", channel.name())
                    .register(metrics));
        }
    }

    /**
     * Enrolls a person, or takes back one who left or was rejected (same member id: the history then shows
     * both periods). Two joins of one person at the same moment: the unique keyed hash lets one win.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Member join(JoinCommand c, Organization org, String actor) {
        ResidentIdNumber idNumber = ResidentIdNumber.parse(c.idNumber(), clock.today());
        String phone = MobilePhone.parse(c.phone());
        String hash = personalData.hash(idNumber.value());
        if (c.selfApplication() && accountHoldsMembership(c.accountSubject())) {
            throw applicationNotAccepted();
        }
        Member m = Member.find("idHash", hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        Member.Status before = null;
        UUID fromOrg = null;
        if (m != null) {
            if (c.selfApplication() && m.status.holdsMembership()) {
                throw applicationNotAccepted();
            }
            MemberLifecycle.checkMayJoin(m.status);
            before = m.status;
            fromOrg = m.organizationId;
        } else {
            m = new Member();
            m.id = UUID.randomUUID();
            m.idHash = hash;
            m.createdBy = actor;
        }
        Instant now = clock.now();
        m.name = c.name().trim();
        m.idCipher = personalData.encrypt(idNumber.value());
        m.idMasked = idNumber.masked();
        m.birthDate = idNumber.birthDate();
        m.gender = idNumber.gender();
        m.phoneCipher = personalData.encrypt(phone);
        m.phoneMasked = MobilePhone.mask(phone);
        m.employmentForm = c.employmentForm();
        m.employer = c.employer() == null || c.employer().isBlank() ? null : c.employer().trim();
        m.organizationId = org.id;
        m.organizationPath = org.path;
        m.joinChannel = c.joinChannel();
        // a person staff enrol in person is linked to no account until the identity provider links one (docs/identity.md);
        // a rejected application's account is never carried over to the person's later membership
        m.accountSubject = c.accountSubject();
        m.status = c.joinChannel().initialStatus();
        m.joinedAt = now;
        m.statusChangedAt = now;
        if (before == null) {
            m.persist();
        }
        UniqueIndex.flush(em, () -> c.selfApplication() ? applicationNotAccepted()
                : ProblemException.conflict("already-member", "this person joined at the same moment; one active membership per person"));
        history(m, actor, "JOINED", before, fromOrg, c.joinChannel() == JoinChannel.ONLINE ? "online application" : "enrolled on site");
        outbox.publish(MemberEvents.TOPIC, MemberEvents.JOINED, m.id, eventData(m));
        Counter counter = joined.get(c.joinChannel());
        afterCommit.run(counter::increment);
        return m;
    }

    /** Whether the account already applied, or is a member, under any ID number: one live membership per account. */
    private static boolean accountHoldsMembership(String accountSubject) {
        return Member.count("accountSubject = ?1 and status in ?2", accountSubject,
                java.util.EnumSet.of(Member.Status.PENDING, Member.Status.ACTIVE, Member.Status.SUSPENDED)) > 0;
    }

    /** approve, reject, suspend, reinstate, leave: one row lock so that racing changes see each other. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Member change(Member locked, MemberLifecycle.Action action, Long expectedVersion, String reason, String actor) {
        ETags.check(expectedVersion, locked.version, "member " + locked.id);
        Member.Status before = locked.status;
        locked.status = MemberLifecycle.next(before, action);
        locked.statusChangedAt = clock.now();
        em.flush();
        history(locked, actor, action.verb.toUpperCase(java.util.Locale.ROOT), before, locked.organizationId, reason);
        outbox.publish(MemberEvents.TOPIC, MemberEvents.typeOf(action), locked.id, eventData(locked).reason(reason));
        return locked;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Member transfer(Member locked, Organization to, Long expectedVersion, String actor) {
        ETags.check(expectedVersion, locked.version, "member " + locked.id);
        MemberLifecycle.next(locked.status, MemberLifecycle.Action.TRANSFER);
        if (to.id.equals(locked.organizationId)) {
            throw ProblemException.rule("same-organization", "the member already belongs to organization " + to.id);
        }
        UUID from = locked.organizationId;
        locked.organizationId = to.id;
        locked.organizationPath = to.path;
        em.flush();
        MemberHistory h = history(locked, actor, "TRANSFERRED", locked.status, from, null);
        h.fromOrganizationId = from;
        outbox.publish(MemberEvents.TOPIC, MemberEvents.TRANSFERRED, locked.id, eventData(locked).from(from));
        return locked;
    }

    public static Member lock(UUID id) {
        Member m = Member.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ProblemException.notFound("member", id);
        }
        return m;
    }

    public static MemberEvents.MemberEventData eventData(Member m) {
        return MemberEvents.MemberEventData.of(m, OrganizationTree.ancestors(m.organizationPath));
    }

    private MemberHistory history(Member m, String actor, String action, Member.Status from, UUID fromOrg, String reason) {
        MemberHistory h = new MemberHistory();
        h.memberId = m.id;
        h.at = clock.now();
        h.actor = actor;
        h.action = action;
        h.fromStatus = from == null ? null : from.name();
        h.toStatus = m.status.name();
        h.fromOrganizationId = fromOrg;
        h.toOrganizationId = m.organizationId;
        h.reason = reason;
        h.persist();
        return h;
    }
}
