package org.unionhub.membership.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.access.AccessMatrix;
import org.unionhub.infra.access.CallerTokens;
import org.unionhub.membership.TestData;
import org.unionhub.membership.organization.Organization;
import org.unionhub.platform.projection.MemberView;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.unionhub.infra.access.Caller.ADMIN;
import static org.unionhub.infra.access.Caller.ANCESTOR_STAFF;
import static org.unionhub.infra.access.Caller.OTHER_MEMBER;
import static org.unionhub.infra.access.Caller.PARTNER;
import static org.unionhub.infra.access.Caller.SELF;
import static org.unionhub.infra.access.Caller.SIBLING_STAFF;
import static org.unionhub.infra.access.Caller.SUBTREE_STAFF;
import static org.unionhub.membership.TestData.admin;

/**
 * Every operation of membership-service's OpenAPI document, called as each of the eleven kinds of caller (issue 13).
 *
 * <p>The fixture: province → city → county → leaf union. "The subtree" is the county federation, so subtree staff
 * are staff of the county; the sibling is another county under the same city; the ancestor is the city. The member
 * records the calls are about sit in the leaf union below the county; "self" and "other member" are two of them.
 * Operations that use up their target (approve, suspend, …) take a fixed target: the first allowed caller changes
 * it and the later ones hear 409/422, which comes after the access check and so still shows they were let through.
 */
@QuarkusTest
class MembershipAccessMatrixTest {

    @Inject
    EntityManager em;

