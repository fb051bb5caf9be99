package org.unionhub.membership.card;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.membership.TestData;
import org.unionhub.platform.time.BusinessClock;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.unionhub.membership.TestData.admin;
import static org.unionhub.membership.card.CardResourceTest.issue;
import static org.unionhub.membership.card.CardResourceTest.partner;
import static org.unionhub.membership.card.CardResourceTest.redeem;

/**
 * Savings count per year of the unions' calendar (China Standard Time), not of UTC: a redemption at 16:30 UTC on
 * 31 December is half past midnight on 1 January in Beijing, so it counts in the new year, and "this year" is already
 * the new one. The clock stands still on either side of midnight instead of the test waiting for New Year's Eve.
 */
@QuarkusTest
class SavingsAcrossNewYearTest {

    static final Instant NEW_YEAR_IN_BEIJING = Instant.parse("2026-12-31T16:30:00Z");
    static final Instant OLD_YEAR_IN_BEIJING = Instant.parse("2026-12-31T15:59:00Z");

    @BeforeEach
    void halfPastMidnightOnNewYearsDayInBeijing() {
        QuarkusMock.installMockForType(BusinessClock.fixedAt(NEW_YEAR_IN_BEIJING), BusinessClock.class);
    }

    @Test
    void aRedemptionAfterMidnightInBeijingCountsInTheNewYearOneBeforeInTheOld() {
        TestData.Tree t = TestData.tree();
        String fuel = partner("中石化绥中加油站", "FUEL", "0.97");
        String member = TestData.activeMember(t.leaf(), "TRUCK_DRIVER");
        String card = issue(admin(), member);
        String token = DevTokens.member(UUID.fromString(member));

        redeem(admin(), card, fuel, "\"300.00\"").then().statusCode(201).body("saved", equalTo("9.00"));
        given().auth().oauth2(token).get("/api/v1/members/" + member + "/savings").then().statusCode(200)
                .body("year", equalTo(2027)).body("saved", equalTo("9.00")).body("redemptions", equalTo(1));
        given().auth().oauth2(token).get("/api/v1/members/" + member + "/savings?year=2026").then().statusCode(200)
                .body("saved", equalTo("0.00")).body("redemptions", equalTo(0));

        QuarkusMock.installMockForType(BusinessClock.fixedAt(OLD_YEAR_IN_BEIJING), BusinessClock.class);
        redeem(admin(), card, fuel, "\"100.00\"").then().statusCode(201).body("saved", equalTo("3.00"));
        given().auth().oauth2(token).get("/api/v1/members/" + member + "/savings").then().statusCode(200)
                .body("year", equalTo(2026)).body("saved", equalTo("3.00")).body("redemptions", equalTo(1));
        given().auth().oauth2(token).get("/api/v1/members/" + member + "/savings?year=2027").then().statusCode(200)
                .body("saved", equalTo("9.00")).body("redemptions", equalTo(1));
    }
}
