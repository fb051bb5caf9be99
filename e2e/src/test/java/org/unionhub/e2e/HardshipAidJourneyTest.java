package org.unionhub.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.e2e.Suite.activeMember;
import static org.unionhub.e2e.Suite.admin;
import static org.unionhub.e2e.Suite.as;
import static org.unionhub.e2e.Suite.assertMoney;
import static org.unionhub.e2e.Suite.eventually;
import static org.unionhub.e2e.Suite.idNumber;
import static org.unionhub.e2e.Suite.member;
import static org.unionhub.e2e.Suite.money;
import static org.unionhub.e2e.Suite.org;
import static org.unionhub.e2e.Suite.staff;

/**
 * A steelworker with a hardship file and high out-of-pocket medical costs: targeted medical aid above the threshold is
 * approved at two levels (county, then city); racing approvals of further applications never take him past the 30,000
 * yearly cap; finance disburses exactly once even when two clerks press the button together. His mutual-aid premium
 * for a full year is 0.06 yuan a day: 21.90.
 */
class HardshipAidJourneyTest {

    @Test
    void medicalAidIsApprovedAtTwoLevelsTheCapHoldsUnderRacingApprovalsAndFinancePaysOnce() throws Exception {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        // the national fund of the year (opened once; an earlier run may have opened it)
        int fund = as(admin()).body("{\"year\":" + year + ",\"amount\":\"100000000.00\"}")
                .post("/api/v1/programs/TARGETED_MEDICAL/funds").statusCode();
        assertThat(fund).isIn(201, 409);

        UUID city = org("济南市总工会", "FEDERATION_CITY", null);
        UUID county = org("历城区总工会", "FEDERATION_COUNTY", city);
        UUID worker = activeMember(county, idNumber());
        String countyStaff = staff(county);
        // assistance-service learns of him by events
        Response file = eventually(10, () -> as(countyStaff).body("{\"memberId\":\"" + worker + "\",\"householdSize\":4,"
                        + "\"monthlyHouseholdIncome\":\"2100.00\",\"causes\":[\"ILLNESS\"],\"level\":\"SERIOUS\"}")
                .post("/api/v1/hardship-files"), r -> r.statusCode() == 201);
        assertThat(file.<String>path("id")).isNotNull();

        String first = submit(worker, "25000.00", "42000.00");
        Response once = as(countyStaff).body("{\"approvedAmount\":\"25000.00\"}").post("/api/v1/applications/" + first + "/approve");
        assertThat(once.statusCode()).as(once.asString()).isEqualTo(200);
        assertThat(once.<String>path("status")).isEqualTo("AWAITING_SECOND_APPROVAL");
        // the same level cannot give the second approval
        assertThat(as(staff(county)).body("{}").post("/api/v1/applications/" + first + "/approve").statusCode()).isEqualTo(403);
        Response twice = as(staff(city)).body("{}").post("/api/v1/applications/" + first + "/approve");
        assertThat(twice.statusCode()).as(twice.asString()).isEqualTo(200);
        assertThat(twice.<String>path("status")).isEqualTo("APPROVED");
        assertMoney(twice.path("approvedAmount"), "25000.00");

        // three more applications of 4,000 each, approved at the same moment: only 5,000 remain, so exactly one passes
        List<String> more = List.of(submit(worker, "4000.00", "42000.00"), submit(worker, "4000.00", "42000.00"),
                submit(worker, "4000.00", "42000.00"));
        List<Integer> statuses = race(more.stream().map(id -> (java.util.concurrent.Callable<Response>) () ->
                as(countyStaff).body("{\"approvedAmount\":\"4000.00\"}").post("/api/v1/applications/" + id + "/approve")).toList());
        assertThat(statuses).containsExactlyInAnyOrder(200, 422, 422);
        Response aid = as(member(worker)).get("/api/v1/members/" + worker + "/assistance?year=" + year);
        assertThat(aid.statusCode()).isEqualTo(200);
        // the yearly cap held: 25,000 + 4,000 committed, 1,000 left of 30,000
        Map<String, Object> medical = aid.jsonPath().<Map<String, Object>>getList("programs").stream()
                .filter(p -> "TARGETED_MEDICAL".equals(p.get("programCode"))).findFirst().orElseThrow();
        assertThat(money(medical.get("received"))).as(aid.asString()).isEqualByComparingTo("29000.00");
        assertThat(money(medical.get("capPerPersonYear"))).isEqualByComparingTo("30000.00");
        assertThat(money(medical.get("remaining"))).isEqualByComparingTo("1000.00");

        // finance pays the approved 25,000 exactly once, even pressed twice at once
        List<Integer> paid = race(List.of(
                () -> as(Suite.finance()).post("/api/v1/applications/" + first + "/disburse"),
                () -> as(Suite.finance()).post("/api/v1/applications/" + first + "/disburse")));
        assertThat(paid).containsExactlyInAnyOrder(200, 409);
        Response done = as(member(worker)).get("/api/v1/applications/" + first);
        assertThat(done.<String>path("status")).isEqualTo("DISBURSED");
        assertMoney(done.path("approvedAmount"), "25000.00");
    }

    @Test
    void aFullYearOfMutualAidCostsSixFenADay() {
        UUID county = org("历城区总工会", "FEDERATION_COUNTY", null);
        UUID worker = activeMember(county, idNumber());
        int next = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;
        Response enrolled = eventually(10, () -> as(member(worker)).body("{\"memberId\":\"" + worker + "\",\"year\":" + next + "}")
                .post("/api/v1/mutual-aid/enrollments"), r -> r.statusCode() == 201);
        assertThat(enrolled.<Integer>path("daysCovered")).isEqualTo(Year.of(next).length());
        assertMoney(enrolled.path("premium"), Year.of(next).isLeap() ? "21.96" : "21.90");
    }

    private static String submit(UUID worker, String amount, String cost) {
        Response r = eventually(10, () -> as(member(worker)).body("{\"memberId\":\"" + worker + "\",\"programCode\":\"TARGETED_MEDICAL\","
                + "\"requestedAmount\":\"" + amount + "\",\"reason\":\"住院自付费用过高\",\"details\":{\"outOfPocketCost\":\"" + cost
                + "\",\"hospital\":\"山东省立医院\"}}").post("/api/v1/applications"), x -> x.statusCode() == 201);
        return r.path("id");
    }

    static List<Integer> race(List<java.util.concurrent.Callable<Response>> calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (var c : calls) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return c.call();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> f : answers) {
                statuses.add(f.get().statusCode());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