    private Object probe(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            Object r = q.getSingleResult();
            return r instanceof Object[] row ? Arrays.asList(row) : r;
        });
    }

    private Object memberState(String id) {
        return probe("SELECT status || ' ' || organization_id || ' ' || version FROM member WHERE id = ?1", UUID.fromString(id));
    }

    private static String pendingApplication(UUID org) {
        return given().auth().oauth2(DevTokens.role("member")).contentType(ContentType.JSON)
                .body(TestData.joinBody("申请人", TestData.idNumber(), TestData.phone(), "COURIER", org, "ONLINE"))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    private static String act(String memberId, String action, String body) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body).post("/api/v1/members/" + memberId + "/" + action)
                .then().statusCode(200).extract().path("id");
    }

    private static String issueCard(String memberId) {
        return given().auth().oauth2(admin()).post("/api/v1/members/" + memberId + "/cards").then().statusCode(201)
                .extract().path("number");
    }

    @Test
    void everyOperationAnswersEachKindOfCallerAsDeclared() {
        TestData.Tree t = TestData.tree();
        UUID county = t.county();
        UUID leaf = t.leaf();
        UUID siblingCounty = UUID.fromString(TestData.createOrg(admin(), "兴城市总工会-" + TestData.suffix(), "FEDERATION_COUNTY",
                t.city().toString()));
        UUID otherLeaf = UUID.fromString(TestData.createOrg(admin(), "绥中县网约车行业联合工会-" + TestData.suffix(), "INDUSTRY_JOINT",
                county.toString()));

        String self = TestData.activeMember(leaf, "TRUCK_DRIVER");
        String other = TestData.activeMember(leaf, "COURIER");
        String toApprove = pendingApplication(leaf);
        String toReject = pendingApplication(leaf);
        String toSuspend = TestData.activeMember(leaf, "COURIER");
        String toReinstate = TestData.activeMember(leaf, "COURIER");
        act(toReinstate, "suspend", "{}");
        String toLeave = TestData.activeMember(leaf, "COURIER");
        String toTransfer = TestData.activeMember(leaf, "COURIER");
        String toIssue = TestData.activeMember(leaf, "COURIER");
        String selfCard = issueCard(self);
        String redeemCard = issueCard(TestData.activeMember(leaf, "COURIER"));
        String partner = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"中石化绥中加油站\",\"category\":\"FUEL\",\"discountRate\":\"0.97\"}")
                .post("/api/v1/benefit-partners").then().statusCode(201).extract().path("id");
        // an upload by the subtree staff's own account (DevTokens.staff gives the sub "staff-<org>")
        String upload = given().auth().oauth2(DevTokens.staff(county)).contentType("text/csv")
                .body(csv(otherLeaf)).post("/api/v1/member-imports").then().statusCode(202).extract().path("id");
        // membership owns members and keeps no member_view of its own; the platform's operator endpoint reads that table
        UUID projected = UUID.fromString(self);
        QuarkusTransaction.requiringNew().run(() -> {
            if (MemberView.findById(projected) == null) {
                MemberView v = new MemberView();
                v.id = projected;
                v.name = "投影";
                v.status = "ACTIVE";
                v.organizationId = leaf;
                v.organizationPath = Organization.<Organization>findById(leaf).path;
                v.employmentForm = "TRUCK_DRIVER";
                v.updatedAt = Instant.now();
                v.persist();
            }
        });

        AccessMatrix m = AccessMatrix.forService("membership")
                // demands and forums have their own matrix (and section of docs/security.md)
                .include(org.unionhub.membership.demand.DemandAccessMatrixTest.OPERATIONS.negate())
                .callers(CallerTokens.standard(UUID.fromString(self), UUID.fromString(other), county, siblingCounty, t.city())
                        // the partner caller is a fuel station's till: a partner token bound to the benefit partner
                        .with(PARTNER, DevTokens.sign(DevTokens.claims("till-" + TestData.suffix(), java.util.Set.of("partner"))
                                .claim("partnerId", partner))));

        // --- organizations ---
        m.op("POST /api/v1/organizations")
                .body(c -> "{\"name\":\"新联合工会-" + TestData.suffix() + "\",\"type\":\"INDUSTRY_JOINT\",\"parentId\":\"" + county
                        + "\",\"regionCode\":\"211421\"}")
                .rule("staff whose subtree holds the parent; admin (only an admin founds a provincial federation)")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> probe("SELECT count(*) FROM organization WHERE parent_id = ?1", county));
        m.op("GET /api/v1/organizations")
                .rule("any staff, admin, partner (the tree is not secret)")
                .allow(SUBTREE_STAFF, SIBLING_STAFF, ANCESTOR_STAFF, PARTNER, ADMIN);
        m.op("GET /api/v1/organizations/{id}").path("id", county)
                .rule("any member, staff, partner, admin")
                .allow(SELF, OTHER_MEMBER, SUBTREE_STAFF, SIBLING_STAFF, ANCESTOR_STAFF, PARTNER, ADMIN);
        m.op("PUT /api/v1/organizations/{id}").path("id", county)
                .body("{\"name\":\"绥中县总工会-改名\",\"regionCode\":\"211421\"}")
                .rule("staff of its subtree (itself or above), admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> probe("SELECT name || ' ' || version FROM organization WHERE id = ?1", county));
        m.op("GET /api/v1/organizations/{id}/children").path("id", county)
                .rule("any staff, admin, partner")
                .allow(SUBTREE_STAFF, SIBLING_STAFF, ANCESTOR_STAFF, PARTNER, ADMIN);
        m.op("GET /api/v1/organizations/{id}/stats").path("id", county)
                .rule("staff of its subtree, admin, partner (a token with staff is held to its subtree)")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, PARTNER, ADMIN);

        // --- members ---
        m.op("POST /api/v1/members")
                .body(c -> TestData.joinBody("入会" + TestData.suffix(), TestData.idNumber(), TestData.phone(), "COURIER", leaf,
                        c == SELF || c == OTHER_MEMBER ? "ONLINE" : "ON_SITE"))
                .rule("member: ONLINE for himself, bound to his account (a token already naming a membership hears 409); "
                        + "staff inside their subtree; admin")
                .allow(SELF, OTHER_MEMBER, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> probe("SELECT count(*) FROM member WHERE organization_id = ?1", leaf));
        m.op("GET /api/v1/members").query("organizationId", leaf)
                .rule("staff, within their subtree (organizationId outside it: 403); admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("GET /api/v1/members/{id}").path("id", self)
                .rule("the member himself, staff of his subtree, admin")
                .allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("GET /api/v1/members/{id}/history").path("id", self)
                .rule("the member himself, staff of his subtree, admin")
                .allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        lifeCycle(m, "approve", toApprove, "{}");
        lifeCycle(m, "reject", toReject, "{\"reason\":\"资料不全\"}");
        lifeCycle(m, "suspend", toSuspend, "{}");
        lifeCycle(m, "reinstate", toReinstate, "{}");
        lifeCycle(m, "leave", toLeave, "{\"reason\":\"退休\"}");
        m.op("POST /api/v1/members/{id}/transfer").path("id", toTransfer)
                .body("{\"toOrganizationId\":\"" + otherLeaf + "\"}")
                .rule("staff whose subtree holds both the member's organization and the target, admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> memberState(toTransfer));

        // --- cards, savings, honors ---
        m.op("GET /api/v1/members/{id}/cards").path("id", self)
                .rule("the member himself, staff of his subtree, admin")
                .allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("POST /api/v1/members/{id}/cards").path("id", toIssue)
                .rule("staff of the member's subtree, admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> probe("SELECT count(*) FROM card WHERE member_id = ?1", UUID.fromString(toIssue)));
        m.op("GET /api/v1/members/{id}/savings").path("id", self)
                .rule("the member himself, staff of his subtree, admin")
                .allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("GET /api/v1/members/{id}/honors").path("id", self)
                .rule("the member himself, staff of his subtree, admin")
                .allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("POST /api/v1/members/{id}/honors").path("id", self)
                .body("{\"kind\":\"MODEL_WORKER\",\"title\":\"葫芦岛市劳动模范\",\"awardedOn\":\"2023-04-28\"}")
                .rule("staff of the member's subtree, admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> probe("SELECT count(*) FROM honor WHERE member_id = ?1", UUID.fromString(self)));
        m.op("POST /api/v1/benefit-partners")
                .body(c -> "{\"name\":\"合作商户-" + TestData.suffix() + "\",\"category\":\"FUEL\",\"discountRate\":\"0.95\"}")
                .rule("admin only: the catalogue is one for every union")
                .allow(ADMIN)
                .unchangedWhenDenied(() -> probe("SELECT count(*) FROM benefit_partner"));
        m.op("GET /api/v1/benefit-partners")
                .rule("any member, staff, partner, admin")
                .allow(SELF, OTHER_MEMBER, SUBTREE_STAFF, SIBLING_STAFF, ANCESTOR_STAFF, PARTNER, ADMIN);
        m.op("POST /api/v1/cards/{number}/block").path("number", selfCard)
                .rule("the card's member himself, staff of his subtree, admin")
                .allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> probe("SELECT status FROM card WHERE number = ?1", selfCard));
        m.op("POST /api/v1/cards/{number}/redemptions").path("number", redeemCard)
                .body("{\"partnerId\":\"" + partner + "\",\"amount\":\"300.00\"}")
                .rule("staff of the card member's subtree, admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> probe("SELECT count(*) FROM redemption WHERE card_number = ?1", redeemCard));
        m.op("GET /api/v1/partner/cards/{number}").path("number", redeemCard)
                .rule("a partner token bound to a benefit partner (claim partnerId): active and that partner's discount, no personal data")
                .allow(PARTNER);
        m.op("POST /api/v1/partner/cards/{number}/redemptions").path("number", redeemCard)
                .header("Idempotency-Key", "matrix-" + TestData.suffix())
                .body("{\"amount\":\"300.00\"}")
                .rule("a partner token bound to a benefit partner, at its own discount; Idempotency-Key required")
                .allow(PARTNER)
                .unchangedWhenDenied(() -> probe("SELECT count(*) FROM redemption WHERE card_number = ?1", redeemCard));

        // --- bulk enrollment ---
        m.op("POST /api/v1/member-imports").contentType("text/csv").body(c -> csv(otherLeaf))
                .rule("any staff (rows outside their subtree fail, each with its line), admin")
                .allow(SUBTREE_STAFF, SIBLING_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> probe("SELECT count(*) FROM member_import"));
        m.op("GET /api/v1/member-imports/{id}").path("id", upload)
                .rule("the account that uploaded it, admin")
                .allow(SUBTREE_STAFF, ADMIN);

        // --- the platform's operator endpoints (not routed by the gateway) ---
        m.op("POST /internal/dead-letters/{topic}/replay").path("topic", "membership.organization.v1")
                .rule("admin")
                .allow(ADMIN);
        m.op("GET /internal/outbox/parked")
                .rule("admin (operators: events the broker kept refusing)").allow(ADMIN);
        m.op("POST /internal/outbox/unpark")
                .rule("admin (operators)").allow(ADMIN);
        m.op("GET /internal/projections/members/{id}").path("id", self)
                .rule("admin, partner")
                .allow(PARTNER, ADMIN);

        m.verify();
    }

    private void lifeCycle(AccessMatrix m, String action, String target, String body) {
        m.op("POST /api/v1/members/{id}/" + action).path("id", target).body(body)
                .rule("staff of the member's subtree, admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> memberState(target));
    }

    private static String csv(UUID org) {
        return "name,idNumber,phone,employmentForm,employer,organizationId\n"
                + "批量" + TestData.suffix() + "," + TestData.idNumber() + "," + TestData.phone() + ",COURIER,顺达物流," + org + "\n";
    }
}
