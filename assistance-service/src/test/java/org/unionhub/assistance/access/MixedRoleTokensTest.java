package org.unionhub.assistance.access;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.TestData.Tree;
import org.unionhub.infra.DevTokens;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.TestData.staff;

/**
 * Issue 13: a token that carries {@code staff} is judged by its staff scope, whatever other roles
 * it holds. Adding a role never widens what a token may do, and nobody decides about money for himself.
 */
@QuarkusTest
class MixedRoleTokensTest {

    @Inject
    TestData data;

    @BeforeEach
    void funds() {
        TestData.ensureFund("DAILY_RELIEF");
        TestData.ensureFund("MUTUAL_AID");
    }

    private static String staffAndMember(UUID org, UUID member) {
        return DevTokens.token("clerk-" + member, Set.of("staff", "member"), member, org, Duration.ofHours(1));
    }

    @Test
    void aStaffMemberNeverApprovesHisOwnApplication() {
        Tree tree = data.tree();
        UUID clerk = data.activeMember(tree);
        String id = TestData.submit(clerk, "DAILY_RELIEF", "1000.00", Map.of());
        as(staffAndMember(tree.county(), clerk)).body(Map.of("approvedAmount", "1000.00"))
                .post("/api/v1/applications/" + id + "/approve").then().statusCode(403)
                .body("type", equalTo("https://unionhub.org/problems/four-eyes"));
        as(DevTokens.member(clerk)).get("/api/v1/applications/" + id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("approvedAmount", nullValue());
    }

    @Test
    void aStaffMemberNeverPaysHimselfAMutualAidClaim() {
        Tree tree = data.tree();
        UUID clerk = data.activeMember(tree);
        as(DevTokens.member(clerk)).body(Map.of("memberId", clerk, "year", TestData.thisYear()))
                .post("/api/v1/mutual-aid/enrollments").then().statusCode(201);
        as(staffAndMember(tree.county(), clerk)).body(Map.of("memberId", clerk, "year", TestData.thisYear(),
                        "kind", "HOSPITALIZATION", "amount", "50000.00"))
                .post("/api/v1/mutual-aid/claims").then().statusCode(403);
        as(DevTokens.member(clerk)).get("/api/v1/members/" + clerk + "/assistance").then().statusCode(200)
                .body("programs.find { it.programCode == 'MUTUAL_AID' }.received", equalTo("0.00"));
    }

    @Test
    void aStaffTokenThatAlsoCarriesMemberOpensNothingOutsideItsSubtree() {
        Tree mine = data.tree();
        Tree elsewhere = data.tree();
        // the clerk's own membership lies outside the subtree his staff token administers
        UUID clerk = data.activeMember(elsewhere);
        String id = TestData.submit(clerk, "DAILY_RELIEF", "1000.00", Map.of());
        String mixed = staffAndMember(mine.county(), clerk);
        as(mixed).get("/api/v1/applications/" + id).then().statusCode(403);
        as(mixed).get("/api/v1/members/" + clerk + "/applications").then().statusCode(403);
        // back-dating cover is a staff power, inside the staff's subtree only
        as(mixed).body(Map.of("memberId", clerk, "year", TestData.thisYear(), "coveredFrom", TestData.thisYear() + "-01-01"))
                .post("/api/v1/mutual-aid/enrollments").then().statusCode(403);
        // his own member token still works for himself
        as(DevTokens.member(clerk)).get("/api/v1/applications/" + id).then().statusCode(200);
    }

    @Test
    void staffThatAlsoCarriesFinanceIsHeldToItsSubtree() {
        Tree mine = data.tree();
        Tree elsewhere = data.tree();
        UUID member = data.activeMember(elsewhere);
        String id = TestData.submit(member, "DAILY_RELIEF", "1000.00", Map.of());
        as(staff(elsewhere.county(), "a")).body(Map.of("approvedAmount", "1000.00")).post("/api/v1/applications/" + id + "/approve")
                .then().statusCode(200);
        String staffAndFinance = DevTokens.token("sf-" + UUID.randomUUID(), Set.of("staff", "finance"), null, mine.county(), Duration.ofHours(1));
        as(staffAndFinance).get("/api/v1/reports/assistance?year=" + TestData.thisYear() + "&organizationId=" + elsewhere.county())
                .then().statusCode(403);
        as(staffAndFinance).post("/api/v1/applications/" + id + "/disburse").then().statusCode(403);
        as(TestData.finance()).get("/api/v1/applications/" + id).then().statusCode(200).body("status", equalTo("APPROVED"));
    }
}
