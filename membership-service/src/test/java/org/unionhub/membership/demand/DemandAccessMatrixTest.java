package org.unionhub.membership.demand;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.infra.access.AccessMatrix;
import org.unionhub.infra.access.Caller;
import org.unionhub.infra.access.CallerTokens;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import static org.unionhub.infra.access.Caller.ADMIN;
import static org.unionhub.infra.access.Caller.ANCESTOR_STAFF;
import static org.unionhub.infra.access.Caller.OTHER_MEMBER;
import static org.unionhub.infra.access.Caller.SELF;
import static org.unionhub.infra.access.Caller.SUBTREE_STAFF;
import static org.unionhub.membership.demand.DemandFixture.staff;

/**
 * Every operation on demands and forums, tried as each kind of caller. The record's organization is the truck drivers'
 * union (subtree staff); the sibling is another union under the same county, the ancestor is the county federation;
 * "self" is the member whose demand it is.
 */
@QuarkusTest
public class DemandAccessMatrixTest {

    /** The operations this matrix declares; MembershipAccessMatrixTest declares every other one of the service. */
    public static final java.util.function.Predicate<String> OPERATIONS =
            k -> k.contains("/demands") || k.contains("/forums") || k.contains("/demand-figures");

    static final String RAISE_TEXT = "货运平台拖欠我三个月运费共8200元。";

    @Test
    void everyDemandAndForumOperationAdmitsExactlyItsDeclaredCallers() {
        DemandFixture f = new DemandFixture();
        UUID self = f.member();
        UUID other = f.member();
        UUID demand = DemandFixture.raise(self);
        UUID forum = DemandFixture.forum(f.leaf, LocalDate.now(BusinessClock.ZONE).toString(), "加油、维修负担重");
        // operations that use up their target get a fresh demand per caller, made before any call so that the probes
        // of refused calls see only what the call itself did
        Map<Caller, UUID> toAccept = pool(self, f);
        Map<Caller, UUID> toStart = pool(self, f, "accept");
        Map<Caller, UUID> toResolve = pool(self, f, "accept");
        Map<Caller, UUID> toDecline = pool(self, f);
        Map<Caller, UUID> toEscalate = pool(self, f);

        AccessMatrix m = AccessMatrix.forService("membership-demands")
                .callers(CallerTokens.standard(self, other, f.leaf, f.sibling, f.county))
                .include(OPERATIONS);

        m.op("POST /api/v1/demands")
                .body(c -> c == SELF || c == OTHER_MEMBER
                        ? "{\"memberId\":\"" + self + "\",\"category\":\"WAGE_ARREARS\",\"text\":\"" + RAISE_TEXT + "\"}"
                        : "{\"memberId\":\"" + self + "\",\"category\":\"WAGE_ARREARS\",\"text\":\"" + RAISE_TEXT + "\",\"channel\":\"VISIT\"}")
                .rule("the member for himself (from the app); staff over the member's organization (forum or visit); admin. "
                        + "A token with staff is judged by its staff scope only")
                .allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> count("SELECT count(*) FROM demand"));
        m.op("GET /api/v1/demands/{id}").path("id", demand)
                .rule("the member himself; staff over the answering organization or the member's organization; admin")
                .allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        transition(m, "accept", toAccept);
        transition(m, "start", toStart);
        transition(m, "resolve", toResolve);
        transition(m, "decline", toDecline);
        transition(m, "escalate", toEscalate);
        m.op("GET /api/v1/members/{id}/demands").path("id", self)
                .rule("the member himself; staff over his organization; admin")
                .allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("GET /api/v1/organizations/{id}/demands").path("id", f.leaf).query("overdue", false)
                .rule("staff over the organization; admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("GET /api/v1/organizations/{id}/demand-figures").path("id", f.leaf)
                .query("year", LocalDate.now(BusinessClock.ZONE).getYear())
                .rule("staff over the organization; admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("POST /api/v1/forums")
                .body("{\"organizationId\":\"" + f.leaf + "\",\"heldOn\":\"2026-02-15\",\"topic\":\"货车司机代表座谈会\","
                        + "\"representativeMemberIds\":[\"" + self + "\"],\"opinions\":[\"停车难\"]}")
                .rule("staff over the forum's organization; admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> count("SELECT count(*) FROM forum"));
        m.op("GET /api/v1/forums/{id}").path("id", forum)
                .rule("staff over the forum's organization; admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("GET /api/v1/organizations/{id}/forums").path("id", f.leaf)
                .rule("staff over the organization; admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.verify();
    }

    private static void transition(AccessMatrix m, String action, Map<Caller, UUID> targets) {
        m.op("POST /api/v1/demands/{id}/" + action).pathPerCall("id", targets::get)
                .body("{\"response\":\"工会已处理。\"}")
                .rule("staff over the organization answering the demand; admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> count("SELECT count(*) FROM demand_step"));
    }

    /** One demand of {@code self} per caller, taken through {@code steps} by the union's staff. */
    private static Map<Caller, UUID> pool(UUID self, DemandFixture f, String... steps) {
        Map<Caller, UUID> ids = new EnumMap<>(Caller.class);
        for (Caller c : Caller.values()) {
            UUID id = DemandFixture.raise(self);
            for (String step : steps) {
                DemandFixture.step(staff(f.leaf), id, step, "已受理").statusCode(200);
            }
            ids.put(c, id);
        }
        return ids;
    }

    private static Object count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) Demand.getEntityManager().createNativeQuery(sql).getSingleResult()).longValue());
    }
}
