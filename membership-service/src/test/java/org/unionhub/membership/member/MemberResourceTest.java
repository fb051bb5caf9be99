package org.unionhub.membership.member;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.membership.TestData;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.unionhub.membership.TestData.admin;
import static org.unionhub.membership.TestData.joinBody;

@QuarkusTest
class MemberResourceTest {

    static Response join(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/members");
    }

    static Response act(String token, String memberId, String action, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body == null ? "{}" : body)
                .post("/api/v1/members/" + memberId + "/" + action);
    }

    @Test
    void aWorkerJoinsOnlineAsPendingAndSeesOnlyMaskedData() {
        TestData.Tree t = TestData.tree();
        String id = join(DevTokens.role("member"), joinBody("快递员小刘", TestData.withIdCheckDigit("21142119900307441"),
                "13812345678", "COURIER", t.leaf(), "ONLINE"))
                .then().statusCode(201).header("Location", notNullValue()).header("ETag", notNullValue())
                .body("status", equalTo("PENDING"))
                .body("idNumber", equalTo("211***********441" + TestData.withIdCheckDigit("21142119900307441").charAt(17)))
                .body("phone", equalTo("138****5678"))
                .body("birthDate", equalTo("1990-03-07"))
                .body("gender", equalTo("MALE"))
                .body("name", equalTo("快递员小刘"))
                .extract().path("id");
        String whole = given().auth().oauth2(DevTokens.member(UUID.fromString(id))).get("/api/v1/members/" + id)
                .then().statusCode(200).body("idNumber", equalTo("211***********441" + TestData.withIdCheckDigit("21142119900307441").charAt(17)))
                .extract().asString();
        assertThat(whole).doesNotContain("19900307441").doesNotContain("13812345678");
    }

    @Test
    void workersMayNotEnrollOnSiteNorStaffOutsideTheirSubtree() {
        TestData.Tree a = TestData.tree();
        TestData.Tree b = TestData.tree();
        join(DevTokens.role("member"), joinBody("王五", TestData.idNumber(), TestData.phone(), "COURIER", a.leaf(), "ON_SITE"))
                .then().statusCode(403);
        join(DevTokens.staff(b.province()), joinBody("王五", TestData.idNumber(), TestData.phone(), "COURIER", a.leaf(), "ON_SITE"))
                .then().statusCode(403);
        join(DevTokens.role("partner"), joinBody("王五", TestData.idNumber(), TestData.phone(), "COURIER", a.leaf(), "ONLINE"))
                .then().statusCode(403);
        join(DevTokens.staff(a.city()), joinBody("王五", TestData.idNumber(), TestData.phone(), "COURIER", a.leaf(), "ON_SITE"))
                .then().statusCode(201).body("status", equalTo("ACTIVE"));
    }

    @Test
    void badIdNumbersPhonesAndEnumsAre400NamingTheField() {
        TestData.Tree t = TestData.tree();
        String staff = DevTokens.staff(t.leaf());
        join(staff, joinBody("赵六", "110105194912310021", TestData.phone(), "COURIER", t.leaf(), "ON_SITE"))
                .then().statusCode(400).body("errors[0].field", equalTo("idNumber"))
                .body("detail", not(org.hamcrest.Matchers.containsString("110105194912310021")));
        join(staff, joinBody("赵六", TestData.idNumber(), "23812345678", "COURIER", t.leaf(), "ON_SITE"))
                .then().statusCode(400).body("errors[0].field", equalTo("phone"));
        join(staff, joinBody("赵六", TestData.idNumber(), TestData.phone(), "ASTRONAUT", t.leaf(), "ON_SITE"))
                .then().statusCode(400).body("errors[0].field", equalTo("employmentForm"));
        join(staff, joinBody("赵六", TestData.idNumber(), TestData.phone(), "COURIER", UUID.randomUUID(), "ON_SITE"))
                .then().statusCode(400).body("errors[0].field", equalTo("organizationId"));
    }

    @Test
    void onePersonHasOneMembershipAtATimeAndMayComeBackAfterLeaving() {
        TestData.Tree t = TestData.tree();
        String staff = DevTokens.staff(t.city());
        String idNumber = TestData.idNumber();
        String id = join(staff, joinBody("孙七", idNumber, TestData.phone(), "TRUCK_DRIVER", t.leaf(), "ON_SITE"))
                .then().statusCode(201).extract().path("id");
        join(DevTokens.role("member"), joinBody("孙七", idNumber.toLowerCase(), TestData.phone(), "TRUCK_DRIVER", t.county(), "ONLINE"))
                .then().statusCode(409).body("type", equalTo("https://unionhub.org/problems/application-not-accepted"))
                .body("currentStatus", org.hamcrest.Matchers.nullValue());
        join(DevTokens.staff(t.county()), joinBody("孙七", idNumber, TestData.phone(), "TRUCK_DRIVER", t.county(), "ON_SITE"))
                .then().statusCode(409).body("type", equalTo("https://unionhub.org/problems/already-member"))
                .body("currentStatus", equalTo("ACTIVE"));
        act(staff, id, "suspend", "{\"reason\":\"欠缴会费\"}").then().statusCode(200);
        join(staff, joinBody("孙七", idNumber, TestData.phone(), "TRUCK_DRIVER", t.leaf(), "ON_SITE")).then().statusCode(409);
        act(staff, id, "leave", "{\"reason\":\"转行\"}").then().statusCode(200).body("status", equalTo("LEFT"));
        String again = join(staff, joinBody("孙七", idNumber, TestData.phone(), "COURIER", t.county(), "ON_SITE"))
                .then().statusCode(201).body("status", equalTo("ACTIVE")).extract().path("id");
        assertThat(again).isEqualTo(id);
        given().auth().oauth2(staff).get("/api/v1/members/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("JOINED", "SUSPENDED", "LEFT", "JOINED"))
                .body("items.toStatus", contains("ACTIVE", "SUSPENDED", "LEFT", "ACTIVE"))
                .body("items[2].reason", equalTo("转行"))
                .body("items[3].toOrganizationId", equalTo(t.county().toString()))
                .body("items[0].actor", equalTo("staff-" + t.city()));
    }

    @Test
    void twoJoinsOfOneIdNumberAtOnceLetExactlyOneWin() throws Exception {
        TestData.Tree t = TestData.tree();
        String idNumber = TestData.idNumber();
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String body = joinBody("并发" + i, idNumber, TestData.phone(), "FOOD_DELIVERY", t.leaf(), "ON_SITE");
                results.add(pool.submit(() -> {
                    start.await();
                    return join(DevTokens.staff(t.leaf()), body).statusCode();
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
    }

    @Test
    void theLifeCycleRefusesIllegalTransitionsWith409AndTheCurrentStatus() {
        TestData.Tree t = TestData.tree();
        String staff = DevTokens.staff(t.county());
        String id = join(DevTokens.role("member"), joinBody("周八", TestData.idNumber(), TestData.phone(), "RIDE_HAILING", t.leaf(), "ONLINE"))
                .then().statusCode(201).extract().path("id");
        act(staff, id, "suspend", null).then().statusCode(409)
                .body("type", equalTo("https://unionhub.org/problems/illegal-transition")).body("currentStatus", equalTo("PENDING"));
        act(staff, id, "approve", null).then().statusCode(200).body("status", equalTo("ACTIVE"));
        act(staff, id, "approve", null).then().statusCode(409).body("currentStatus", equalTo("ACTIVE"));
        act(staff, id, "reject", "{\"reason\":\"迟到的拒绝\"}").then().statusCode(409);
        act(staff, id, "reinstate", null).then().statusCode(409);
        act(staff, id, "suspend", null).then().statusCode(200).body("status", equalTo("SUSPENDED"));
        act(staff, id, "transfer", "{\"toOrganizationId\":\"" + t.county() + "\"}").then().statusCode(409);
        act(staff, id, "reinstate", null).then().statusCode(200).body("status", equalTo("ACTIVE"));
        act(staff, id, "leave", "{}").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        act(staff, id, "leave", "{\"reason\":\"退休\"}").then().statusCode(200).body("status", equalTo("LEFT"));
        act(staff, id, "reinstate", null).then().statusCode(409).body("currentStatus", equalTo("LEFT"));

        String other = join(DevTokens.role("member"), joinBody("吴九", TestData.idNumber(), TestData.phone(), "COURIER", t.leaf(), "ONLINE"))
                .then().statusCode(201).extract().path("id");
        act(staff, other, "reject", "{\"reason\":\"资料不全\"}").then().statusCode(200).body("status", equalTo("REJECTED"));
        act(staff, other, "approve", null).then().statusCode(409).body("currentStatus", equalTo("REJECTED"));
    }

    @Test
    void aTransferKeepsBothOrganizationsInTheHistory() {
        TestData.Tree a = TestData.tree();
        TestData.Tree b = TestData.tree();
        String id = TestData.activeMember(a.leaf(), "TRUCK_DRIVER");
        act(admin(), id, "transfer", "{\"toOrganizationId\":\"" + b.leaf() + "\"}")
                .then().statusCode(200).body("organizationId", equalTo(b.leaf().toString())).body("status", equalTo("ACTIVE"));
        given().auth().oauth2(DevTokens.staff(b.city())).get("/api/v1/members/" + id + "/history").then().statusCode(200)
                .body("items[1].action", equalTo("TRANSFERRED"))
                .body("items[1].fromOrganizationId", equalTo(a.leaf().toString()))
                .body("items[1].toOrganizationId", equalTo(b.leaf().toString()));
        // the old union's staff no longer reach him
        given().auth().oauth2(DevTokens.staff(a.leaf())).get("/api/v1/members/" + id).then().statusCode(403);
    }

    @Test
    void changesTakeIfMatchAndAStaleOneIs412() {
        TestData.Tree t = TestData.tree();
        String staff = DevTokens.staff(t.leaf());
        String id = join(DevTokens.role("member"), joinBody("郑十", TestData.idNumber(), TestData.phone(), "DOMESTIC_SERVICE", t.leaf(), "ONLINE"))
                .then().statusCode(201).extract().path("id");
        String etag = given().auth().oauth2(staff).get("/api/v1/members/" + id).then().statusCode(200).extract().header("ETag");
        String next = given().auth().oauth2(staff).header("If-Match", etag).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/members/" + id + "/approve").then().statusCode(200).extract().header("ETag");
        assertThat(next).isNotEqualTo(etag);
        given().auth().oauth2(staff).header("If-Match", etag).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/members/" + id + "/suspend").then().statusCode(412).contentType("application/problem+json")
                .body("status", equalTo(412));
        given().auth().oauth2(staff).header("If-Match", next).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/members/" + id + "/suspend").then().statusCode(200);
    }

    @Test
    void racingApprovalsChangeTheMemberOnce() throws Exception {
        TestData.Tree t = TestData.tree();
        String id = join(DevTokens.role("member"), joinBody("钱十一", TestData.idNumber(), TestData.phone(), "COURIER", t.leaf(), "ONLINE"))
                .then().statusCode(201).extract().path("id");
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                results.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return act(DevTokens.staff(t.leaf()), id, "approve", null).statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : results) {
                codes.add(f.get());
            }
            assertThat(codes).filteredOn(c -> c == 200).hasSize(1);
            assertThat(codes).filteredOn(c -> c == 409).hasSize(n - 1);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(admin()).get("/api/v1/members/" + id + "/history").then()
                .body("items.action", contains("JOINED", "APPROVED"));
    }

    @Test
    void everyoneElseIsRefused403() {
        TestData.Tree a = TestData.tree();
        TestData.Tree b = TestData.tree();
        String id = TestData.activeMember(a.leaf(), "COURIER");
        UUID self = UUID.fromString(id);
        given().auth().oauth2(DevTokens.member(self)).get("/api/v1/members/" + id).then().statusCode(200);
        given().auth().oauth2(DevTokens.member(self)).get("/api/v1/members/" + id + "/history").then().statusCode(200);
        given().auth().oauth2(DevTokens.member(UUID.randomUUID())).get("/api/v1/members/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(DevTokens.staff(b.province())).get("/api/v1/members/" + id).then().statusCode(403);
        given().auth().oauth2(DevTokens.role("partner")).get("/api/v1/members/" + id).then().statusCode(403);
        given().auth().oauth2(DevTokens.role("judge")).get("/api/v1/members/" + id).then().statusCode(403);
        given().auth().oauth2(DevTokens.member(self)).get("/api/v1/members").then().statusCode(403);
        act(DevTokens.member(self), id, "leave", "{\"reason\":\"x\"}").then().statusCode(403);
        act(DevTokens.staff(b.leaf()), id, "suspend", null).then().statusCode(403);
        given().auth().oauth2(DevTokens.staff(b.leaf())).queryParam("organizationId", a.leaf().toString())
                .get("/api/v1/members").then().statusCode(403);
    }

    @Test
    void staffSearchTheirSubtreeByFormStatusAndName() {
        TestData.Tree t = TestData.tree();
        TestData.Tree other = TestData.tree();
        String tag = TestData.suffix();
        String staff = DevTokens.staff(t.county());
        join(staff, joinBody("骑手" + tag, TestData.idNumber(), TestData.phone(), "FOOD_DELIVERY", t.leaf(), "ON_SITE")).then().statusCode(201);
        join(staff, joinBody("司机" + tag, TestData.idNumber(), TestData.phone(), "TRUCK_DRIVER", t.county(), "ON_SITE")).then().statusCode(201);
        join(DevTokens.role("member"), joinBody("申请人" + tag, TestData.idNumber(), TestData.phone(), "FOOD_DELIVERY", t.leaf(), "ONLINE")).then().statusCode(201);
        TestData.activeMember(other.leaf(), "FOOD_DELIVERY");
        given().auth().oauth2(staff).get("/api/v1/members").then().statusCode(200).body("items", hasSize(3))
                .body("items.phone", hasItem(org.hamcrest.Matchers.matchesPattern("1\\d\\d\\*{4}\\d{4}")));
        given().auth().oauth2(staff).queryParam("employmentForm", "FOOD_DELIVERY").queryParam("status", "ACTIVE")
                .get("/api/v1/members").then().statusCode(200).body("items", hasSize(1)).body("items[0].name", equalTo("骑手" + tag));
        given().auth().oauth2(staff).queryParam("q", "司机").get("/api/v1/members").then().body("items", hasSize(1));
        given().auth().oauth2(staff).queryParam("organizationId", t.leaf().toString()).queryParam("limit", 1)
                .get("/api/v1/members").then().statusCode(200).body("items", hasSize(1)).body("nextCursor", notNullValue());
        given().auth().oauth2(staff).queryParam("limit", 500).get("/api/v1/members").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }
}
