package org.unionhub.membership.member;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.membership.TestData;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.unionhub.membership.TestData.joinBody;

/**
 * Issue 13, finding 5: an online application is bound to the account that makes it, an account has one live
 * application or membership, and an applicant never learns another person's membership status.
 */
@QuarkusTest
class OnlineApplicationTest {

    static final String NOT_ACCEPTED = "https://unionhub.org/problems/application-not-accepted";

    @Inject
    EntityManager em;

    static String account(String sub) {
        return DevTokens.token(sub, Set.of("member"), null, null, Duration.ofHours(1));
    }

    static Response apply(String token, String idNumber, UUID org) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(joinBody("申请人", idNumber, TestData.phone(), "COURIER", org, "ONLINE")).post("/api/v1/members");
    }

    long rows(String sql, Object param) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, param).getSingleResult()).longValue());
    }

    @Test
    void theApplyingAccountIsStoredWithTheMemberAndStaffSeeIt() {
        TestData.Tree t = TestData.tree();
        String sub = "kc-" + UUID.randomUUID();
        String id = apply(account(sub), TestData.idNumber(), t.leaf()).then().statusCode(201)
                .body("accountSubject", equalTo(sub)).extract().path("id");
        given().auth().oauth2(DevTokens.staff(t.county())).get("/api/v1/members/" + id).then().statusCode(200)
                .body("accountSubject", equalTo(sub)).body("status", equalTo("PENDING"));
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("SELECT account_subject FROM member WHERE id = ?1").setParameter(1, UUID.fromString(id)).getSingleResult());
        assertThat(stored).isEqualTo(sub);
        // staff enrolling a person in person link him to no account
        given().auth().oauth2(DevTokens.staff(t.leaf())).contentType(ContentType.JSON)
                .body(joinBody("现场入会", TestData.idNumber(), TestData.phone(), "COURIER", t.leaf(), "ON_SITE"))
                .post("/api/v1/members").then().statusCode(201).body("accountSubject", nullValue());
    }

    @Test
    void oneAccountHasOneLiveApplicationAndCannotApplyInASecondPersonsName() {
        TestData.Tree t = TestData.tree();
        String token = account("kc-" + UUID.randomUUID());
        String first = apply(token, TestData.idNumber(), t.leaf()).then().statusCode(201).extract().path("id");
        String second = TestData.idNumber();
        apply(token, second, t.leaf()).then().statusCode(409).body("type", equalTo(NOT_ACCEPTED)).body("currentStatus", nullValue());
        // still refused once the first is approved: the account now speaks for that member
        given().auth().oauth2(DevTokens.staff(t.leaf())).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/members/" + first + "/approve").then().statusCode(200);
        apply(token, second, t.leaf()).then().statusCode(409).body("type", equalTo(NOT_ACCEPTED));
        // a token naming a live membership applies for nobody, whatever its sub
        apply(DevTokens.member(UUID.fromString(first)), TestData.idNumber(), t.leaf()).then().statusCode(409)
                .body("type", equalTo(NOT_ACCEPTED));
        // the second person's number was not taken: he enrols normally
        given().auth().oauth2(DevTokens.staff(t.leaf())).contentType(ContentType.JSON)
                .body(joinBody("第二人", second, TestData.phone(), "COURIER", t.leaf(), "ON_SITE"))
                .post("/api/v1/members").then().statusCode(201);
    }

    @Test
    void racingApplicationsOfOneAccountLetExactlyOneThrough() throws Exception {
        TestData.Tree t = TestData.tree();
        String token = account("kc-" + UUID.randomUUID());
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String idNumber = TestData.idNumber();
                results.add(pool.submit(() -> {
                    start.await();
                    return apply(token, idNumber, t.leaf()).statusCode();
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
    void anApplicationInAnotherPersonsNameTellsNothingAndCreatesNothing() {
        TestData.Tree t = TestData.tree();
        String staff = DevTokens.staff(t.leaf());
        String active = TestData.idNumber();
        String suspended = TestData.idNumber();
        String pending = TestData.idNumber();
        String activeId = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(joinBody("在册会员", active, TestData.phone(), "COURIER", t.leaf(), "ON_SITE"))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
        String suspendedId = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(joinBody("停权会员", suspended, TestData.phone(), "COURIER", t.leaf(), "ON_SITE"))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
        given().auth().oauth2(staff).contentType(ContentType.JSON).body("{}").post("/api/v1/members/" + suspendedId + "/suspend")
                .then().statusCode(200);
        apply(account("kc-" + UUID.randomUUID()), pending, t.leaf()).then().statusCode(201);

        long members = rows("SELECT count(*) FROM member WHERE organization_path LIKE ?1", "%/" + t.leaf() + "/%");
        long events = rows("SELECT count(*) FROM outbox WHERE aggregate_id IN (SELECT id::text FROM member WHERE organization_path LIKE ?1)",
                "%/" + t.leaf() + "/%");
        long history = rows("SELECT count(*) FROM member_history WHERE to_organization_id = ?1", t.leaf());
        String etag = given().auth().oauth2(staff).get("/api/v1/members/" + activeId).then().extract().header("ETag");

        List<String> answers = new ArrayList<>();
        for (String victim : List.of(active, suspended, pending)) {
            Response r = apply(account("kc-" + UUID.randomUUID()), victim, t.county());
            r.then().statusCode(409).body("type", equalTo(NOT_ACCEPTED)).body("currentStatus", nullValue());
            answers.add(r.jsonPath().getString("detail"));
            assertThat(r.asString()).doesNotContain("ACTIVE").doesNotContain("SUSPENDED").doesNotContain("PENDING");
        }
        assertThat(answers).containsOnly(answers.get(0));
        assertThat(rows("SELECT count(*) FROM member WHERE organization_path LIKE ?1", "%/" + t.leaf() + "/%")).isEqualTo(members);
        assertThat(rows("SELECT count(*) FROM member WHERE organization_id = ?1", t.county())).isZero();
        assertThat(rows("SELECT count(*) FROM outbox WHERE aggregate_id IN (SELECT id::text FROM member WHERE organization_path LIKE ?1)",
                "%/" + t.leaf() + "/%")).isEqualTo(events);
        assertThat(rows("SELECT count(*) FROM member_history WHERE to_organization_id = ?1", t.leaf())).isEqualTo(history);
        assertThat(rows("SELECT count(*) FROM member_history WHERE to_organization_id = ?1", t.county())).isZero();
        given().auth().oauth2(staff).get("/api/v1/members/" + activeId).then().header("ETag", etag);
    }
}
