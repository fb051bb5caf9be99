package org.unionhub.membership.card;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.infra.DevTokens;
import org.unionhub.membership.TestData;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.unionhub.membership.TestData.admin;

@QuarkusTest
class CardResourceTest {

    static String partner(String name, String category, String rate) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"category\":\"" + category + "\",\"discountRate\":\"" + rate + "\"}")
                .post("/api/v1/benefit-partners").then().statusCode(201).body("discountRate", equalTo(rate)).extract().path("id");
    }

    static String issue(String token, String memberId) {
        return given().auth().oauth2(token).post("/api/v1/members/" + memberId + "/cards").then().statusCode(201)
                .body("status", equalTo("VALID")).extract().path("number");
    }

    static Response redeem(String token, String card, String partnerId, String amount) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"partnerId\":\"" + partnerId + "\",\"amount\":" + amount + "}")
                .post("/api/v1/cards/" + card + "/redemptions");
    }

    @Test
    void fuelAtNinetySevenPercentSavesNineYuanAndSavingsAddUp() {
        TestData.Tree t = TestData.tree();
        String staff = DevTokens.staff(t.county());
        String fuel = partner("中石化绥中加油站", "FUEL", "0.97");
        String repair = partner("绥中汽修厂", "VEHICLE_REPAIR", "0.95");
        String member = TestData.activeMember(t.leaf(), "TRUCK_DRIVER");
        String card = issue(staff, member);
        assertThat(card).hasSize(16).startsWith("8860");
        assertThat(CardNumber.isValid(card)).isTrue();
        redeem(staff, card, fuel, "\"300.00\"").then().statusCode(201)
                .body("amount", equalTo("300.00")).body("payable", equalTo("291.00")).body("saved", equalTo("9.00"));
        redeem(staff, card, repair, "123.45").then().statusCode(201)
                .body("payable", equalTo("117.28")).body("saved", equalTo("6.17"));
        int year = LocalDate.now(BusinessClock.ZONE).getYear();
        given().auth().oauth2(DevTokens.member(UUID.fromString(member))).get("/api/v1/members/" + member + "/savings?year=" + year)
                .then().statusCode(200).body("saved", equalTo("15.17")).body("paid", equalTo("408.28")).body("redemptions", equalTo(2));
        given().auth().oauth2(DevTokens.member(UUID.fromString(member))).get("/api/v1/members/" + member + "/savings?year=" + (year - 1))
                .then().statusCode(200).body("saved", equalTo("0.00"));
        given().auth().oauth2(DevTokens.member(UUID.fromString(member))).get("/api/v1/members/" + member + "/cards")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].number", equalTo(card));
        given().auth().oauth2(DevTokens.member(UUID.randomUUID())).get("/api/v1/members/" + member + "/savings").then().statusCode(403);
        given().auth().oauth2(DevTokens.member(UUID.randomUUID())).get("/api/v1/members/" + member + "/cards").then().statusCode(403);
    }

    @Test
    void badAmountsRatesAndPartnersAre400() {
        TestData.Tree t = TestData.tree();
        String fuel = partner("加油站", "FUEL", "0.97");
        String card = issue(admin(), TestData.activeMember(t.leaf(), "TRUCK_DRIVER"));
        redeem(admin(), card, fuel, "\"300.001\"").then().statusCode(400).body("errors[0].field", equalTo("amount"));
        redeem(admin(), card, fuel, "0").then().statusCode(400).body("errors[0].field", equalTo("amount"));
        redeem(admin(), card, UUID.randomUUID().toString(), "10").then().statusCode(400).body("errors[0].field", equalTo("partnerId"));
        for (String rate : new String[]{"0", "1.01", "-0.5"}) {
            given().auth().oauth2(admin()).contentType(ContentType.JSON)
                    .body("{\"name\":\"x\",\"category\":\"FUEL\",\"discountRate\":\"" + rate + "\"}")
                    .post("/api/v1/benefit-partners").then().statusCode(400).body("errors[0].field", equalTo("discountRate"));
        }
        given().auth().oauth2(DevTokens.role("member")).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"category\":\"FUEL\",\"discountRate\":\"0.9\"}")
                .post("/api/v1/benefit-partners").then().statusCode(403);
        redeem(DevTokens.role("partner"), card, fuel, "10").then().statusCode(403);
    }

    @Test
    void oneValidCardPerActiveMemberEvenWhenIssuesRace() throws Exception {
        TestData.Tree t = TestData.tree();
        String pending = given().auth().oauth2(DevTokens.role("member")).contentType(ContentType.JSON)
                .body(TestData.joinBody("申请人", TestData.idNumber(), TestData.phone(), "COURIER", t.leaf(), "ONLINE"))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin()).post("/api/v1/members/" + pending + "/cards").then().statusCode(422)
                .body("type", equalTo("https://unionhub.org/problems/member-not-active"));
        String member = TestData.activeMember(t.leaf(), "COURIER");
        int n = 5;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(DevTokens.staff(t.leaf())).post("/api/v1/members/" + member + "/cards").statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : results) {
                codes.add(f.get());
            }
            assertThat(codes).filteredOn(c -> c == 201).hasSize(1);
            assertThat(codes).filteredOn(c -> c == 409).hasSize(n - 1);
        } finally {
            pool.shutdownNow();
        }
        String card = given().auth().oauth2(admin()).get("/api/v1/members/" + member + "/cards").then().extract().path("items[0].number");
        given().auth().oauth2(DevTokens.member(UUID.fromString(member))).post("/api/v1/cards/" + card + "/block")
                .then().statusCode(200).body("status", equalTo("BLOCKED"));
        given().auth().oauth2(admin()).post("/api/v1/cards/" + card + "/block").then().statusCode(409);
        issue(admin(), member);
        given().auth().oauth2(DevTokens.staff(UUID.randomUUID())).post("/api/v1/members/" + member + "/cards").then().statusCode(403);
    }

    @Test
    void redemptionsAreRefusedForABlockedCardOrAMemberNoLongerActive() {
        TestData.Tree t = TestData.tree();
        String fuel = partner("加油站", "FUEL", "0.97");
        String m1 = TestData.activeMember(t.leaf(), "TRUCK_DRIVER");
        String blocked = issue(admin(), m1);
        given().auth().oauth2(admin()).post("/api/v1/cards/" + blocked + "/block").then().statusCode(200);
        redeem(admin(), blocked, fuel, "100").then().statusCode(422).body("type", equalTo("https://unionhub.org/problems/card-blocked"));

        String m2 = TestData.activeMember(t.leaf(), "TRUCK_DRIVER");
        String card = issue(admin(), m2);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"reason\":\"离职\"}")
                .post("/api/v1/members/" + m2 + "/leave").then().statusCode(200);
        redeem(admin(), card, fuel, "100").then().statusCode(422).body("type", equalTo("https://unionhub.org/problems/member-not-active"));
        redeem(admin(), "8860000000000000", fuel, "100").then().statusCode(404);
    }
}
