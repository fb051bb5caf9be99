package org.unionhub.assistance.relief;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.relief.ReliefFixtures.Tree;
import org.unionhub.infra.access.AccessMatrix;
import org.unionhub.infra.access.CallerTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.unionhub.assistance.relief.ReliefFixtures.approve;
import static org.unionhub.assistance.relief.ReliefFixtures.define;
import static org.unionhub.infra.access.Caller.*;

/**
 * Every relief-campaign operation tried as each kind of caller. The campaign belongs to a county federation ("the
 * subtree"); its sibling is another county under the same city; the ancestor is the city. Self is an active member of a
 * grassroots union in the county. Campaigns are defined by another county staff member, so that the subtree staff
 * token is a second person of the same level (refused approval: next-level-required).
 */
@QuarkusTest
public class ReliefAccessMatrixTest {

    /** The operations this matrix declares; AssistanceAccessMatrixTest declares every other one of the service. */
    public static final java.util.function.Predicate<String> OPERATIONS =
            k -> k.contains("/relief-campaigns") || k.endsWith("/relief");

    @Inject
    ReliefFixtures data;

    @Test
    void everyReliefOperationAsEveryCaller() {
        Tree tree = data.tree();
        String program = data.program("10000.00", "100000.00");
        List<UUID> members = data.members(tree.grassroots(), 2, "ACTIVE", "EMPLOYEE");
        UUID self = members.get(0);
        UUID other = members.get(1);
        String draft = define(tree, program, "1.00", Map.of());
        String committed = define(tree, program, "1.00", Map.of());
        approve(tree, committed, "zhao").statusCode(200);
        String body = "{\"name\":\"送温暖\",\"organizationId\":\"" + tree.county() + "\",\"programCode\":\"" + program
                + "\",\"amountPerPerson\":\"1.00\"}";

        AccessMatrix m = AccessMatrix.forService("assistance-relief")
                .callers(CallerTokens.standard(self, other, tree.county(), tree.siblingCounty(), tree.city()))
                .include(OPERATIONS);

        m.op("POST /api/v1/relief-campaigns").body(body)
                .rule("staff of the campaign's federation or above; admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> data.rows("relief_campaign", "organization_id = ?1", tree.county()));
        m.op("GET /api/v1/relief-campaigns")
                .rule("staff (campaigns of their subtree only), finance, admin")
                .allow(SUBTREE_STAFF, SIBLING_STAFF, ANCESTOR_STAFF, FINANCE, ADMIN);
        m.op("GET /api/v1/relief-campaigns/{id}").path("id", committed)
                .rule("staff of the campaign's federation or above, finance, admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, FINANCE, ADMIN);
        m.op("GET /api/v1/relief-campaigns/{id}/preview").path("id", draft)
                .rule("staff of the campaign's federation or above, finance, admin; writes nothing")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, FINANCE, ADMIN);
        m.op("POST /api/v1/relief-campaigns/{id}/approve").pathPerCall("id", caller -> define(tree, program, "1.00", Map.of()))
                .body("{}")
                .rule("a second person, staff of a federation above the creator's organization (four eyes); admin")
                .allow(ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> data.rows("relief_campaign", "organization_id = ?1 AND status <> 'DRAFT'", tree.county()));
        m.op("POST /api/v1/relief-campaigns/{id}/disburse").pathPerCall("id", caller -> {
                    String id = define(tree, program, "1.00", Map.of());
                    approve(tree, id, "zhao").statusCode(200);
                    return id;
                })
                .rule("finance (inside its subtree when the token also carries staff)")
                .allow(FINANCE)
                .unchangedWhenDenied(() -> data.rows("relief_entitlement", "organization_path LIKE '%' || CAST(?1 AS TEXT) || '%' AND status = 'PAID'",
                        tree.county().toString()));
        m.op("GET /api/v1/relief-campaigns/{id}/entitlements").path("id", committed)
                .rule("staff of the campaign's federation or above, finance, admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, FINANCE, ADMIN);
        m.op("GET /api/v1/members/{memberId}/relief").path("memberId", self)
                .rule("the member himself, staff of his subtree, admin")
                .allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.verify();
    }
}
