package org.unionhub.assistance.greenchannel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.unionhub.assistance.audit.AuditTrail;
import org.unionhub.platform.event.EventTypes;
import org.unionhub.platform.identity.Access;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.paging.Page;
import org.unionhub.platform.paging.PageRequest;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.platform.time.BusinessClock;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.unionhub.assistance.greenchannel.GreenChannelApi.*;

/** The green channel's use cases: the national catalogues of diseases and hospitals, and referrals of members. */
@ApplicationScoped
public class GreenChannel {

    private static final UUID BEFORE_EVERY_ID = new UUID(0, 0);

    @Inject
    EntityManager em;
    @Inject
    Access access;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    BusinessClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Page<Disease> diseases(PageRequest page) {
        String after = page.first() ? "" : page.cursor(1).text(0);
        List<CoveredDisease> rows = CoveredDisease.<CoveredDisease>find("code > ?1 ORDER BY code", after).range(0, page.limit()).list();
        return Page.of(rows, page.limit(), d -> PageRequest.encode(d.code), Disease::of);
    }

    /** Adds a disease, or renames the one of that code: one statement, so two admins loading the same code never clash. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Disease addDisease(Disease d) {
        em.createQuery("INSERT INTO CoveredDisease (code, name, category) VALUES (:code, :name, :category) "
                        + "ON CONFLICT (code) DO UPDATE SET name = excluded.name, category = excluded.category")
                .setParameter("code", d.code()).setParameter("name", d.name()).setParameter("category", d.category()).executeUpdate();
        audit.record("green-channel-disease", d.code(), "loaded", access.actor().subject(), null, null, d);
        return d;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Page<Hospital> hospitals(String province, PageRequest page) {
        UUID after = page.first() ? BEFORE_EVERY_ID : page.cursor(1).uuid(0);
        List<ListedHospital> rows = (province == null
                ? ListedHospital.<ListedHospital>find("id > ?1 ORDER BY id", after)
                : ListedHospital.<ListedHospital>find("id > ?1 AND province = ?2 ORDER BY id", after, province))
                .range(0, page.limit()).list();
        return Page.of(rows, page.limit(), h -> PageRequest.encode(h.id), Hospital::of);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Hospital addHospital(Hospital h) {
        ListedHospital row = new ListedHospital();
        row.id = UUID.randomUUID();
        row.name = h.name();
        row.province = h.province();
        row.city = h.city();
        row.grade = h.grade();
        row.persist();
        Hospital created = Hospital.of(row);
        audit.record("green-channel-hospital", row.id, "loaded", access.actor().subject(), null, null, created);
        return created;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ReferralView refer(ReferralRequest r) {
        MemberView m = access.requireActingFor(r.memberId());
        if (!m.isActive()) {
            throw ProblemException.rule("member-not-active", "the member's membership is " + m.status
                    + "; the green channel needs an active one").with("memberStatus", m.status);
        }
        if (CoveredDisease.findById(r.diseaseCode()) == null) {
            throw ProblemException.rule("disease-not-covered", r.diseaseCode() + " is not on the green channel's list of diseases");
        }
        if (ListedHospital.findById(r.hospitalId()) == null) {
            throw ProblemException.rule("hospital-not-listed", "hospital " + r.hospitalId() + " is not on the green channel's list");
        }
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.memberId = m.id;
        referral.organizationId = m.organizationId;
        referral.organizationPath = m.organizationPath;
        referral.diseaseCode = r.diseaseCode();
        referral.hospitalId = r.hospitalId();
        referral.status = ReferralStatus.REFERRED;
        referral.referredAt = clock.now();
        referral.referredBy = access.actor().subject();
        referral.persist();
        ReferralView view = ReferralView.of(referral);
        audit.record("referral", referral.id, "referred", referral.referredBy, m.organizationPath, null, view);
        outbox.publish("assistance.v1", EventTypes.type("assistance", "referral", "created", 1), referral.id,
                new ReferralCreated(referral.id, m.id, m.organizationId, r.hospitalId(), referral.referredAt));
        return view;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ReferralView get(UUID id) {
        Referral r = Referral.<Referral>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("referral", id));
        access.requireRead(r.memberId, r.organizationId);
        return ReferralView.of(r);
    }

    /** Admitted or closed by staff of the member's subtree; the row locked, so two staff members acting at once queue. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReferralView move(UUID id, ReferralStatus to, String outcome) {
        Referral r = Referral.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ProblemException.notFound("referral", id);
        }
        access.requireStaffOver(r.organizationId);
        ReferralView before = ReferralView.of(r);
        Instant now = clock.now();
        r.moveTo(to, access.actor().subject(), now, outcome);
        ReferralView after = ReferralView.of(r);
        audit.record("referral", id, to == ReferralStatus.ADMITTED ? "admitted" : "closed", access.actor().subject(),
                r.organizationPath, before, after);
        return after;
    }
}
