package org.unionhub.venue.subsidy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.venue.Fixtures;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.unionhub.venue.Fixtures.as;
import static org.unionhub.venue.Fixtures.staff;

/**
 * Issue 13, finding 3: the money that rates and funds a venue comes from above it. A budget that funds a venue's
 * award or construction subsidy belongs to a federation strictly above the venue's organization; an organization's
 * budget is set by staff above it (or an admin), and staff spend only budgets inside their own subtree.
 */
@QuarkusTest
class BudgetScopeTest {

    @Inject
    Fixtures fixtures;

    private static final String ADMIN = DevTokens.role("admin");
    private static final String EXCELLENT = "{\"SERVICE_DELIVERY\":28,\"ACTIVITY_COUNT\":19,\"VISITS\":18,\"MANAGEMENT\":14,\"SAFETY\":14}";

    private static Response createBudget(String token, UUID org, String amount) {
        return as(token).body("{\"year\":2023,\"amount\":\"" + amount + "\"" + (org == null ? "" : ",\"organizationId\":\"" + org + "\"") + "}")
                .post("/api/v1/subsidy-budgets");
    }

    private static Response evaluate(String token, UUID venue) {
        return as(token).body("{\"venueId\":\"" + venue + "\",\"year\":2023,\"scores\":" + EXCELLENT + "}").post("/api/v1/evaluations");
    }

    private static String submit(UUID staffOrg, UUID venue) {
        return staff(staffOrg).body("{\"venueId\":\"" + venue + "\",\"kind\":\"NEW\",\"requestedAmount\":\"500000.00\","
                + "\"description\":\"新建工人文化宫\",\"year\":2023}").post("/api/v1/construction-subsidies").then().statusCode(201).extract().path("id");
    }

    @Test
    void anOrganizationsBudgetIsSetFromAboveIt() {
        UUID province = fixtures.org(null);
        UUID county = fixtures.org(province);
        UUID sibling = fixtures.org(province);

        createBudget(DevTokens.staff(county), county, "9000000.00").then().statusCode(403);
        createBudget(DevTokens.staff(county), null, "9000000.00").then().statusCode(400).body("errors[0].field", equalTo("organizationId"));
        createBudget(DevTokens.staff(sibling), county, "9000000.00").then().statusCode(403);
        createBudget(DevTokens.staff(province), province, "9000000.00").then().statusCode(403);
        createBudget(DevTokens.staff(province), UUID.randomUUID(), "9000000.00").then().statusCode(400).body("errors[0].field", equalTo("organizationId"));

        String countyBudget = createBudget(DevTokens.staff(province), county, "300000.00").then().statusCode(201)
                .body("organizationId", equalTo(county.toString())).extract().path("id");
        createBudget(ADMIN, province, "1000000.00").then().statusCode(201);
        // the county reads what was set for it
        staff(county).get("/api/v1/subsidy-budgets/" + countyBudget).then().statusCode(200).body("amount", equalTo("300000.00"));
    }

    @Test
    void aBudgetOfTheVenuesOwnOrganizationFundsNeitherItsAwardNorItsSubsidy() {
        UUID province = fixtures.org(null);
        UUID county = fixtures.org(province);
        UUID palace = Fixtures.venue(county, "CULTURAL_PALACE", "COUNTY", null);
        String ownBudget = createBudget(ADMIN, county, "1000000.00").then().statusCode(201).extract().path("id");

        evaluate(DevTokens.staff(province), palace).then().statusCode(422)
                .body("type", equalTo("https://unionhub.org/problems/budget-not-above"));
        String subsidy = submit(county, palace);
        staff(province).body("{\"amount\":\"400000.00\"}").post("/api/v1/construction-subsidies/" + subsidy + "/approval").then().statusCode(422)
                .body("type", equalTo("https://unionhub.org/problems/budget-not-above"));
        as(ADMIN).get("/api/v1/subsidy-budgets/" + ownBudget).then().statusCode(200).body("committed", equalTo("0.00"));
        as(ADMIN).get("/api/v1/subsidies/" + subsidy).then().statusCode(200).body("status", equalTo("SUBMITTED")).body("amount", nullValue());
        as(ADMIN).get("/api/v1/subsidies?year=2023&organizationId=" + county).then().statusCode(200).body("items.size()", equalTo(1));

        // the province's budget is the one that pays
        String provinceBudget = createBudget(ADMIN, province, "1000000.00").then().statusCode(201).extract().path("id");
        evaluate(DevTokens.staff(province), palace).then().statusCode(201).body("awardAmount", equalTo("200000.00"));
        staff(province).body("{\"amount\":\"400000.00\"}").post("/api/v1/construction-subsidies/" + subsidy + "/approval").then().statusCode(200);
        as(ADMIN).get("/api/v1/subsidy-budgets/" + provinceBudget).then().body("committed", equalTo("600000.00"));
        as(ADMIN).get("/api/v1/subsidy-budgets/" + ownBudget).then().body("committed", equalTo("0.00"));
    }

    @Test
    void staffSpendOnlyABudgetInsideTheirSubtree() {
        UUID province = fixtures.org(null);
        UUID city = fixtures.org(province);
        UUID county = fixtures.org(city);
        UUID palace = Fixtures.venue(county, "CULTURAL_PALACE", "COUNTY", null);
        String provinceBudget = createBudget(ADMIN, province, "1000000.00").then().statusCode(201).extract().path("id");
        String subsidy = submit(county, palace);

        // the city is above the county, but the only budget is the province's: not the city's to spend
        staff(city).body("{\"amount\":\"400000.00\"}").post("/api/v1/construction-subsidies/" + subsidy + "/approval").then().statusCode(403);
        evaluate(DevTokens.staff(city), palace).then().statusCode(403);
        as(ADMIN).get("/api/v1/subsidy-budgets/" + provinceBudget).then().body("committed", equalTo("0.00"));
        as(ADMIN).get("/api/v1/subsidies?year=2023&organizationId=" + county).then().body("items.size()", equalTo(1));

        staff(province).body("{\"amount\":\"400000.00\"}").post("/api/v1/construction-subsidies/" + subsidy + "/approval").then().statusCode(200);
        // a budget the province set for the city is the city's to spend
        createBudget(DevTokens.staff(province), city, "500000.00").then().statusCode(201);
        evaluate(DevTokens.staff(city), palace).then().statusCode(201).body("awardAmount", equalTo("200000.00"));
    }

    @Test
    void whoeverCommittedTheMoneyDoesNotAlsoRecordItsPayment() {
        UUID province = fixtures.org(null);
        UUID county = fixtures.org(province);
        UUID palace = Fixtures.venue(county, "CULTURAL_PALACE", "COUNTY", null);
        createBudget(ADMIN, province, "1000000.00").then().statusCode(201);
        String subsidy = submit(county, palace);
        String both = DevTokens.token("treasurer-" + UUID.randomUUID(), Set.of("admin", "finance"), null, null, Duration.ofHours(1));
        as(both).body("{\"amount\":\"400000.00\"}").post("/api/v1/construction-subsidies/" + subsidy + "/approval").then().statusCode(200);
        as(both).body("{\"paymentReference\":\"FIN-1\"}").post("/api/v1/subsidies/" + subsidy + "/payment").then().statusCode(403);
        as(ADMIN).get("/api/v1/subsidies/" + subsidy).then().body("status", equalTo("APPROVED"));
        as(DevTokens.role("finance")).body("{\"paymentReference\":\"FIN-1\"}").post("/api/v1/subsidies/" + subsidy + "/payment")
                .then().statusCode(200).body("status", equalTo("PAID"));
    }
}
