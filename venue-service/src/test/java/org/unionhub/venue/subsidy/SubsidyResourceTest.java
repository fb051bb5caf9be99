package org.unionhub.venue.subsidy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.TopicProbe;
import org.unionhub.venue.Fixtures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.unionhub.venue.Fixtures.as;
import static org.unionhub.venue.Fixtures.staff;

@QuarkusTest
class SubsidyResourceTest {

    @Inject
    Fixtures fixtures;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** A provincial federation, a county union below it, and the county's cultural palace. */
    record Setup(UUID federation, UUID county, UUID palace, int year, String budgetId) {
    }

    private Setup setup(String budget) {
        UUID federation = fixtures.org(null);
        UUID county = fixtures.org(federation);
        UUID palace = Fixtures.venue(county, "CULTURAL_PALACE", "COUNTY", null);
        int year = 2023;
        String budgetId = null;
        if (budget != null) {
            // a root federation's budget is set by an admin (an organization does not set its own: BudgetScopeTest)
            budgetId = as(DevTokens.role("admin")).body("{\"year\":" + year + ",\"amount\":\"" + budget + "\",\"organizationId\":\"" + federation + "\"}")
                    .post("/api/v1/subsidy-budgets")
                    .then().statusCode(201).body("remaining", equalTo(budget)).extract().path("id");
        }
        return new Setup(federation, county, palace, year, budgetId);
    }

    private static String scores(int serviceDelivery) {
        return "{\"SERVICE_DELIVERY\":" + serviceDelivery + ",\"ACTIVITY_COUNT\":19,\"VISITS\":18,\"MANAGEMENT\":14,\"SAFETY\":14}";
    }

    private static Response evaluate(UUID staffOrg, UUID venue, int year, String scores) {
        return staff(staffOrg).body("{\"venueId\":\"" + venue + "\",\"year\":" + year + ",\"scores\":" + scores + "}").post("/api/v1/evaluations");
    }

    @Test
    void anExcellentPalaceEarns200000AndAGoodOne100000FromTheBudget() throws Exception {
        Setup s = setup("1000000.00");
        String subsidy = evaluate(s.federation(), s.palace(), s.year(), scores(28)).then().statusCode(201)
                .body("total", equalTo("93.00")).body("grade", equalTo("EXCELLENT")).body("awardAmount", equalTo("200000.00"))
                .extract().path("subsidyId");
        UUID city = Fixtures.venue(s.county(), "CULTURAL_PALACE", "CITY", null);
        evaluate(s.federation(), city, s.year(), scores(20)).then().statusCode(201)
                .body("total", equalTo("85.00"))
                .body("grade", equalTo("GOOD")).body("awardAmount", equalTo("100000.00"));
        UUID third = Fixtures.venue(s.county(), "CULTURAL_PALACE", "COUNTY", null);
        evaluate(s.federation(), third, s.year(), scores(5)).then().statusCode(201)
                .body("grade", equalTo("PASS")).body("awardAmount", equalTo("0.00")).body("subsidyId", nullValue());
        as(DevTokens.role("finance")).get("/api/v1/subsidies/" + subsidy).then().statusCode(200)
                .body("kind", equalTo("EVALUATION_AWARD")).body("status", equalTo("AWARDED")).body("amount", equalTo("200000.00"));
        as(DevTokens.role("finance")).get("/api/v1/subsidies?year=" + s.year() + "&organizationId=" + s.federation()).then().statusCode(200)
                .body("items.size()", equalTo(2));
        as(DevTokens.role("finance")).get("/api/v1/subsidy-budgets/" + s.budgetId()).then().statusCode(200)
                .body("amount", equalTo("1000000.00")).body("committed", equalTo("300000.00")).body("remaining", equalTo("700000.00"));
        try (TopicProbe probe = new TopicProbe(bootstrap, "venue.v1")) {
            var r = probe.await(x -> subsidy.equals(x.key()) && "org.unionhub.venue.subsidy.awarded.v1".equals(TopicProbe.header(x, "ce_type")), Duration.ofSeconds(60));
            assertThat(TopicProbe.value(r)).contains("\"amount\":\"200000.00\"").contains("\"kind\":\"EVALUATION_AWARD\"");
        }
    }

