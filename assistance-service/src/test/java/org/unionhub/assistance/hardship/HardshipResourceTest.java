package org.unionhub.assistance.hardship;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.TestData.Tree;
import org.unionhub.infra.DevTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.TestData.staff;

@QuarkusTest
class HardshipResourceTest {

    @Inject
    TestData data;

    @BeforeEach
    void funds() {
        TestData.ensureFund("DAILY_RELIEF");
    }

    private String open(Tree tree, UUID member, String level) {
        return as(staff(tree.county(), "case-worker")).body(Map.of("memberId", member, "householdSize", 4,
                        "monthlyHouseholdIncome", "2100.00", "causes", List.of("ILLNESS", "EDUCATION_COSTS"), "level", level))
                .post("/api/v1/hardship-files").then().statusCode(201).extract().path("id");
    }

    @Test
    void aFileIsOpenedReviewedYearlyAndClosedWithEveryStepAudited() {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        String id = open(tree, member, "SERIOUS");
        as(staff(tree.county(), "x")).body(Map.of("memberId", member, "householdSize", 4, "monthlyHouseholdIncome", "2100.00",
                "causes", List.of("ILLNESS"), "level", "SERIOUS")).post("/api/v1/hardship-files").then().statusCode(409);

        as(staff(tree.city(), "r")).body(Map.of("monthlyHouseholdIncome", "3200.00", "level", "GENERAL"))
                .post("/api/v1/hardship-files/" + id + "/review").then().statusCode(200)
                .body("level", equalTo("GENERAL")).body("monthlyHouseholdIncome", equalTo("3200.00"))
                .body("reviewedBy", equalTo("staff-r-" + tree.city())).body("nextReviewOn", notNullValue());
        as(staff(tree.county(), "c")).body(Map.of("reason", "家庭收入已稳定，脱困"))
                .post("/api/v1/hardship-files/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closeReason", equalTo("家庭收入已稳定，脱困"));
        as(staff(tree.county(), "c")).body(Map.of("reason", "again")).post("/api/v1/hardship-files/" + id + "/close")
                .then().statusCode(409);
        as(staff(tree.county(), "c")).get("/api/v1/audit?entity=hardship-file&id=" + id).then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.contains("opened", "reviewed", "closed"))
                .body("items[1].oldValue.level", equalTo("SERIOUS"))
                .body("items[1].newValue.level", equalTo("GENERAL"));
    }

    @Test
    void staffListFilesOfTheirSubtreeByLevelAndMembersSeeOnlyTheirOwn() {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        UUID neighbour = data.activeMember(tree);
        String extreme = open(tree, member, "EXTREME");
        String general = open(tree, neighbour, "GENERAL");
        as(staff(tree.city(), "l")).get("/api/v1/hardship-files?organizationId=" + tree.grassroots() + "&level=EXTREME&limit=200")
                .then().statusCode(200).body("items.id", hasItem(extreme)).body("items.id", not(hasItem(general)));
        Tree other = data.tree();
        as(staff(other.city(), "l")).get("/api/v1/hardship-files?organizationId=" + tree.grassroots()).then().statusCode(403);
        as(DevTokens.member(member)).get("/api/v1/hardship-files/" + extreme).then().statusCode(200).body("level", equalTo("EXTREME"));
        // no member ever sees another member's file
        as(DevTokens.member(neighbour)).get("/api/v1/hardship-files/" + extreme).then().statusCode(403);
        as(DevTokens.member(member)).get("/api/v1/hardship-files?organizationId=" + tree.grassroots()).then().statusCode(403);
        as(staff(tree.county(), "x")).body(Map.of("memberId", member, "householdSize", 0, "monthlyHouseholdIncome", "1.00",
                "causes", List.of("ILLNESS"), "level", "GENERAL")).post("/api/v1/hardship-files").then().statusCode(400)
                .body("errors[0].field", equalTo("householdSize"));
        as(staff(tree.county(), "x")).body(Map.of("memberId", member, "householdSize", 2, "monthlyHouseholdIncome", "1.00",
                "causes", List.of("ILLNESS"), "level", "DIRE")).post("/api/v1/hardship-files").then().statusCode(400);
    }

    @Test
    void visitCashCountsAgainstDailyReliefAndItsCap() {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        String today = java.time.LocalDate.now(org.unionhub.platform.time.BusinessClock.ZONE).toString();
        as(staff(tree.county(), "v")).body(Map.of("memberId", member, "visitedOn", today, "goods", "米、面、油各一份", "cashAmount", "6000.00"))
                .post("/api/v1/visits").then().statusCode(201).body("goods", equalTo("米、面、油各一份"));
        as(staff(tree.county(), "v")).body(Map.of("memberId", member, "visitedOn", today, "goods", "慰问品"))
                .post("/api/v1/visits").then().statusCode(201).body("cashAmount", equalTo(null));
        as(DevTokens.member(member)).get("/api/v1/members/" + member + "/assistance").then().statusCode(200)
                .body("programs.find { it.programCode == 'DAILY_RELIEF' }.received", equalTo("6000.00"))
                .body("programs.find { it.programCode == 'DAILY_RELIEF' }.remaining", equalTo("4000.00"));
        // DAILY_RELIEF's cap of 10,000.00 a year holds for visits too
        as(staff(tree.county(), "v")).body(Map.of("memberId", member, "visitedOn", today, "goods", "慰问金", "cashAmount", "4000.01"))
                .post("/api/v1/visits").then().statusCode(422).body("type", containsString("cap-exceeded"));
        as(DevTokens.member(member)).body(Map.of("memberId", member, "visitedOn", today, "goods", "x", "cashAmount", "1.00"))
                .post("/api/v1/visits").then().statusCode(403);
    }

    @Test
    void aProgramThatRequiresAHardshipFileRefusesMembersWithoutOne() {
        String admin = DevTokens.role("admin");
        String code = "HF_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as(admin).body(Map.of("code", code, "name", "困难职工帮扶", "money", true, "requiresHardshipFile", true)).post("/api/v1/programs")
                .then().statusCode(201);
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        as(DevTokens.member(member)).body(Map.of("memberId", member, "programCode", code, "requestedAmount", "100.00", "reason", "困难"))
                .post("/api/v1/applications").then().statusCode(422).body("type", containsString("hardship-file-required"));
        open(tree, member, "GENERAL");
        as(DevTokens.member(member)).body(Map.of("memberId", member, "programCode", code, "requestedAmount", "100.00", "reason", "困难"))
                .post("/api/v1/applications").then().statusCode(201);
    }
}
