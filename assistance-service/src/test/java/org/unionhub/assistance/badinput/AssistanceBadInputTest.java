package org.unionhub.assistance.badinput;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.TestData.Tree;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.fuzz.BadInputCampaign;
import org.unionhub.infra.fuzz.RowCounts;

import javax.sql.DataSource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.TestData.staff;

/**
 * Generated bad input against every operation of assistance-service's OpenAPI document (issue 16): never a 5xx, every
 * 4xx problem+json, nothing written on a 4xx. Path values point at real records so that mutations reach validation.
 */
@QuarkusTest
class AssistanceBadInputTest {

    static final int CASES = Integer.getInteger("unionhub.bad-input.cases", 2_100);
    private static final String HOSPITAL = "7c1e0f5a-0001-4000-8000-000000000001";

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    TestData data;

    @Test
    void generatedBadInputNeverAnswers5xxAndWritesNothingWhenRefused() {
        TestData.ensureFund("DAILY_RELIEF");
        TestData.ensureFund("MUTUAL_AID");
        Tree tree = data.tree();
        UUID self = data.activeMember(tree);
        int year = TestData.thisYear();
        String admin = DevTokens.role("admin");
        String program = "BAD_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as(admin).body(Map.of("code", program, "name", "坏输入", "money", true, "capPerPersonYear", "5000.00"))
                .post("/api/v1/programs").then().statusCode(201);
        String application = TestData.submit(self, "DAILY_RELIEF", "100.00", Map.of());
        String file = as(staff(tree.county(), "fixture")).body(Map.of("memberId", self, "householdSize", 3,
                        "monthlyHouseholdIncome", "1800.00", "causes", List.of("ILLNESS"), "level", "SERIOUS"))
                .post("/api/v1/hardship-files").then().statusCode(201).extract().path("id");
        String referral = as(DevTokens.member(self)).body(Map.of("memberId", self, "diseaseCode", "LEUKEMIA", "hospitalId", HOSPITAL))
                .post("/api/v1/green-channel/referrals").then().statusCode(201).extract().path("id");
        String legalCase = as(DevTokens.member(self)).body(Map.of("memberId", self, "kind", "WAGE_ARREARS", "description", "欠薪"))
                .post("/api/v1/legal-cases").then().statusCode(201).extract().path("id");
        String finance = DevTokens.role("finance");

        BadInputCampaign.forService("assistance")
                .baseUri(base)
                .cases(CASES)
                .token(key -> key.endsWith("/disburse") ? finance : admin)
                .pathValue("code", program)
                .pathValue("year", year)
                .pathValue("memberId", self)
                .pathValue("/api/v1/applications/", "id", application)
                .pathValue("/api/v1/hardship-files/", "id", file)
                .pathValue("/api/v1/green-channel/referrals/", "id", referral)
                .pathValue("/api/v1/legal-cases/", "id", legalCase)
                .pathValue("/internal/projections/", "id", self)
                .queryValue("year", year)
                .queryValue("organizationId", tree.grassroots())
                .body("POST /api/v1/applications", "{\"memberId\":\"" + self
                        + "\",\"programCode\":\"DAILY_RELIEF\",\"requestedAmount\":\"100.00\",\"reason\":\"生病\",\"details\":{}}")
                .body("POST /api/v1/hardship-files", "{\"memberId\":\"" + self + "\",\"householdSize\":3,"
                        + "\"monthlyHouseholdIncome\":\"1800.00\",\"causes\":[\"ILLNESS\"],\"level\":\"SERIOUS\"}")
                .body("POST /api/v1/visits", "{\"memberId\":\"" + self + "\",\"visitedOn\":\"2024-05-01\",\"goods\":\"米、面、油\"}")
                .body("POST /api/v1/mutual-aid/enrollments", "{\"memberId\":\"" + self + "\",\"year\":" + (year + 1) + "}")
                .body("POST /api/v1/mutual-aid/claims", "{\"memberId\":\"" + self + "\",\"year\":" + year
                        + ",\"kind\":\"HOSPITALIZATION\",\"amount\":\"100.00\"}")
                // its own disease code: a valid mutation is an upsert, which must not rename the catalogue's real entries
                .body("POST /api/v1/green-channel/diseases", "{\"code\":\"FUZZ_ONLY\",\"name\":\"测试用病种\",\"category\":\"HEMATOLOGY\"}")
                .body("POST /api/v1/green-channel/referrals", "{\"memberId\":\"" + self
                        + "\",\"diseaseCode\":\"LEUKEMIA\",\"hospitalId\":\"" + HOSPITAL + "\"}")
                .body("POST /api/v1/legal-cases", "{\"memberId\":\"" + self
                        + "\",\"kind\":\"WAGE_ARREARS\",\"claimedAmount\":\"800.00\",\"description\":\"欠薪\"}")
                .rowCounts(RowCounts.of(dataSource))
                .verify();
    }
}
