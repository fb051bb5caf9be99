package org.unionhub.assistance.greenchannel;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.TestData.Tree;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.TopicProbe;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.TestData.staff;

@QuarkusTest
class GreenChannelResourceTest {

    static final String PROVINCIAL_HOSPITAL = "7c1e0f5a-0001-4000-8000-000000000005";

    @Inject
    TestData data;

    @Test
    void aRealisticSampleIsListedAndAdminsLoadMore() {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        as(DevTokens.member(member)).get("/api/v1/green-channel/diseases?limit=200").then().statusCode(200)
                .body("items.size()", greaterThanOrEqualTo(12)).body("items.name", hasItem("白血病"));
        as(DevTokens.member(member)).get("/api/v1/green-channel/hospitals?province=山东").then().statusCode(200)
                .body("items.name", hasItem("山东省立医院"));
        String code = "RARE_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        as(DevTokens.role("admin")).body(Map.of("code", code, "name", "罕见病", "category", "OTHER"))
                .post("/api/v1/green-channel/diseases").then().statusCode(201);
        String hospital = as(DevTokens.role("admin")).body(Map.of("name", "青海大学附属医院", "province", "青海", "city", "西宁", "grade", "三甲"))
                .post("/api/v1/green-channel/hospitals").then().statusCode(201).extract().path("id");
        as(DevTokens.member(member)).body(Map.of("memberId", member, "diseaseCode", code, "hospitalId", hospital))
                .post("/api/v1/green-channel/referrals").then().statusCode(201);
        as(DevTokens.member(member)).body(Map.of("code", "X_Y", "name", "x", "category", "y"))
                .post("/api/v1/green-channel/diseases").then().statusCode(403);
    }

    @Test
    void aReferralGoesReferredAdmittedClosedForAnActiveMemberAndAListedDiseaseAndHospital() {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        String id = as(DevTokens.member(member)).body(Map.of("memberId", member, "diseaseCode", "LEUKEMIA", "hospitalId", PROVINCIAL_HOSPITAL))
                .post("/api/v1/green-channel/referrals").then().statusCode(201).body("status", equalTo("REFERRED"))
                .extract().path("id");
        as(staff(tree.county(), "g")).post("/api/v1/green-channel/referrals/" + id + "/admit").then().statusCode(200)
                .body("status", equalTo("ADMITTED")).body("admittedBy", equalTo("staff-g-" + tree.county()));
        as(staff(tree.county(), "g")).body(Map.of("outcome", "治疗完成出院")).post("/api/v1/green-channel/referrals/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("outcome", equalTo("治疗完成出院"));
        as(staff(tree.county(), "g")).post("/api/v1/green-channel/referrals/" + id + "/admit").then().statusCode(409);
        as(DevTokens.member(member)).get("/api/v1/green-channel/referrals/" + id).then().statusCode(200);
        as(DevTokens.member(data.activeMember(tree))).get("/api/v1/green-channel/referrals/" + id).then().statusCode(403);

        as(DevTokens.member(member)).body(Map.of("memberId", member, "diseaseCode", "COMMON_COLD", "hospitalId", PROVINCIAL_HOSPITAL))
                .post("/api/v1/green-channel/referrals").then().statusCode(422).body("type", containsString("disease-not-covered"));
        as(DevTokens.member(member)).body(Map.of("memberId", member, "diseaseCode", "LEUKEMIA", "hospitalId", UUID.randomUUID()))
                .post("/api/v1/green-channel/referrals").then().statusCode(422).body("type", containsString("hospital-not-listed"));
        UUID left = data.member(tree, "已离会", "LEFT");
        as(DevTokens.member(left)).body(Map.of("memberId", left, "diseaseCode", "LEUKEMIA", "hospitalId", PROVINCIAL_HOSPITAL))
                .post("/api/v1/green-channel/referrals").then().statusCode(422).body("type", containsString("member-not-active"));
    }

    @Test
    void theReferralEventCarriesNoDiagnosis() throws Exception {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        String id = as(staff(tree.county(), "g")).body(Map.of("memberId", member, "diseaseCode", "PNEUMOCONIOSIS", "hospitalId", PROVINCIAL_HOSPITAL))
                .post("/api/v1/green-channel/referrals").then().statusCode(201).extract().path("id");
        try (TopicProbe probe = new TopicProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), "assistance.v1")) {
            var record = probe.await(r -> id.equals(r.key()), Duration.ofSeconds(60));
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("org.unionhub.assistance.referral.created.v1");
            assertThat(TopicProbe.value(record)).contains(member.toString()).doesNotContain("PNEUMOCONIOSIS");
            TestData.assertRequiredFieldsOfSchema("org.unionhub.assistance.referral.created.v1.json",
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(TopicProbe.value(record)));
        }
    }
}