    @Test
    void oneEvaluationPerVenueAndYearOnlyForCityAndCountyPalacesByAFederationAbove() {
        Setup s = setup("1000000.00");
        evaluate(s.county(), s.palace(), s.year(), scores(28)).then().statusCode(403);
        as(DevTokens.member(UUID.randomUUID())).body("{}").post("/api/v1/evaluations").then().statusCode(403);
        evaluate(s.federation(), s.palace(), s.year(), scores(28)).then().statusCode(201);
        evaluate(s.federation(), s.palace(), s.year(), scores(10)).then().statusCode(409)
                .body("type", equalTo("https://unionhub.org/problems/evaluation-exists"));
        UUID street = Fixtures.venue(s.county(), "CULTURAL_PALACE", "STREET", null);
        evaluate(s.federation(), street, s.year(), scores(28)).then().statusCode(422).body("type", equalTo("https://unionhub.org/problems/not-evaluable"));
        UUID centre = Fixtures.venue(s.county(), "SERVICE_CENTER", "CITY", null);
        evaluate(s.federation(), centre, s.year(), scores(28)).then().statusCode(422);
        UUID other = Fixtures.venue(s.county(), "CULTURAL_PALACE", "CITY", null);
        evaluate(s.federation(), other, s.year(), "{\"SERVICE_DELIVERY\":31,\"ACTIVITY_COUNT\":19,\"VISITS\":18,\"MANAGEMENT\":14,\"SAFETY\":14}")
                .then().statusCode(400).body("errors[0].field", equalTo("scores.SERVICE_DELIVERY"));
        evaluate(s.federation(), other, s.year(), "{\"SERVICE_DELIVERY\":20}").then().statusCode(400).body("errors[0].field", equalTo("scores.ACTIVITY_COUNT"));
    }

    @Test
    void anAwardBeyondTheRemainingBudgetIsRefused() {
        Setup s = setup("150000.00");
        evaluate(s.federation(), s.palace(), s.year(), scores(28)).then().statusCode(422)
                .body("type", equalTo("https://unionhub.org/problems/budget-exceeded"))
                .body("remaining", equalTo("150000.00")).body("requested", equalTo("200000.00"));
        // refused as a whole: the palace can be evaluated once the money is there
        UUID noBudget = fixtures.org(null);
        UUID palace = Fixtures.venue(noBudget, "CULTURAL_PALACE", "CITY", null);
        as(DevTokens.role("admin")).body("{\"venueId\":\"" + palace + "\",\"year\":2023,\"scores\":" + scores(28) + "}")
                .post("/api/v1/evaluations").then().statusCode(422).body("type", equalTo("https://unionhub.org/problems/no-budget"));
        as(DevTokens.role("admin")).body("{\"year\":2023,\"amount\":\"1.00\",\"organizationId\":\"" + s.federation() + "\"}")
                .post("/api/v1/subsidy-budgets").then().statusCode(409).body("type", equalTo("https://unionhub.org/problems/budget-exists"));
    }

    @Test
    void concurrentApprovalsNeverOverspendTheBudget() throws Exception {
        Setup s = setup("1000000.00");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(staff(s.county()).body("{\"venueId\":\"" + s.palace() + "\",\"kind\":\"EXPANSION\",\"requestedAmount\":\"100000.00\","
                    + "\"description\":\"改扩建\",\"year\":2023}").post("/api/v1/construction-subsidies").then().statusCode(201).extract().path("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = ids.stream().<Callable<Integer>>map(id -> () -> staff(s.federation())
                    .body("{\"amount\":\"100000.00\"}").post("/api/v1/construction-subsidies/" + id + "/approval").statusCode()).toList();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses.stream().filter(x -> x == 200).count()).isEqualTo(10);
        assertThat(statuses.stream().filter(x -> x == 422).count()).isEqualTo(10);
        as(DevTokens.role("finance")).get("/api/v1/subsidy-budgets/" + s.budgetId()).then().statusCode(200)
                .body("committed", equalTo("1000000.00")).body("remaining", equalTo("0.00"));
        as(DevTokens.role("finance")).get("/api/v1/subsidies?year=2023&organizationId=" + s.federation() + "&limit=200").then()
                .body("items.findAll { it.status == 'APPROVED' }.size()", equalTo(10));
    }

