package org.unionhub.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class EdgeLimitsTest {

    @TestHTTPResource("/")
    URL root;

    private final String staff = DevTokens.staff(UUID.randomUUID());

    @Test
    void aBodyAboveTheLimitIsRefusedWith413BeforeTheService() {
        int before = FakeServices.get("membership").received();
        given().auth().oauth2(staff).contentType("application/json").body("x".repeat(5000))
                .post("/api/v1/member-imports")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://unionhub.org/problems/payload-too-large"));
        assertThat(FakeServices.get("membership").received()).isEqualTo(before);
        given().auth().oauth2(staff).contentType("application/json").body("x".repeat(4000))
                .post("/api/v1/member-imports")
                .then().statusCode(200).body("bodyLength", equalTo(4000));
    }

    private HttpResponse<String> chunked(int size) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "api/v1/member-imports"))
                .header("Authorization", "Bearer " + staff)
                .header("Content-Type", "text/csv")
                // no length known up front: the body goes chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[size])))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChunkedBodyIsStreamedAndCutOffAtTheLimit() throws Exception {
        HttpResponse<String> ok = chunked(3000);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"bodyLength\":3000");

        HttpResponse<String> big = chunked(200_000);
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.headers().firstValue("Content-Type")).contains("application/problem+json");
        // the breaker does not blame the service for it
        given().auth().oauth2(staff).get("/api/v1/member-imports").then().statusCode(200);
    }

    @Test
    void aSubjectBeyondItsBucketGets429WithRetryAfterAndRateLimitHeaders() {
        String token = DevTokens.role("staff", "rate-" + UUID.randomUUID());
        for (int i = 3; i > 0; i--) {
            given().auth().oauth2(token).get("/api/v1/reports")
                    .then().statusCode(200)
                    .header("RateLimit-Limit", equalTo("3"))
                    .header("RateLimit-Remaining", equalTo(Integer.toString(i - 1)));
        }
        int before = FakeServices.get("assistance").received();
        given().auth().oauth2(token).get("/api/v1/reports")
                .then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://unionhub.org/problems/rate-limited"))
                .header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", equalTo("0"))
                .header("RateLimit-Reset", notNullValue());
        assertThat(FakeServices.get("assistance").received()).isEqualTo(before);
        // another subject is not affected
        given().auth().oauth2(DevTokens.role("staff", "rate-" + UUID.randomUUID())).get("/api/v1/reports").then().statusCode(200);
    }

    @Test
    void concurrentCallsNeverGetMoreThanTheBucketHolds() throws Exception {
        String token = DevTokens.role("finance", "race-" + UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> given().auth().oauth2(token).get("/api/v1/reports").statusCode());
            }
            int ok = 0;
            int limited = 0;
            for (Future<Integer> f : pool.invokeAll(calls)) {
                if (f.get() == 200) {
                    ok++;
                } else if (f.get() == 429) {
                    limited++;
                }
            }
            assertThat(ok).isEqualTo(3);
            assertThat(limited).isEqualTo(17);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void corsPreflightForAConfiguredAppOrigin() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .options("/api/v1/members")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"))
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST"));
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/members")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void corsHeadersOnAnActualCall() {
        given().header("Origin", "http://localhost:5173").get("/api/v1/programs")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"))
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("X-Request-Id"));
    }

    @Test
    void jsonAnswersAreGzippedWhenTheClientAsks() {
        given().header("Accept-Encoding", "gzip").get("/api/v1/programs")
                .then().statusCode(200)
                .header("Content-Encoding", equalTo("gzip"))
                .body("service", equalTo("assistance"));
    }
}
