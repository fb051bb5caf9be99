package org.unionhub.assistance.relief;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.relief.ReliefFixtures.Tree;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.TopicProbe;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.TestData.finance;
import static org.unionhub.assistance.relief.ReliefFixtures.approve;
import static org.unionhub.assistance.relief.ReliefFixtures.define;
import static org.unionhub.assistance.relief.ReliefFixtures.staff;

/** Relief campaigns against the real database and Kafka: preview, four eyes, caps, fund, leavers, paid once. */
@QuarkusTest
class ReliefCampaignTest {

    @Inject
    ReliefFixtures data;

    private static final String ADMIN = DevTokens.role("admin");

    @Test
    void aCampaignIsPreviewedWithNothingCommittedApprovedAboveCommittedPaidOnceAndShownToTheMember() throws Exception {
        Tree tree = data.tree();
        String program = data.program("10000.00", "1000000.00");
        List<UUID> drivers = data.members(tree.grassroots(), 5, "ACTIVE", "TRUCK_DRIVER");
        data.members(tree.grassroots(), 2, "ACTIVE", "EMPLOYEE");          // another employment form
        data.members(tree.grassroots(), 1, "SUSPENDED", "TRUCK_DRIVER");   // not active
        data.members(tree.siblingGrassroots(), 3, "ACTIVE", "TRUCK_DRIVER"); // outside the county's subtree
        String id = define(tree, program, "33.96", Map.of("employmentForms", List.of("TRUCK_DRIVER")));

        as(staff(tree.county(), "creator")).get("/api/v1/relief-campaigns/" + id + "/preview").then().statusCode(200)
                .body("eligible", equalTo(5)).body("eligibleTotal", equalTo("169.80")).body("wouldCommit", equalTo(5))
                .body("cutByCap", equalTo(0)).body("cutByFund", equalTo(0)).body("fundRemaining", equalTo("1000000.00"));
        assertThat(data.reserved(program)).isEqualByComparingTo("0.00");
        assertThat(data.rows("relief_entitlement", "campaign_id = ?1", UUID.fromString(id))).isZero();

        // four eyes: not the creator, not a colleague of the same county, but staff of a federation above
        as(staff(tree.county(), "creator")).body("{}").post("/api/v1/relief-campaigns/" + id + "/approve").then().statusCode(403)
                .body("type", containsString("four-eyes"));
        as(staff(tree.county(), "colleague")).body("{}").post("/api/v1/relief-campaigns/" + id + "/approve").then().statusCode(403)
                .body("type", containsString("next-level-required"));
        as(staff(tree.siblingCounty(), "neighbour")).body("{}").post("/api/v1/relief-campaigns/" + id + "/approve").then().statusCode(403);
        // finance may not pay before the approval
        as(finance()).post("/api/v1/relief-campaigns/" + id + "/disburse").then().statusCode(409)
                .body("currentStatus", equalTo("DRAFT"));
        assertThat(data.reserved(program)).isEqualByComparingTo("0.00");

        approve(tree, id, "zhao").statusCode(200).body("status", equalTo("COMMITTED")).body("entitled", equalTo(5))
                .body("committedTotal", equalTo("169.80")).body("steps.step", org.hamcrest.Matchers.contains("DEFINED", "APPROVED"))
                .body("steps[1].actor", equalTo("staff-zhao-" + tree.city()));
        approve(tree, id, "qian").statusCode(409).body("currentStatus", equalTo("COMMITTED"));
        assertThat(data.reserved(program)).isEqualByComparingTo("169.80");
        assertThat(data.committed(drivers.get(0), program)).isEqualByComparingTo("33.96");

        // the member's assistance view and the report count it before it is paid (committed aid)
        UUID member = drivers.get(0);
        as(DevTokens.member(member)).get("/api/v1/members/" + member + "/assistance").then().statusCode(200)
                .body("programs.find { it.programCode == '" + program + "' }.received", equalTo("33.96"));
        as(staff(tree.county(), "reader")).queryParam("year", TestData.thisYear()).queryParam("organizationId", tree.county())
                .get("/api/v1/reports/assistance").then().statusCode(200)
                .body("byProgram.find { it.programCode == '" + program + "' }.amount", equalTo("169.80"));
        as(DevTokens.member(member)).get("/api/v1/members/" + member + "/relief").then().statusCode(200)
                .body("received", equalTo("0.00")).body("pending", equalTo("33.96")).body("items[0].status", equalTo("COMMITTED"));

        // staff disburse nothing; finance pays each once
        as(staff(tree.province(), "sun")).post("/api/v1/relief-campaigns/" + id + "/disburse").then().statusCode(403);
        as(finance()).post("/api/v1/relief-campaigns/" + id + "/disburse").then().statusCode(200)
                .body("status", equalTo("DISBURSED")).body("paid", equalTo(5)).body("paidTotal", equalTo("169.80"))
                .body("forfeited", equalTo(0));
        as(finance()).post("/api/v1/relief-campaigns/" + id + "/disburse").then().statusCode(409)
                .body("currentStatus", equalTo("DISBURSED"));
        assertThat(data.rows("relief_entitlement", "campaign_id = ?1 AND status = 'PAID' AND payout_id IS NOT NULL", UUID.fromString(id)))
                .isEqualTo(5);
        assertThat(data.reserved(program)).isEqualByComparingTo("169.80");

        as(DevTokens.member(member)).get("/api/v1/members/" + member + "/relief").then().statusCode(200)
                .body("received", equalTo("33.96")).body("pending", equalTo("0.00")).body("items", hasSize(1))
                .body("items[0].campaignName", equalTo("抗疫一线职工帮扶")).body("items[0].status", equalTo("PAID"))
                .body("items[0].paidAt", notNullValue());
        as(finance()).queryParam("status", "PAID").get("/api/v1/relief-campaigns/" + id + "/entitlements").then().statusCode(200)
                .body("items", hasSize(5)).body("items.payoutId", org.hamcrest.Matchers.everyItem(notNullValue()));

        // partners read one relief.paid per member, then the campaign's summary, all keyed by the campaign
        try (TopicProbe probe = new TopicProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), "assistance.v1")) {
            var paid = probe.awaitCount(r -> id.equals(r.key())
                    && "org.unionhub.assistance.relief.paid.v1".equals(TopicProbe.header(r, "ce_type")), 5, Duration.ofSeconds(60));
            BigDecimal sum = BigDecimal.ZERO;
            ObjectMapper json = new ObjectMapper();
            for (var r : paid) {
                JsonNode data = json.readTree(TopicProbe.value(r));
                TestData.assertRequiredFieldsOfSchema("org.unionhub.assistance.relief.paid.v1.json", data);
                assertThat(data.get("currency").asText()).isEqualTo("CNY");
                sum = sum.add(new BigDecimal(data.get("amount").asText()));
            }
            assertThat(sum).isEqualByComparingTo("169.80");
            var summary = probe.await(r -> id.equals(r.key())
                    && "org.unionhub.assistance.campaign.disbursed.v1".equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30));
            JsonNode s = json.readTree(TopicProbe.value(summary));
            TestData.assertRequiredFieldsOfSchema("org.unionhub.assistance.campaign.disbursed.v1.json", s);
            assertThat(s.get("paid").asInt()).isEqualTo(5);
            assertThat(s.get("paidTotal").asText()).isEqualTo("169.80");
            var approved = probe.await(r -> id.equals(r.key())
                    && "org.unionhub.assistance.campaign.approved.v1".equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30));
            TestData.assertRequiredFieldsOfSchema("org.unionhub.assistance.campaign.approved.v1.json", json.readTree(TopicProbe.value(approved)));
        }
    }

    @Test
    void aCampaignThatWouldOverspendCommitsExactlyWhatTheFundHoldsHardshipFilesFirstAndReportsTheRest() {
        Tree tree = data.tree();
        String program = data.program("10000.00", "339.60");    // ten times 33.96
        List<UUID> members = data.members(tree.grassroots(), 15, "ACTIVE", "EMPLOYEE");
        data.hardshipFile(members.get(14), "EXTREME");
        data.hardshipFile(members.get(13), "GENERAL");
        String id = define(tree, program, "33.96", Map.of());

        as(staff(tree.city(), "reader")).get("/api/v1/relief-campaigns/" + id + "/preview").then().statusCode(200)
                .body("eligible", equalTo(15)).body("wouldCommit", equalTo(10)).body("cutByFund", equalTo(5))
                .body("wouldCommitTotal", equalTo("339.60")).body("uncommittedTotal", equalTo("169.80"))
                .body("fundRemainingAfter", equalTo("0.00"));

        approve(tree, id, "zhao").statusCode(200).body("entitled", equalTo(10)).body("cutByFund", equalTo(5))
                .body("committedTotal", equalTo("339.60")).body("uncommittedTotal", equalTo("169.80"));
        assertThat(data.reserved(program)).isEqualByComparingTo("339.60");
        // hardship files come first when the fund runs short
        assertThat(data.committed(members.get(14), program)).isEqualByComparingTo("33.96");
        assertThat(data.committed(members.get(13), program)).isEqualByComparingTo("33.96");
        as(ADMIN).queryParam("status", "SKIPPED").get("/api/v1/relief-campaigns/" + id + "/entitlements").then().statusCode(200)
                .body("items", hasSize(5)).body("items.reason", org.hamcrest.Matchers.everyItem(equalTo("FUND_EXHAUSTED")));
    }

    @Test
    void aFundThatHoldsLessThanAWholeShareLeavesTheRemainderAndTheFundIsNeverOverspent() {
        Tree tree = data.tree();
        String program = data.program("10000.00", "100.00");
        data.members(tree.grassroots(), 4, "ACTIVE", "EMPLOYEE");
        String id = define(tree, program, "33.96", Map.of());
        approve(tree, id, "zhao").statusCode(200).body("entitled", equalTo(2)).body("cutByFund", equalTo(2))
                .body("committedTotal", equalTo("67.92")).body("uncommittedTotal", equalTo("67.92"));
        assertThat(data.reserved(program)).isEqualByComparingTo("67.92");
    }

    @Test
    void membersWhoseCapIsUsedUpAreSkippedWithTheReasonAndHardshipEligibilityFilters() {
        Tree tree = data.tree();
        String program = data.program("50.00", "100000.00");
        List<UUID> members = data.members(tree.grassroots(), 3, "ACTIVE", "COURIER");
        // an earlier campaign gave the first member 30.00 of his 50.00
        data.hardshipFile(members.get(0), "SERIOUS");
        data.hardshipFile(members.get(1), "GENERAL");
        String first = define(tree, program, "30.00", Map.of("hardshipLevels", List.of("SERIOUS")));
        approve(tree, first, "zhao").statusCode(200).body("eligible", equalTo(1)).body("entitled", equalTo(1));

        String second = define(tree, program, "30.00", Map.of("hardshipFileRequired", true));
        as(ADMIN).get("/api/v1/relief-campaigns/" + second + "/preview").then().statusCode(200)
                .body("eligible", equalTo(2)).body("cutByCap", equalTo(1)).body("wouldCommit", equalTo(1));
        approve(tree, second, "zhao").statusCode(200).body("entitled", equalTo(1)).body("cutByCap", equalTo(1));
        as(ADMIN).queryParam("status", "SKIPPED").get("/api/v1/relief-campaigns/" + second + "/entitlements").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].memberId", equalTo(members.get(0).toString()))
                .body("items[0].reason", equalTo("CAP_EXCEEDED"));
        assertThat(data.committed(members.get(0), program)).isEqualByComparingTo("30.00");
        assertThat(data.committed(members.get(1), program)).isEqualByComparingTo("30.00");
        assertThat(data.committed(members.get(2), program)).isEqualByComparingTo("0.00");
        // a skipped member sees no entitlement
        as(DevTokens.member(members.get(0))).get("/api/v1/members/" + members.get(0) + "/relief").then().statusCode(200)
                .body("items", hasSize(1)).body("pending", equalTo("30.00"));
    }

    @Test
    void aMemberWhoLeavesBeforeDisbursementIsNotPaidAndHisShareReturnsToTheFund() {
        Tree tree = data.tree();
        String program = data.program("10000.00", "1000.00");
        List<UUID> members = data.members(tree.grassroots(), 3, "ACTIVE", "EMPLOYEE");
        String id = define(tree, program, "33.96", Map.of());
        approve(tree, id, "zhao").statusCode(200).body("entitled", equalTo(3));
        data.setStatus(members.get(1), "LEFT");

        as(finance()).post("/api/v1/relief-campaigns/" + id + "/disburse").then().statusCode(200)
                .body("paid", equalTo(2)).body("paidTotal", equalTo("67.92"))
                .body("forfeited", equalTo(1)).body("forfeitedTotal", equalTo("33.96"));
        assertThat(data.rows("relief_entitlement", "member_id = ?1 AND status = 'FORFEITED' AND payout_id IS NULL", members.get(1))).isEqualTo(1);
        assertThat(data.committed(members.get(1), program)).isEqualByComparingTo("0.00");
        assertThat(data.reserved(program)).isEqualByComparingTo("67.92");
        as(staff(tree.county(), "reader")).get("/api/v1/members/" + members.get(1) + "/relief").then().statusCode(200)
                .body("received", equalTo("0.00")).body("items[0].status", equalTo("FORFEITED"))
                .body("items[0].reason", equalTo("MEMBER_NOT_ACTIVE:LEFT"));
    }

    @Test
    void definitionRulesAreCheckedWithTheFieldOrRuleNamed() {
        Tree tree = data.tree();
        String program = data.program("10000.00", "1000.00");
        String county = staff(tree.county(), "creator");
        as(county).body(Map.of("name", "x", "organizationId", tree.county(), "programCode", program, "amountPerPerson", "33.961"))
                .post("/api/v1/relief-campaigns").then().statusCode(400).body(containsString("amountPerPerson"));
        as(county).body(Map.of("name", "x", "organizationId", tree.county(), "programCode", program))
                .post("/api/v1/relief-campaigns").then().statusCode(400).body(containsString("amountPerPerson"));
        as(county).body(Map.of("name", "x", "organizationId", tree.county(), "programCode", program, "amountPerPerson", "10",
                        "eligibility", Map.of("employmentForms", List.of("ASTRONAUT"))))
                .post("/api/v1/relief-campaigns").then().statusCode(400).body(containsString("employmentForms"));
        as(county).body(Map.of("name", "x", "organizationId", tree.grassroots(), "programCode", program, "amountPerPerson", "10"))
                .post("/api/v1/relief-campaigns").then().statusCode(422).body("type", containsString("not-a-federation"));
        as(county).body(Map.of("name", "x", "organizationId", tree.county(), "programCode", "QUALITY_LIFE", "amountPerPerson", "10"))
                .post("/api/v1/relief-campaigns").then().statusCode(422).body("type", containsString("not-a-money-program"));
        as(county).body(Map.of("name", "x", "organizationId", tree.county(), "programCode", program, "amountPerPerson", "10000.01"))
                .post("/api/v1/relief-campaigns").then().statusCode(422).body("type", containsString("cap-exceeded"));
        as(county).body(Map.of("name", "x", "organizationId", tree.county(), "programCode", program, "amountPerPerson", "10",
                        "year", TestData.thisYear() + 5))
                .post("/api/v1/relief-campaigns").then().statusCode(400).body(containsString("year"));
        // a federation's staff define campaigns for their own subtree only
        as(staff(tree.siblingCounty(), "x")).body(Map.of("name", "x", "organizationId", tree.county(), "programCode", program,
                "amountPerPerson", "10")).post("/api/v1/relief-campaigns").then().statusCode(403);
    }

    @Test
    void aFundlessProgramPreviewsEveryoneAsCutByTheFundAndRefusesTheApproval() {
        Tree tree = data.tree();
        String program = data.program("10000.00", null);
        data.members(tree.grassroots(), 2, "ACTIVE", "EMPLOYEE");
        String id = define(tree, program, "10.00", Map.of());
        as(ADMIN).get("/api/v1/relief-campaigns/" + id + "/preview").then().statusCode(200)
                .body("eligible", equalTo(2)).body("cutByFund", equalTo(2)).body("fundRemaining", equalTo(null));
        approve(tree, id, "zhao").statusCode(422).body("type", containsString("no-fund"));
        as(ADMIN).get("/api/v1/relief-campaigns/" + id).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void mixedRoleTokensNeverWiden() {
        Tree tree = data.tree();
        String program = data.program("10000.00", "1000.00");
        List<UUID> members = data.members(tree.grassroots(), 1, "ACTIVE", "EMPLOYEE");
        String id = define(tree, program, "10.00", Map.of());
        // staff of the sibling county who is also admin, finance and a member: still outside the county's subtree
        String mixed = ReliefFixtures.token("mixed-" + UUID.randomUUID(), Set.of("staff", "admin", "finance", "member"),
                UUID.randomUUID(), tree.siblingCounty());
        as(mixed).get("/api/v1/relief-campaigns/" + id).then().statusCode(403);
        as(mixed).get("/api/v1/relief-campaigns/" + id + "/preview").then().statusCode(403);
        as(mixed).body("{}").post("/api/v1/relief-campaigns/" + id + "/approve").then().statusCode(403);
        as(mixed).body(Map.of("name", "x", "organizationId", tree.county(), "programCode", program, "amountPerPerson", "10"))
                .post("/api/v1/relief-campaigns").then().statusCode(403);
        as(mixed).get("/api/v1/members/" + members.get(0) + "/relief").then().statusCode(403);
        as(mixed).get("/api/v1/relief-campaigns").then().statusCode(200).body("items", hasSize(0));
        approve(tree, id, "zhao").statusCode(200);
        as(mixed).post("/api/v1/relief-campaigns/" + id + "/disburse").then().statusCode(403);
        // a member token that also carries staff of another subtree does not read the member's relief either
        String memberAndStaff = ReliefFixtures.token("ms-" + UUID.randomUUID(), Set.of("staff", "member"), members.get(0), tree.siblingCounty());
        as(memberAndStaff).get("/api/v1/members/" + members.get(0) + "/relief").then().statusCode(403);
        assertThat(data.rows("relief_entitlement", "campaign_id = ?1 AND status = 'PAID'", UUID.fromString(id))).isZero();
    }
}
