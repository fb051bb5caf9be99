package org.unionhub.assistance.application;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.TestData.Tree;
import org.unionhub.infra.DevTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.TestData.finance;
import static org.unionhub.assistance.TestData.staff;

/** Issue 13, finding 7: finance reads the applications it pays, and no more than paying needs. */
@QuarkusTest
class FinanceReadsTest {

    @Inject
    TestData data;

    @BeforeEach
    void fund() {
        TestData.ensureFund("DAILY_RELIEF");
    }

    @Test
    void financeReadsAnApplicationItMustPayAndFindsItInTheListOfThoseAwaitingPayment() {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        String id = TestData.submit(member, "DAILY_RELIEF", "1000.00", Map.of("note", "医药费"));
        as(staff(tree.county(), "a")).body(Map.of("approvedAmount", "1000.00")).post("/api/v1/applications/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));

        as(finance()).get("/api/v1/applications/" + id).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvedAmount", equalTo("1000.00"))
                .body("memberId", equalTo(member.toString())).body("steps.step", hasItem("APPROVED"))
                // the member's reason and details (illness, costs) are not finance's to read
                .body("reason", nullValue()).body("details", nullValue());
        as(finance()).get("/api/v1/applications?status=APPROVED&limit=200").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.status", everyItem(equalTo("APPROVED")));
        as(finance()).get("/api/v1/applications?limit=200").then().statusCode(200)
                .body("items.status", everyItem(in(List.of("APPROVED", "DISBURSED"))));

        as(finance()).post("/api/v1/applications/" + id + "/disburse").then().statusCode(200);
        as(finance()).get("/api/v1/applications/" + id).then().statusCode(200)
                .body("status", equalTo("DISBURSED")).body("payoutId", notNullValue());
        as(finance()).get("/api/v1/applications?status=DISBURSED&limit=200").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void financeStillNeitherReadsWhatItDoesNotPayNorApproves() {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        String id = TestData.submit(member, "DAILY_RELIEF", "1000.00", Map.of());
        as(finance()).get("/api/v1/applications/" + id).then().statusCode(403);
        as(finance()).get("/api/v1/applications?status=SUBMITTED").then().statusCode(403);
        as(finance()).body(Map.of("approvedAmount", "1000.00")).post("/api/v1/applications/" + id + "/approve").then().statusCode(403);
        as(DevTokens.member(member)).get("/api/v1/applications/" + id).then().statusCode(200).body("status", equalTo("SUBMITTED"));

        String file = as(staff(tree.county(), "h")).body(Map.of("memberId", member, "householdSize", 3,
                        "monthlyHouseholdIncome", "1800.00", "causes", List.of("ILLNESS"), "level", "SERIOUS"))
                .post("/api/v1/hardship-files").then().statusCode(201).extract().path("id");
        as(finance()).get("/api/v1/hardship-files/" + file).then().statusCode(403);
        String legalCase = as(DevTokens.member(member)).body(Map.of("memberId", member, "kind", "WAGE_ARREARS", "description", "欠薪"))
                .post("/api/v1/legal-cases").then().statusCode(201).extract().path("id");
        as(finance()).get("/api/v1/legal-cases/" + legalCase).then().statusCode(403);
    }

    @Test
    void whoeverApprovedAnApplicationNeverPaysIt() {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        String id = TestData.submit(member, "DAILY_RELIEF", "1000.00", Map.of());
        String approverWhoAlsoPays = DevTokens.token("boss-" + UUID.randomUUID(), Set.of("admin", "finance"), null, null, Duration.ofHours(1));
        as(approverWhoAlsoPays).body(Map.of("approvedAmount", "1000.00")).post("/api/v1/applications/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        as(approverWhoAlsoPays).post("/api/v1/applications/" + id + "/disburse").then().statusCode(403)
                .body("type", equalTo("https://unionhub.org/problems/four-eyes"));
        as(finance()).get("/api/v1/applications/" + id).then().statusCode(200).body("status", equalTo("APPROVED")).body("payoutId", nullValue());
    }
}
