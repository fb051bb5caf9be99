package org.unionhub.assistance.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.TestData.Tree;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.TopicProbe;

import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.TestData.finance;
import static org.unionhub.assistance.TestData.staff;

@QuarkusTest
class ApplicationLifecycleTest {

    @Inject
    TestData data;

    private static final Map<String, Object> COST = Map.of("outOfPocketCost", "42000.00", "hospital", "山东省立医院");

    @org.junit.jupiter.api.BeforeEach
    void funds() {
        TestData.ensureFund("TARGETED_MEDICAL");
        TestData.ensureFund("DAILY_RELIEF");
    }

    @Test
    void aMemberAppliesStaffApprovesTwiceAboveTheThresholdFinancePaysAndEveryStepKeepsActorAndTime() throws Exception {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        String id = TestData.submit(member, "TARGETED_MEDICAL", "20000.00", COST);

        as(DevTokens.member(member)).get("/api/v1/applications/" + id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("details.hospital", equalTo("山东省立医院"))
                .body("reason", equalTo("生病住院"));

        // 20,000.00 is above TARGETED_MEDICAL's threshold of 10,000.00: county first, then city
        as(staff(tree.county(), "wang")).body(Map.of("approvedAmount", "20000.00"))
                .post("/api/v1/applications/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("AWAITING_SECOND_APPROVAL"));
        // finance may not pay before the second approval
        as(finance()).post("/api/v1/applications/" + id + "/disburse").then().statusCode(409)
                .body("currentStatus", equalTo("AWAITING_SECOND_APPROVAL"));
        // the same person, or another county colleague, may not give the second approval
        as(staff(tree.county(), "wang")).body(Map.of()).post("/api/v1/applications/" + id + "/approve").then().statusCode(403)
                .body("type", containsString("four-eyes"));
        as(staff(tree.county(), "li")).body(Map.of()).post("/api/v1/applications/" + id + "/approve").then().statusCode(403)
                .body("type", containsString("next-level-required"));
        as(staff(tree.city(), "zhao")).body(Map.of()).post("/api/v1/applications/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvedAmount", equalTo("20000.00"));

        // disbursement needs finance, not staff
        as(staff(tree.province(), "sun")).post("/api/v1/applications/" + id + "/disburse").then().statusCode(403);
        String payout = as(finance()).post("/api/v1/applications/" + id + "/disburse").then().statusCode(200)
                .body("status", equalTo("DISBURSED")).body("payoutId", notNullValue())
                .body("steps.step", org.hamcrest.Matchers.contains("SUBMITTED", "APPROVED", "SECOND_APPROVED", "DISBURSED"))
                .body("steps.actor", not(hasItem(org.hamcrest.Matchers.nullValue())))
                .body("steps.at", not(hasItem(org.hamcrest.Matchers.nullValue())))
                .body("steps[0].actor", equalTo("member-" + member))
                .extract().path("payoutId");
        as(finance()).post("/api/v1/applications/" + id + "/disburse").then().statusCode(409);

        // finance partners see the payout, exact, keyed by the application, without personal data
        try (TopicProbe probe = new TopicProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), "assistance.v1")) {
            var record = probe.await(r -> id.equals(r.key())
                    && "org.unionhub.assistance.assistance.disbursed.v1".equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(60));
            String value = TopicProbe.value(record);
            JsonNode data = new ObjectMapper().readTree(value);
            assertThat(data.get("payoutId").asText()).isEqualTo(payout);
            assertThat(value).contains("\"amount\":\"20000.00\"");
            assertThat(value).doesNotContain("phone").doesNotContain("idNumber").doesNotContain("生病住院");
            assertRequiredFieldsOfSchema("org.unionhub.assistance.assistance.disbursed.v1.json", data);
            var submitted = probe.await(r -> id.equals(r.key())
                    && "org.unionhub.assistance.application.submitted.v1".equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30));
            assertRequiredFieldsOfSchema("org.unionhub.assistance.application.submitted.v1.json", new ObjectMapper().readTree(TopicProbe.value(submitted)));
            var approved = probe.await(r -> id.equals(r.key())
                    && "org.unionhub.assistance.application.approved.v1".equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30));
            assertRequiredFieldsOfSchema("org.unionhub.assistance.application.approved.v1.json", new ObjectMapper().readTree(TopicProbe.value(approved)));
        }
    }

    static void assertRequiredFieldsOfSchema(String schema, JsonNode data) throws Exception {
        try (InputStream in = ApplicationLifecycleTest.class.getResourceAsStream("/events/" + schema)) {
            assertThat(in).as("schema " + schema).isNotNull();
            JsonNode s = new ObjectMapper().readTree(in);
            for (JsonNode field : s.get("required")) {
                assertThat(data.has(field.asText())).as(schema + " requires " + field.asText()).isTrue();
            }
        }
    }

    @Test
    void amountsUpToTheThresholdNeedOneApproval() {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        String id = TestData.submit(member, "TARGETED_MEDICAL", "10000.00", COST);
        as(staff(tree.grassroots(), "chen")).body(Map.of("approvedAmount", "8000.00"))
                .post("/api/v1/applications/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvedAmount", equalTo("8000.00"))
                .body("requestedAmount", equalTo("10000.00"));
    }

    @Test
    void theApproverIsNeverTheSubmitter() {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        String clerk = staff(tree.county(), "clerk");
        String id = as(clerk).body(Map.of("memberId", member, "programCode", "DAILY_RELIEF", "requestedAmount", "800.00",
                        "reason", "家庭困难"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        as(clerk).body(Map.of("approvedAmount", "800.00")).post("/api/v1/applications/" + id + "/approve").then()
                .statusCode(403).body("type", containsString("four-eyes"));
        as(staff(tree.county(), "other")).body(Map.of("approvedAmount", "800.00")).post("/api/v1/applications/" + id + "/approve")
                .then().statusCode(200);
    }

    @Test
    void aMemberWhoIsNotActiveIsRefusedNamingWhy() {
        Tree tree = data.tree();
        UUID member = data.member(tree, "李四", "SUSPENDED");
        as(DevTokens.member(member)).body(Map.of("memberId", member, "programCode", "DAILY_RELIEF", "requestedAmount", "500.00",
                        "reason", "困难"))
                .post("/api/v1/applications").then().statusCode(422)
                .body("type", equalTo("https://unionhub.org/problems/member-not-active"))
                .body("detail", containsString("SUSPENDED"));
    }

    @Test
    void aMemberWhoLeftAfterApplyingIsNotApproved() {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        String id = TestData.submit(member, "DAILY_RELIEF", "500.00", Map.of());
        data.setStatus(member, "LEFT");
        as(staff(tree.county(), "a")).body(Map.of("approvedAmount", "500.00")).post("/api/v1/applications/" + id + "/approve")
                .then().statusCode(422).body("type", containsString("member-not-active")).body("memberStatus", equalTo("LEFT"));
        as(DevTokens.member(member)).get("/api/v1/members/" + member + "/assistance").then().statusCode(200)
                .body("programs.find { it.programCode == 'DAILY_RELIEF' }.received", equalTo("0.00"));
    }

    @Test
    void approvalAboveTheRequestOrTheCostIsRefused() {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        String id = TestData.submit(member, "TARGETED_MEDICAL", "1000.00", COST);
        as(staff(tree.county(), "a")).body(Map.of("approvedAmount", "1000.01")).post("/api/v1/applications/" + id + "/approve")
                .then().statusCode(422).body("type", containsString("above-requested"));
        as(DevTokens.member(member)).body(Map.of("memberId", member, "programCode", "TARGETED_MEDICAL", "requestedAmount", "5000.00",
                        "reason", "x", "details", Map.of("outOfPocketCost", "4000.00")))
                .post("/api/v1/applications").then().statusCode(422).body("type", containsString("exceeds-cost"));
        as(DevTokens.member(member)).body(Map.of("memberId", member, "programCode", "TARGETED_MEDICAL", "requestedAmount", "5000.00",
                        "reason", "x"))
                .post("/api/v1/applications").then().statusCode(400).body("errors[0].field", equalTo("details.outOfPocketCost"));
        as(DevTokens.member(member)).body(Map.of("memberId", member, "programCode", "TARGETED_MEDICAL", "requestedAmount", "50.001",
                        "reason", "x", "details", COST))
                .post("/api/v1/applications").then().statusCode(400).body("errors[0].field", equalTo("requestedAmount"));
    }

    @Test
    void aRejectionAfterTheFirstApprovalGivesTheMoneyBackToTheCap() throws Exception {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        String id = TestData.submit(member, "TARGETED_MEDICAL", "30000.00", Map.of("outOfPocketCost", "50000.00"));
        as(staff(tree.county(), "a")).body(Map.of("approvedAmount", "30000.00")).post("/api/v1/applications/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("AWAITING_SECOND_APPROVAL"));
        as(DevTokens.member(member)).get("/api/v1/members/" + member + "/assistance").then().statusCode(200)
                .body("programs.find { it.programCode == 'TARGETED_MEDICAL' }.remaining", equalTo("0.00"));
        as(staff(tree.city(), "b")).body(Map.of("reason", "材料不全")).post("/api/v1/applications/" + id + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("材料不全"));
        as(DevTokens.member(member)).get("/api/v1/members/" + member + "/assistance").then().statusCode(200)
                .body("programs.find { it.programCode == 'TARGETED_MEDICAL' }.remaining", equalTo("30000.00"));
        as(staff(tree.city(), "b")).body(Map.of("reason", "again")).post("/api/v1/applications/" + id + "/reject")
                .then().statusCode(409);

        // the rejection crosses to Kafka keyed by the application; the reason stays in the service
        try (TopicProbe probe = new TopicProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), "assistance.v1")) {
            var rejected = probe.await(r -> id.equals(r.key())
                    && "org.unionhub.assistance.application.rejected.v1".equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(60));
            JsonNode event = new ObjectMapper().readTree(TopicProbe.value(rejected));
            assertRequiredFieldsOfSchema("org.unionhub.assistance.application.rejected.v1.json", event);
            assertThat(event.get("memberId").asText()).isEqualTo(member.toString());
            assertThat(event.get("programCode").asText()).isEqualTo("TARGETED_MEDICAL");
            assertThat(TopicProbe.value(rejected)).doesNotContain("材料不全").doesNotContain("again");
        }
    }

    @Test
    void theMeViewListsAMembersOpenApplicationsAndNobodyElseSeesThem() {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        UUID neighbour = data.activeMember(tree);
        String open = TestData.submit(member, "DAILY_RELIEF", "300.00", Map.of());
        String paid = TestData.paid(tree, member, "DAILY_RELIEF", "200.00", Map.of());
        String rejected = TestData.submit(member, "DAILY_RELIEF", "100.00", Map.of());
        as(staff(tree.county(), "r")).body(Map.of("reason", "重复申请")).post("/api/v1/applications/" + rejected + "/reject")
                .then().statusCode(200);

        as(DevTokens.member(member)).get("/api/v1/members/" + member + "/applications?open=true").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(open))
                .body("items[0].programCode", equalTo("DAILY_RELIEF"))
                .body("items[0].requestedAmount", equalTo("300.00"))
                .body("items[0].status", equalTo("SUBMITTED"))
                .body("items[0].submittedAt", notNullValue())
                .body("nextCursor", equalTo(null));
        as(DevTokens.member(member)).get("/api/v1/members/" + member + "/applications?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue());
        String cursor = as(DevTokens.member(member)).get("/api/v1/members/" + member + "/applications?limit=2").then()
                .extract().path("nextCursor");
        as(DevTokens.member(member)).get("/api/v1/members/" + member + "/applications?limit=2&cursor=" + cursor).then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(open));

        // a member never sees another member's file
        as(DevTokens.member(neighbour)).get("/api/v1/members/" + member + "/applications?open=true").then().statusCode(403);
        as(DevTokens.member(neighbour)).get("/api/v1/applications/" + paid).then().statusCode(403);
        as(DevTokens.member(neighbour)).get("/api/v1/members/" + member + "/assistance").then().statusCode(403);
        as(DevTokens.member(neighbour)).body(Map.of("memberId", member, "programCode", "DAILY_RELIEF", "requestedAmount", "1.00",
                "reason", "x")).post("/api/v1/applications").then().statusCode(403);
        // staff outside the member's subtree neither
        Tree other = data.tree();
        as(staff(other.province(), "x")).get("/api/v1/applications/" + paid).then().statusCode(403);
        as(staff(other.province(), "x")).body(Map.of("approvedAmount", "300.00")).post("/api/v1/applications/" + open + "/approve")
                .then().statusCode(403);
        // staff inside see it, and the subtree list holds it
        as(staff(tree.province(), "p")).get("/api/v1/applications/" + paid).then().statusCode(200);
        as(staff(tree.city(), "p")).get("/api/v1/applications?status=SUBMITTED&limit=200").then().statusCode(200)
                .body("items.id", hasItem(open));
        as(staff(other.city(), "p")).get("/api/v1/applications?limit=200").then().statusCode(200)
                .body("items.id", not(hasItem(open)));
        // a program that gives no money takes no application for an amount
        as(DevTokens.member(member)).body(Map.of("memberId", member, "programCode", "QUALITY_LIFE", "requestedAmount", "1.00",
                "reason", "x")).post("/api/v1/applications").then().statusCode(422);
    }
}
