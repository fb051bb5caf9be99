package org.unionhub.assistance.access;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.TestData.Tree;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.access.AccessMatrix;
import org.unionhub.infra.access.Caller;
import org.unionhub.infra.access.CallerTokens;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.TestData.staff;
import static org.unionhub.infra.access.Caller.ADMIN;
import static org.unionhub.infra.access.Caller.ANCESTOR_STAFF;
import static org.unionhub.infra.access.Caller.FINANCE;
import static org.unionhub.infra.access.Caller.OTHER_MEMBER;
import static org.unionhub.infra.access.Caller.PARTNER;
import static org.unionhub.infra.access.Caller.SELF;
import static org.unionhub.infra.access.Caller.SIBLING_STAFF;
import static org.unionhub.infra.access.Caller.SUBTREE_STAFF;

/**
 * Issue 13: every operation of assistance-service's OpenAPI document, called as each of the eleven
 * kinds of caller, against the declared rule; docs/security.md's assistance table is this declaration.
 *
 * <p>The records belong to "self", a member of a grassroots union (the subtree); sibling staff are
 * of the grassroots union beside it, ancestor staff of the county above both.
 */
@QuarkusTest
class AssistanceAccessMatrixTest {

    private static final String HOSPITAL = "7c1e0f5a-0001-4000-8000-000000000001";

    @Inject
    TestData data;

    private Tree tree;
    private UUID self;
    private final String fixtureStaff = "fixture";