    @Test
    void aConstructionSubsidyIsSubmittedApprovedAndPaidByFinanceEachStepWithActorAndTime() throws Exception {
        Setup s = setup("1000000.00");
        String id = staff(s.county()).body("{\"venueId\":\"" + s.palace() + "\",\"kind\":\"NEW\",\"requestedAmount\":\"500000.00\","
                        + "\"description\":\"肥东县新建工人文化宫\",\"year\":2023}").post("/api/v1/construction-subsidies")
                .then().statusCode(201).body("status", equalTo("SUBMITTED")).body("requestedAmount", equalTo("500000.00")).extract().path("id");
        staff(s.county()).body("{\"amount\":\"400000.00\"}").post("/api/v1/construction-subsidies/" + id + "/approval").then().statusCode(403);
        staff(s.federation()).body("{\"amount\":\"600000.00\"}").post("/api/v1/construction-subsidies/" + id + "/approval")
                .then().statusCode(400).body("errors[0].field", equalTo("amount"));
        staff(s.federation()).body("{\"amount\":\"400000.00\",\"note\":\"按预算核定\"}").post("/api/v1/construction-subsidies/" + id + "/approval")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("amount", equalTo("400000.00"));
        staff(s.federation()).body("{}").post("/api/v1/subsidies/" + id + "/payment").then().statusCode(403);
        String finance = DevTokens.role("finance", "finance-wang");
        as(finance).body("{\"paymentReference\":\"FIN-2023-0042\"}").post("/api/v1/subsidies/" + id + "/payment").then().statusCode(200)
                .body("status", equalTo("PAID"))
                .body("steps.status", equalTo(List.of("SUBMITTED", "APPROVED", "PAID")))
                .body("steps[0].actor", equalTo("staff-" + s.county()))
                .body("steps[1].actor", equalTo("staff-" + s.federation()))
                .body("steps[2].actor", equalTo("finance-wang"))
                .body("steps[2].at", org.hamcrest.Matchers.notNullValue());
        as(finance).body("{}").post("/api/v1/subsidies/" + id + "/payment").then().statusCode(409);
        try (TopicProbe probe = new TopicProbe(bootstrap, "venue.v1")) {
            var r = probe.await(x -> id.equals(x.key()) && "org.unionhub.venue.subsidy.paid.v1".equals(TopicProbe.header(x, "ce_type")), Duration.ofSeconds(60));
            assertThat(TopicProbe.value(r)).contains("\"amount\":\"400000.00\"").contains("FIN-2023-0042").contains("\"currency\":\"CNY\"");
        }
        staff(s.county()).get("/api/v1/subsidies?year=2023").then().statusCode(200).body("items.id", hasItem(id));
        staff(fixtures.org(null)).get("/api/v1/subsidies?year=2023&organizationId=" + s.federation()).then().statusCode(403);
    }

    @Test
    void aRejectedRequestRecordsTheReasonAndCannotBeApprovedAfterwards() {
        Setup s = setup("1000000.00");
        String id = staff(s.county()).body("{\"venueId\":\"" + s.palace() + "\",\"kind\":\"REBUILD\",\"requestedAmount\":\"300000.00\","
                + "\"description\":\"改建\"}").post("/api/v1/construction-subsidies").then().statusCode(201).extract().path("id");
        staff(s.federation()).body("{\"reason\":\"材料不全\"}").post("/api/v1/construction-subsidies/" + id + "/rejection")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("reason", equalTo("材料不全"))
                .body("steps[1].note", equalTo("材料不全"));
        staff(s.federation()).body("{\"amount\":\"100000.00\"}").post("/api/v1/construction-subsidies/" + id + "/approval").then().statusCode(409);
        as(DevTokens.role("finance")).body("{}").post("/api/v1/subsidies/" + id + "/payment").then().statusCode(409);
    }
}
