package org.unionhub.assistance.reliability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.assistance.TestData;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.TestInfrastructure;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionhub.assistance.TestData.as;

/**
 * The real PostgreSQL stops under a running service (issue 16, item 3): a read and a write answer 503 problem+json
 * with Retry-After within 6 s (a functional bound: no worker waits for the gateway's timeout), nothing is
 * half-written, readiness is DOWN; once the database is back, normal answers and readiness UP, without a restart.
 */
@QuarkusTest
class DatabaseOutageTest {

    /** Functional bound on an answer while the database is away (a cut connection fails at once, a new one is refused at once; connectTimeout is 3 s). */
    private static final long BOUND_MILLIS = 6_000;

    @Inject
    TestData data;

    @Test
    void aStoppedDatabaseIsA503WithRetryAfterAndNothingHalfWritten() throws Exception {
        TestData.Tree tree = data.tree();
        UUID driver = data.member(tree, "快递员小李", "ACTIVE");
        String member = DevTokens.member(driver);
        String caseId = as(member).body(Map.of("memberId", driver, "kind", "WAGE_ARREARS", "description", "派送费被克扣"))
                .post("/api/v1/legal-cases").then().statusCode(201).extract().path("id");
        long casesBefore = data.count("SELECT count(*) FROM legal_case");
        long auditBefore = data.count("SELECT count(*) FROM audit_entry");
        given().get("/q/health/ready").then().statusCode(200);

        TestInfrastructure.stopPostgres();
        try {
            Response read = timed(() -> as(member).get("/api/v1/legal-cases/" + caseId));
            unavailable(read);

            Response write = timed(() -> as(member).body(Map.of("memberId", driver, "kind", "INJURY", "description", "工伤认定"))
                    .post("/api/v1/legal-cases"));
            unavailable(write);

            Response ready = timed(() -> given().get("/q/health/ready"));
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.asString()).contains("DOWN");
        } finally {
            TestInfrastructure.startPostgres();
        }

        // back without a restart: readiness UP and the case readable (a pooled connection cut by the outage may
        // answer one more 503 before the pool replaces it, which is what Retry-After is for)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> as(member).get("/api/v1/legal-cases/" + caseId).statusCode() == 200);
        assertThat(data.count("SELECT count(*) FROM legal_case")).isEqualTo(casesBefore);
        assertThat(data.count("SELECT count(*) FROM audit_entry")).isEqualTo(auditBefore);
        as(member).body(Map.of("memberId", driver, "kind", "INJURY", "description", "工伤认定")).post("/api/v1/legal-cases")
                .then().statusCode(201);
    }

    private static Response timed(Supplier<Response> call) {
        long start = System.nanoTime();
        Response r = call.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("answered within %d ms while the database is down", BOUND_MILLIS).isLessThan(BOUND_MILLIS);
        return r;
    }

    private static void unavailable(Response r) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.header("Retry-After")).isNotNull();
        assertThat(Integer.parseInt(r.header("Retry-After"))).isPositive();
        assertThat(r.jsonPath().getString("type")).isEqualTo("https://unionhub.org/problems/database-unavailable");
    }
}
