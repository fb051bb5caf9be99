package org.unionhub.membership.organization;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.unionhub.membership.persistence.UniqueIndex;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.OrganizationPath;
import org.unionhub.platform.identity.OrganizationScope;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.projection.OrganizationSnapshot;
import org.unionhub.platform.projection.OrganizationView;
import org.unionhub.platform.time.BusinessClock;

import java.time.Instant;
import java.util.UUID;

/** Organization use cases: each writes the entity, the platform's organization_view row and the event together. */
@ApplicationScoped
public class Organizations {

    @Inject
    Outbox outbox;
    @Inject
    OrganizationScope scope;
    @Inject
    Actor actor;
    @Inject
    EntityManager em;
    @Inject
    BusinessClock clock;

    public static Organization require(UUID id) {
        Organization o = Organization.<Organization>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("organization", id));
        return o;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Organization create(String name, OrganizationType type, UUID parentId, String regionCode, String rawCreditCode, String actor) {
        Organization parent = null;
        if (parentId != null) {
            parent = Organization.findById(parentId);
            if (parent == null) {
                throw ProblemException.invalid("parentId", "no such organization");
            }
            scope.require(parentId);
        } else if (!this.actor.has(Roles.ADMIN)) {
            throw ProblemException.forbidden("only an admin may found a new provincial federation");
        }
        OrganizationTree.checkPlacement(type, parent == null ? null : parent.type);
        String creditCode = CreditCode.parse(rawCreditCode);
        requireUniqueCreditCode(creditCode, null);
        Organization o = new Organization();
        o.id = UUID.randomUUID();
        o.name = name.trim();
        o.type = type;
        o.parentId = parentId;
        o.regionCode = regionCode;
        o.creditCode = creditCode;
        o.path = OrganizationPath.child(parent == null ? null : parent.path, o.id);
        o.createdAt = clock.now();
        o.updatedAt = o.createdAt;
        o.createdBy = actor;
        o.persist();
        flushOrDuplicate();
        project(o);
        outbox.publish(OrganizationEvents.TOPIC, OrganizationEvents.CREATED, o.id, snapshot(o));
        return o;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Organization update(UUID id, Long expectedVersion, String name, String regionCode, String rawCreditCode) {
        Organization o = Organization.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (o == null) {
            throw ProblemException.notFound("organization", id);
        }
        scope.require(id);
        org.unionhub.platform.http.ETags.check(expectedVersion, o.version, "organization " + id);
        String creditCode = CreditCode.parse(rawCreditCode);
        requireUniqueCreditCode(creditCode, id);
        o.name = name.trim();
        o.regionCode = regionCode;
        o.creditCode = creditCode;
        o.updatedAt = clock.now();
        flushOrDuplicate();
        project(o);
        outbox.publish(OrganizationEvents.TOPIC, OrganizationEvents.UPDATED, o.id, snapshot(o));
        return o;
    }

    public static OrganizationSnapshot snapshot(Organization o) {
        return new OrganizationSnapshot(o.id, o.name, o.type.name(), o.parentId, o.ancestors());
    }

    private void requireUniqueCreditCode(String creditCode, UUID self) {
        if (creditCode == null) {
            return;
        }
        long others = Organization.count("creditCode = :c and id <> :self",
                Parameters.with("c", creditCode).and("self", self == null ? new UUID(0, 0) : self));
        if (others > 0) {
            throw ProblemException.conflict("duplicate-credit-code", "another organization already has this unified social credit code");
        }
    }

    /** Two creations racing on one credit code: the unique index decides, and the loser hears 409. */
    private void flushOrDuplicate() {
        UniqueIndex.flush(em, () -> ProblemException.conflict("duplicate-credit-code",
                "another organization already has this unified social credit code"));
    }

    /** The platform's organization_view, so that OrganizationScope works inside this service too. */
    private static void project(Organization o) {
        OrganizationView view = OrganizationView.findById(o.id);
        if (view == null) {
            view = new OrganizationView();
            view.id = o.id;
        }
        view.name = o.name;
        view.type = o.type.name();
        view.parentId = o.parentId;
        view.path = o.path;
        view.updatedAt = o.updatedAt;
        view.persist();
    }
}
