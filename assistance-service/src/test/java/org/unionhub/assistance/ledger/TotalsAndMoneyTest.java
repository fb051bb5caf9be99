package org.unionhub.assistance.ledger;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.TestData.Tree;
import org.unionhub.infra.DevTokens;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.TestData.staff;

@QuarkusTest
class TotalsAndMoneyTest {

    @Inject
    TestData data;

    @org.junit.jupiter.api.BeforeEach
    void funds() {
        for (String p : List.of("TARGETED_MEDICAL", "DAILY_RELIEF", "MUTUAL_AID", "SUPPLEMENTARY_MEDICAL")) {
            TestData.ensureFund(p);
        }
    }

    @Test
    void zhangReceives106200AcrossTheLinesInAYear() {
        Tree tree = data.tree();
        UUID zhang = data.member(tree, "张师傅", "ACTIVE");
        TestData.paid(tree, zhang, "TARGETED_MEDICAL", "20000.00", Map.of("outOfPocketCost", "52000.00"));
        TestData.paid(tree, zhang, "TARGETED_MEDICAL", "10000.00", Map.of("outOfPocketCost", "52000.00"));
        TestData.paid(tree, zhang, "SUPPLEMENTARY_MEDICAL", "20000.00", Map.of());
        TestData.paid(tree, zhang, "DAILY_RELIEF", "5000.00", Map.of());
        TestData.paid(tree, zhang, "DAILY_RELIEF", "1200.00", Map.of());
        TestData.paid(tree, zhang, "MUTUAL_AID", "50000.00", Map.of());

        String body = as(DevTokens.member(zhang)).get("/api/v1/members/" + zhang + "/assistance?year=" + TestData.thisYear())
                .then().statusCode(200)
                .body("total", equalTo("106200.00"))
                .body("programs.find { it.programCode == 'TARGETED_MEDICAL' }.remaining", equalTo("0.00"))
                .body("programs.find { it.programCode == 'DAILY_RELIEF' }.received", equalTo("6200.00"))
                .body("programs.find { it.programCode == 'DAILY_RELIEF' }.remaining", equalTo("3800.00"))
                .body("programs.find { it.programCode == 'MUTUAL_AID' }.remaining", equalTo("50000.00"))
                .body("overallCap", equalTo(null))
                .extract().asString();
        // money travels with its two decimals
        assertThat(body).contains("\"total\":\"106200.00\"");
        as(staff(tree.county(), "x")).get("/api/v1/members/" + zhang + "/assistance").then().statusCode(200)
                .body("total", equalTo("106200.00"));

        // a further 0.01 of targeted medical aid is above his cap
        String more = TestData.submit(zhang, "TARGETED_MEDICAL", "0.01", Map.of("outOfPocketCost", "52000.00"));
        as(staff(tree.county(), "a")).body(Map.of("approvedAmount", "0.01")).post("/api/v1/applications/" + more + "/approve")
                .then().statusCode(422).body("type", containsString("cap-exceeded")).body("remaining", equalTo("0.00"));

        // the report of his grassroots union by program and month holds the same total
        as(staff(tree.county(), "x")).get("/api/v1/reports/assistance?year=" + TestData.thisYear() + "&organizationId=" + tree.grassroots())
                .then().statusCode(200)
                .body("total", equalTo("106200.00"))
                .body("byProgram.find { it.programCode == 'TARGETED_MEDICAL' }.amount", equalTo("30000.00"))
                .body("byProgramAndMonth.find { it.programCode == 'DAILY_RELIEF' }.amount", equalTo("6200.00"));
        Tree other = data.tree();
        as(staff(other.county(), "x")).get("/api/v1/reports/assistance?year=" + TestData.thisYear() + "&organizationId=" + tree.grassroots())
                .then().statusCode(403);
        as(DevTokens.member(zhang)).get("/api/v1/reports/assistance?year=" + TestData.thisYear()).then().statusCode(403);
    }

    @Test
    void thousandsOfSmallAmountsAddUpToTheFen() throws Exception {
        String admin = DevTokens.role("admin");
        String code = "SMALL_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as(admin).body(Map.of("code", code, "name", "小额慰问", "money", true)).post("/api/v1/programs").then().statusCode(201);
        as(admin).body(Map.of("year", TestData.thisYear(), "amount", "100000.00")).post("/api/v1/programs/" + code + "/funds")
                .then().statusCode(201);
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        // 5,000 amounts such as 0.11, 0.12 ... whose binary floating-point sum drifts; the ledger's must not
        List<BigDecimal> amounts = new ArrayList<>();
        BigDecimal expected = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < 5000; i++) {
            BigDecimal amount = new BigDecimal(i % 997 + 1).movePointLeft(2).add(new BigDecimal("0.10"));
            amounts.add(amount);
            expected = expected.add(amount);
        }
        for (int i = 0; i < amounts.size(); i += 1000) {
            data.commitMany(member, code, amounts.subList(i, i + 1000));
        }
        // and forty real payouts through the API, eight at a time
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String a = new BigDecimal(i * 7 % 97 + 1).movePointLeft(2).add(new BigDecimal("0.33")).toPlainString();
            expected = expected.add(new BigDecimal(a));
            work.add(() -> {
                TestData.paid(tree, member, code, a, Map.of());
                return 1;
            });
        }
        BigDecimal paidExpected = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < 40; i++) {
            paidExpected = paidExpected.add(new BigDecimal(i * 7 % 97 + 1).movePointLeft(2).add(new BigDecimal("0.33")));
        }
        for (int i = 0; i < work.size(); i += 8) {
            CapRaceTest.race(work.subList(i, i + 8));
        }
        String fund = as(admin).get("/api/v1/programs/" + code + "/funds/" + TestData.thisYear()).then().statusCode(200)
                .extract().asString();
        assertThat(fund).contains("\"reserved\":\"" + expected.toPlainString() + "\"");
        String body = as(DevTokens.member(member)).get("/api/v1/members/" + member + "/assistance").then().statusCode(200)
                .extract().asString();
        assertThat(body).contains("\"total\":\"" + expected.toPlainString() + "\"");
        assertThat(data.payoutSum(code)).isEqualByComparingTo(paidExpected);
    }
}