    @Test
    void everyOperationAsEveryKindOfCaller() {
        TestData.ensureFund("DAILY_RELIEF");
        TestData.ensureFund("MUTUAL_AID");
        tree = data.tree();
        UUID sibling = data.sibling(tree);
        self = data.activeMember(tree);
        UUID other = data.activeMember(tree);
        int year = TestData.thisYear();

        // the records the calls are about, all of self
        String program = "MATRIX_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as(DevTokens.role("admin")).body(Map.of("code", program, "name", "矩阵", "money", true, "capPerPersonYear", "5000.00"))
                .post("/api/v1/programs").then().statusCode(201);
        String approved = approvedApplication();
        String file = openFile(self);
        as(DevTokens.member(self)).body(Map.of("memberId", self, "year", year))
                .post("/api/v1/mutual-aid/enrollments").then().statusCode(201);
        String referral = referral();
        String legalCase = legalCase();
        String selfOnly = "member_id = '" + self + "'";

        AccessMatrix m = AccessMatrix.forService("assistance")
                // relief campaigns have their own matrix (and section of docs/security.md)
                .include(org.unionhub.assistance.relief.ReliefAccessMatrixTest.OPERATIONS.negate())
                .callers(CallerTokens.standard(self, other, tree.grassroots(), sibling, tree.county()));

        // programs: public rules, changed by admins only (national)
        m.op("GET /api/v1/programs").rule("public").allowAll();
        m.op("GET /api/v1/programs/{code}").path("code", "TARGETED_MEDICAL").rule("public").allowAll();
        m.op("POST /api/v1/programs")
                .body(c -> "{\"code\":\"M_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "\",\"name\":\"新项目\",\"money\":true}")
                .rule("admin (programs are national rules)").allow(ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM program"));
        m.op("PUT /api/v1/programs/{code}").path("code", program).header("If-Match", "\"1\"")
                .body("{\"name\":\"矩阵\",\"money\":true,\"capPerPersonYear\":\"6000.00\"}")
                .rule("admin, with If-Match (428 without, 412 stale)").allow(ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT version FROM program WHERE code = '" + program + "'"));
        m.op("POST /api/v1/programs/{code}/funds").path("code", program).body("{\"year\":" + year + ",\"amount\":\"1000.00\"}")
                .rule("admin (national funds)").allow(ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM program_fund WHERE program_code = '" + program + "'"));
        m.op("GET /api/v1/programs/{code}/funds/{year}").path("code", "DAILY_RELIEF").path("year", year)
                .rule("staff of any organization, finance, admin").allow(SUBTREE_STAFF, SIBLING_STAFF, ANCESTOR_STAFF, FINANCE, ADMIN);

        // applications
        m.op("POST /api/v1/applications")
                .body("{\"memberId\":\"" + self + "\",\"programCode\":\"DAILY_RELIEF\",\"requestedAmount\":\"100.00\",\"reason\":\"生病\",\"details\":{}}")
                .rule("the member himself; staff over his organization; admin").allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM application WHERE " + selfOnly));
        m.op("GET /api/v1/applications/{id}").path("id", approved)
                .rule("the member himself; staff over his organization; admin; finance once APPROVED or DISBURSED (no reason, no details)")
                .allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, FINANCE, ADMIN);
        m.op("GET /api/v1/applications").query("status", "APPROVED")
                .rule("staff: their subtree's; finance: APPROVED and DISBURSED only; admin: all")
                .allow(SUBTREE_STAFF, SIBLING_STAFF, ANCESTOR_STAFF, FINANCE, ADMIN);
        m.op("POST /api/v1/applications/{id}/approve").pathPerCall("id", c -> submitted()).body("{\"approvedAmount\":\"100.00\"}")
                .rule("staff over the member's organization, never the submitter nor the member; admin")
                .allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM application WHERE status <> 'SUBMITTED' AND " + selfOnly));
        m.op("POST /api/v1/applications/{id}/reject").pathPerCall("id", c -> submitted()).body("{\"reason\":\"材料不全\"}")
                .rule("staff over the member's organization; admin").allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM application WHERE status = 'REJECTED' AND " + selfOnly));
        m.op("POST /api/v1/applications/{id}/disburse").pathPerCall("id", c -> approvedApplication())
                .rule("finance, never who submitted or approved it").allow(FINANCE)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM payout WHERE " + selfOnly));
        m.op("GET /api/v1/members/{memberId}/applications").path("memberId", self)
                .rule("the member himself; staff over his organization; admin").allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("GET /api/v1/members/{memberId}/assistance").path("memberId", self).query("year", year)
                .rule("the member himself; staff over his organization; admin").allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("GET /api/v1/reports/assistance").query("year", year).query("organizationId", tree.grassroots())
                .rule("staff over the organization; finance and admin: any").allow(SUBTREE_STAFF, ANCESTOR_STAFF, FINANCE, ADMIN);

        // hardship files and visits
        m.op("POST /api/v1/hardship-files")
                .body(c -> "{\"memberId\":\"" + data.activeMember(tree) + "\",\"householdSize\":3,\"monthlyHouseholdIncome\":\"1800.00\","
                        + "\"causes\":[\"ILLNESS\"],\"level\":\"SERIOUS\"}")
                .rule("staff over the member's organization; admin").allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM hardship_file"));
        m.op("GET /api/v1/hardship-files/{id}").path("id", file)
                .rule("the member himself; staff over his organization; admin").allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("GET /api/v1/hardship-files").query("organizationId", tree.grassroots())
                .rule("staff over the organization; admin").allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("POST /api/v1/hardship-files/{id}/review").path("id", file).body("{\"level\":\"GENERAL\"}")
                .rule("staff over the member's organization; admin").allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT version FROM hardship_file WHERE id = '" + file + "'"));
        m.op("POST /api/v1/hardship-files/{id}/close").pathPerCall("id", c -> openFile(data.activeMember(tree)))
                .body("{\"reason\":\"脱困\"}")
                .rule("staff over the member's organization; admin").allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM hardship_file WHERE status = 'CLOSED'"));
        m.op("POST /api/v1/visits")
                .body("{\"memberId\":\"" + self + "\",\"visitedOn\":\"" + LocalDate.now(BusinessClock.ZONE) + "\",\"goods\":\"米、面、油\"}")
                .rule("staff over the member's organization (never cash to himself); admin").allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM visit WHERE " + selfOnly));

        // mutual aid
        m.op("POST /api/v1/mutual-aid/enrollments")
                .body(c -> "{\"memberId\":\"" + (c == SELF ? self : data.activeMember(tree)) + "\",\"year\":" + (year + 1) + "}")
                .rule("the member himself; staff over his organization; admin").allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM mutual_aid_enrollment"));
        m.op("POST /api/v1/mutual-aid/claims")
                .body("{\"memberId\":\"" + self + "\",\"year\":" + year + ",\"kind\":\"HOSPITALIZATION\",\"amount\":\"100.00\"}")
                .rule("staff over the member's organization, never for himself; admin").allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM mutual_aid_claim WHERE " + selfOnly));

        // green channel: a national catalogue, referrals of a member
        List<Caller> readers = List.of(SELF, OTHER_MEMBER, SUBTREE_STAFF, SIBLING_STAFF, ANCESTOR_STAFF, PARTNER, ADMIN);
        m.op("GET /api/v1/green-channel/diseases").rule("members, staff, partner, admin").allow(readers.toArray(Caller[]::new));
        m.op("GET /api/v1/green-channel/hospitals").rule("members, staff, partner, admin").allow(readers.toArray(Caller[]::new));
        m.op("POST /api/v1/green-channel/diseases")
                .body(c -> "{\"code\":\"D_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "\",\"name\":\"病\",\"category\":\"OTHER\"}")
                .rule("admin (national catalogue)").allow(ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM green_channel_disease"));
        m.op("POST /api/v1/green-channel/hospitals").body("{\"name\":\"矩阵医院\",\"province\":\"山东\",\"city\":\"济南\",\"grade\":\"三甲\"}")
                .rule("admin (national catalogue)").allow(ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM green_channel_hospital"));
        m.op("POST /api/v1/green-channel/referrals")
                .body("{\"memberId\":\"" + self + "\",\"diseaseCode\":\"LEUKEMIA\",\"hospitalId\":\"" + HOSPITAL + "\"}")
                .rule("the member himself; staff over his organization; admin").allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM referral WHERE " + selfOnly));
        m.op("GET /api/v1/green-channel/referrals/{id}").path("id", referral)
                .rule("the member himself; staff over his organization; admin").allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("POST /api/v1/green-channel/referrals/{id}/admit").pathPerCall("id", c -> referral())
                .rule("staff over the member's organization; admin").allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM referral WHERE status = 'ADMITTED' AND " + selfOnly));
        m.op("POST /api/v1/green-channel/referrals/{id}/close").pathPerCall("id", c -> referral()).body("{\"outcome\":\"出院\"}")
                .rule("staff over the member's organization; admin").allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM referral WHERE status = 'CLOSED' AND " + selfOnly));

        // legal aid
        m.op("POST /api/v1/legal-cases")
                .body("{\"memberId\":\"" + self + "\",\"kind\":\"WAGE_ARREARS\",\"claimedAmount\":\"800.00\",\"description\":\"欠薪\"}")
                .rule("the member himself; staff over his organization; admin").allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM legal_case WHERE " + selfOnly));
        m.op("GET /api/v1/legal-cases/{id}").path("id", legalCase)
                .rule("the member himself; staff over his organization; admin").allow(SELF, SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);
        m.op("POST /api/v1/legal-cases/{id}/assign").path("id", legalCase).body("{\"lawyer\":\"王律师\"}")
                .rule("staff over the member's organization; admin").allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM legal_case WHERE status = 'ASSIGNED' AND " + selfOnly));
        m.op("POST /api/v1/legal-cases/{id}/close").pathPerCall("id", c -> legalCase())
                .body("{\"outcome\":\"调解成功\",\"recoveredAmount\":\"800.00\"}")
                .rule("staff over the member's organization; admin").allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN)
                .unchangedWhenDenied(() -> data.count("SELECT COUNT(*) FROM legal_case WHERE status = 'CLOSED' AND " + selfOnly));
        m.op("GET /api/v1/legal-cases/stats").query("year", year)
                .rule("staff: their own subtree's figures; admin: all").allow(SUBTREE_STAFF, SIBLING_STAFF, ANCESTOR_STAFF, ADMIN);

        // audit
        m.op("GET /api/v1/audit").query("entity", "application").query("id", approved)
                .rule("staff over the record's organization; admin").allow(SUBTREE_STAFF, ANCESTOR_STAFF, ADMIN);

        // the platform's operations endpoints
        m.op("GET /internal/projections/members/{id}").path("id", self).rule("admin, partner").allow(PARTNER, ADMIN);
        m.op("POST /internal/dead-letters/{topic}/replay").path("topic", "assistance.v1")
                .rule("admin (replays this service's own topic)").allow(ADMIN);
        m.op("GET /internal/outbox/parked")
                .rule("admin (operators: events the broker kept refusing)").allow(ADMIN);
        m.op("POST /internal/outbox/unpark")
                .rule("admin (operators)").allow(ADMIN);
        // last: it empties and rebuilds the projections the fixtures above wrote into
        m.op("POST /internal/projections/membership/rebuild")
                .rule("admin (operators)").allow(ADMIN);

        m.verify();
    }

    private String submitted() {
        return TestData.submit(self, "DAILY_RELIEF", "100.00", Map.of());
    }

    private String approvedApplication() {
        String id = submitted();
        as(staff(tree.county(), fixtureStaff)).body(Map.of("approvedAmount", "100.00"))
                .post("/api/v1/applications/" + id + "/approve").then().statusCode(200);
        return id;
    }

    private String openFile(UUID member) {
        return as(staff(tree.county(), fixtureStaff)).body(Map.of("memberId", member, "householdSize", 3,
                        "monthlyHouseholdIncome", "1800.00", "causes", List.of("ILLNESS"), "level", "SERIOUS"))
                .post("/api/v1/hardship-files").then().statusCode(201).extract().path("id");
    }

    private String referral() {
        return as(DevTokens.member(self)).body(Map.of("memberId", self, "diseaseCode", "LEUKEMIA", "hospitalId", HOSPITAL))
                .post("/api/v1/green-channel/referrals").then().statusCode(201).extract().path("id");
    }

    private String legalCase() {
        return as(DevTokens.member(self)).body(Map.of("memberId", self, "kind", "WAGE_ARREARS", "description", "欠薪"))
                .post("/api/v1/legal-cases").then().statusCode(201).extract().path("id");
    }
}
