package org.unionhub.assistance.mutualaid;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.TestData.Tree;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.TopicProbe;

import java.time.Duration;
import java.time.LocalDate;
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
class MutualAidResourceTest {

    @Inject
    TestData data;

    @BeforeEach
    void funds() {
        TestData.ensureFund("MUTUAL_AID");
    }

    @Test
    void aWholeYearCosts21_90OrMoreInALeapYearAndOneEnrollmentPerYear() throws Exception {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        int next = LocalDate.now(BusinessClock.ZONE).getYear() + 1;
        String expected = LocalDate.of(next, 1, 1).isLeapYear() ? "21.96" : "21.90";
        String body = as(DevTokens.member(member)).body(Map.of("memberId", member, "year", next))
                .post("/api/v1/mutual-aid/enrollments").then().statusCode(201)
                .body("daysCovered", equalTo(LocalDate.of(next, 1, 1).lengthOfYear()))
                .extract().asString();
        assertThat(body).contains("\"premium\":\"" + expected + "\"");
        as(DevTokens.member(member)).body(Map.of("memberId", member, "year", next))
                .post("/api/v1/mutual-aid/enrollments").then().statusCode(409);
        try (TopicProbe probe = new TopicProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), "assistance.v1")) {
            var record = probe.await(r -> "org.unionhub.assistance.mutualaid.enrolled.v1".equals(TopicProbe.header(r, "ce_type"))
                    && TopicProbe.value(r).contains(member.toString()), Duration.ofSeconds(60));
            assertThat(TopicProbe.value(record)).contains("\"premium\":\"" + expected + "\"");
            TestData.assertRequiredFieldsOfSchema("org.unionhub.assistance.mutualaid.enrolled.v1.json",
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(TopicProbe.value(record)));
        }
    }

    @Test
    void aMidYearEnrollmentPaysForTheRemainingDays() {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        LocalDate today = LocalDate.now(BusinessClock.ZONE);
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(today, LocalDate.of(today.getYear() + 1, 1, 1));
        String premium = new java.math.BigDecimal("0.06").multiply(java.math.BigDecimal.valueOf(days)).toPlainString();
        String body = as(DevTokens.member(member)).body(Map.of("memberId", member, "year", today.getYear()))
                .post("/api/v1/mutual-aid/enrollments").then().statusCode(201)
                .body("daysCovered", equalTo(days)).body("coveredFrom", equalTo(today.toString()))
                .extract().asString();
        assertThat(body).contains("\"premium\":\"" + premium + "\"");
        // staff record an enrollment that began on 1 July
        UUID other = data.activeMember(tree);
        if (today.isAfter(LocalDate.of(today.getYear(), 7, 1))) {
            String july = as(staff(tree.county(), "m")).body(Map.of("memberId", other, "year", today.getYear(),
                            "coveredFrom", today.getYear() + "-07-01"))
                    .post("/api/v1/mutual-aid/enrollments").then().statusCode(201).body("daysCovered", equalTo(184)).extract().asString();
            assertThat(july).contains("\"premium\":\"11.04\"");
        }
        UUID suspended = data.member(tree, "停保", "SUSPENDED");
        as(DevTokens.member(suspended)).body(Map.of("memberId", suspended, "year", today.getYear()))
                .post("/api/v1/mutual-aid/enrollments").then().statusCode(422);
        as(DevTokens.member(member)).body(Map.of("memberId", other, "year", today.getYear()))
                .post("/api/v1/mutual-aid/enrollments").then().statusCode(403);
    }

    @Test
    void claimsAreForEnrolledMembersAndPayAtMost100000AYearEvenWhenRacing() throws Exception {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        int year = LocalDate.now(BusinessClock.ZONE).getYear();
        Map<String, Object> claim = Map.of("memberId", member, "year", year, "kind", "HOSPITALIZATION", "amount", "60000.00");
        as(staff(tree.county(), "c")).body(claim).post("/api/v1/mutual-aid/claims").then().statusCode(422)
                .body("type", containsString("not-enrolled"));
        as(DevTokens.member(member)).body(Map.of("memberId", member, "year", year)).post("/api/v1/mutual-aid/enrollments")
                .then().statusCode(201);
        as(staff(tree.county(), "c")).body(claim).post("/api/v1/mutual-aid/claims").then().statusCode(201)
                .body("remainingThisYear", equalTo("40000.00"));
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String who = "c" + i;
            calls.add(() -> as(staff(tree.county(), who)).body(Map.of("memberId", member, "year", year, "kind", "CRITICAL_ILLNESS",
                    "amount", "10000.00")).post("/api/v1/mutual-aid/claims").statusCode());
        }
        List<Integer> codes = TestData.race(calls);
        assertThat(codes.stream().filter(c -> c == 201).count()).isEqualTo(4);
        assertThat(codes.stream().filter(c -> c == 422).count()).isEqualTo(2);
        as(DevTokens.member(member)).get("/api/v1/members/" + member + "/assistance").then()
                .body("programs.find { it.programCode == 'MUTUAL_AID' }.received", equalTo("100000.00"))
                .body("programs.find { it.programCode == 'MUTUAL_AID' }.remaining", equalTo("0.00"));
        as(DevTokens.member(member)).body(claim).post("/api/v1/mutual-aid/claims").then().statusCode(403);
    }
}
