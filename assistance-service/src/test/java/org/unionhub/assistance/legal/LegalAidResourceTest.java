package org.unionhub.assistance.legal;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.TestData.Tree;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.infra.DevTokens;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.TestData.staff;

@QuarkusTest
class LegalAidResourceTest {

    @Inject
    TestData data;

    @Test
    void theFreightPayCaseRecovers8200AndTheStatsCountIt() {
        Tree tree = data.tree();
        UUID driver = data.member(tree, "货车司机老王", "ACTIVE");
        String lawyerDesk = staff(tree.county(), "legal");
        int year = LocalDate.now(BusinessClock.ZONE).getYear();

        String id = as(DevTokens.member(driver)).body(Map.of("memberId", driver, "kind", "WAGE_ARREARS", "claimedAmount", "8200.00",
                        "description", "货车司机三个月运费被拖欠"))
                .post("/api/v1/legal-cases").then().statusCode(201).body("status", equalTo("OPEN")).extract().path("id");
        as(lawyerDesk).body(Map.of("lawyer", "工会法律顾问 王律师")).post("/api/v1/legal-cases/" + id + "/assign").then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("lawyer", equalTo("工会法律顾问 王律师"));
        String closed = as(lawyerDesk).body(Map.of("outcome", "调解成功，追回运费", "recoveredAmount", "8200.00"))
                .post("/api/v1/legal-cases/" + id + "/close").then().statusCode(200).body("status", equalTo("CLOSED"))
                .extract().asString();
        assertThat(closed).contains("\"recoveredAmount\":\"8200.00\"");
        as(lawyerDesk).body(Map.of("lawyer", "x")).post("/api/v1/legal-cases/" + id + "/assign").then().statusCode(409);

        for (int i = 0; i < 3; i++) {
            as(lawyerDesk).body(Map.of("kind", "CONSULTATION", "description", "劳动合同咨询 " + i)).post("/api/v1/legal-cases")
                    .then().statusCode(201);
        }
        String stats = as(staff(tree.county(), "legal")).get("/api/v1/legal-cases/stats?year=" + year).then().statusCode(200)
                .body("consultations", equalTo(3)).body("byKind.WAGE_ARREARS", equalTo(1)).body("cases", equalTo(4))
                .body("closed", equalTo(1))
                .extract().asString();
        assertThat(stats).contains("\"recoveredAmount\":\"8200.00\"");
        as(lawyerDesk).get("/api/v1/audit?entity=legal-case&id=" + id).then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.contains("opened", "assigned", "closed"));
    }

    @Test
    void aMemberSeesOnlyHisOwnCase() {
        Tree tree = data.tree();
        UUID driver = data.activeMember(tree);
        String id = as(DevTokens.member(driver)).body(Map.of("memberId", driver, "kind", "INJURY", "description", "工伤认定"))
                .post("/api/v1/legal-cases").then().statusCode(201).extract().path("id");
        as(DevTokens.member(driver)).get("/api/v1/legal-cases/" + id).then().statusCode(200);
        as(DevTokens.member(data.activeMember(tree))).get("/api/v1/legal-cases/" + id).then().statusCode(403);
        as(staff(data.tree().county(), "x")).get("/api/v1/legal-cases/" + id).then().statusCode(403);
        as(DevTokens.member(driver)).body(Map.of("kind", "CONTRACT", "description", "x")).post("/api/v1/legal-cases").then().statusCode(400);
        as(DevTokens.member(driver)).get("/api/v1/legal-cases/stats?year=2026").then().statusCode(403);
    }
}
