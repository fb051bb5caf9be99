package org.unionhub.assistance.ledger;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.assistance.TestData.Tree;
import org.unionhub.infra.DevTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.unionhub.assistance.TestData.as;
import static org.unionhub.assistance.TestData.staff;

/** Approvals that race for the same money: caps and funds hold. */
@QuarkusTest
class CapRaceTest {

    @Inject
    TestData data;

    @org.junit.jupiter.api.BeforeEach
    void funds() {
        TestData.ensureFund("TARGETED_MEDICAL");
    }

    /** Fires all calls at once (a latch releases them together) and returns their status codes. */
    static List<Integer> race(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> c : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : futures) {
                codes.add(f.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    @RepeatedTest(5)
    void twoApprovalsRacingForTheLastFiveThousandOfTheCap() throws Exception {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        Map<String, Object> cost = Map.of("outOfPocketCost", "60000.00");
        TestData.paid(tree, member, "TARGETED_MEDICAL", "10000.00", cost);
        TestData.paid(tree, member, "TARGETED_MEDICAL", "10000.00", cost);
        TestData.paid(tree, member, "TARGETED_MEDICAL", "5000.00", cost);
        String first = TestData.submit(member, "TARGETED_MEDICAL", "5000.00", cost);
        String second = TestData.submit(member, "TARGETED_MEDICAL", "5000.00", cost);

        List<Integer> codes = race(List.of(
                () -> as(staff(tree.county(), "a")).body(Map.of("approvedAmount", "5000.00"))
                        .post("/api/v1/applications/" + first + "/approve").statusCode(),
                () -> as(staff(tree.county(), "b")).body(Map.of("approvedAmount", "5000.00"))
                        .post("/api/v1/applications/" + second + "/approve").statusCode()));

        assertThat(codes).containsExactlyInAnyOrder(200, 422);
        as(DevTokens.member(member)).get("/api/v1/members/" + member + "/assistance").then().statusCode(200)
                .body("programs.find { it.programCode == 'TARGETED_MEDICAL' }.received", equalTo("30000.00"))
                .body("programs.find { it.programCode == 'TARGETED_MEDICAL' }.remaining", equalTo("0.00"));
    }

    @Test
    void manyApprovalsRacingForOneMembersCapNeverExceedIt() throws Exception {
        Tree tree = data.tree();
        UUID member = data.activeMember(tree);
        Map<String, Object> cost = Map.of("outOfPocketCost", "60000.00");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(TestData.submit(member, "TARGETED_MEDICAL", "7000.00", cost));
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String approver = staff(tree.county(), "s" + i);
            calls.add(() -> as(approver).body(Map.of("approvedAmount", "7000.00")).post("/api/v1/applications/" + id + "/approve").statusCode());
        }
        List<Integer> codes = race(calls);
        assertThat(codes.stream().filter(c -> c == 200).count()).isEqualTo(4);   // 4 × 7,000 = 28,000 ≤ 30,000
        assertThat(codes.stream().filter(c -> c == 422).count()).isEqualTo(6);
        as(DevTokens.member(member)).get("/api/v1/members/" + member + "/assistance").then()
                .body("programs.find { it.programCode == 'TARGETED_MEDICAL' }.received", equalTo("28000.00"))
                .body("programs.find { it.programCode == 'TARGETED_MEDICAL' }.remaining", equalTo("2000.00"));
    }

    @RepeatedTest(3)
    void racingApprovalsNeverOverspendAFund() throws Exception {
        String admin = DevTokens.role("admin");
        String code = "RACE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as(admin).body(Map.of("code", code, "name", "抗疫慰问", "money", true, "capPerPersonYear", "5000.00"))
                .post("/api/v1/programs").then().statusCode(201);
        as(admin).body(Map.of("year", TestData.thisYear(), "amount", "10000.00")).post("/api/v1/programs/" + code + "/funds")
                .then().statusCode(201);
        Tree tree = data.tree();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            UUID member = data.activeMember(tree);
            String id = TestData.submit(member, code, "1000.00", Map.of());
            String approver = staff(tree.county(), "f" + i);
            calls.add(() -> as(approver).body(Map.of("approvedAmount", "1000.00")).post("/api/v1/applications/" + id + "/approve").statusCode());
        }
        List<Integer> codes = race(calls);
        assertThat(codes.stream().filter(c -> c == 200).count()).isEqualTo(10);
        assertThat(codes.stream().filter(c -> c == 422).count()).isEqualTo(6);
        as(admin).get("/api/v1/programs/" + code + "/funds/" + TestData.thisYear()).then().statusCode(200)
                .body("reserved", equalTo("10000.00")).body("remaining", equalTo("0.00"));
    }
}
