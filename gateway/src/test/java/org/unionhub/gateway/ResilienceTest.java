package org.unionhub.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionhub.gateway.routing.Breaker;
import org.unionhub.gateway.routing.Upstreams;
import org.unionhub.infra.DevTokens;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Each test calls an upstream of its own (FakeServices): a breaker opened by one test's failures
 * cannot turn another's 504 or 502 into a 503, whatever the order the methods run in.
 */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class ResilienceTest {

    private final String staff = DevTokens.staff(UUID.randomUUID());

    @Inject
    Upstreams upstreams;

    @AfterEach
    void heal() {
        for (String name : new String[]{"slow", "dropping", "erroring", "flaky"}) {
            FakeServices.get(name).reset();
        }
    }

    /** The test starts from a closed breaker of the upstream it calls. */
    private void startsClosed(String upstream) {
        assertThat(upstreams.named(upstream).orElseThrow().breaker().state())
                .as("circuit breaker of " + upstream + " at the start of the test").isEqualTo(Breaker.State.CLOSED);
    }

    private Response timed(String path) {
        return given().auth().oauth2(staff).get(path);
    }

    @Test
    void aSlowServiceGives504WithinItsTimeout() {
        startsClosed("slow");
        FakeServices.get("slow").mode(FakeService.Mode.HANG);
        long start = System.nanoTime();
        timed("/api/v1/slow-test/x").then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://unionhub.org/problems/gateway-timeout"))
                .body("status", equalTo(504))
                .body("instance", equalTo("/api/v1/slow-test/x"))
                .header("X-Request-Id", notNullValue());
        long ms = (System.nanoTime() - start) / 1_000_000;
        // the service would answer after 30 s; the upper bound leaves room for a loaded CI machine
        assertThat(ms).as("timeout is 500 ms").isBetween(400L, 10_000L);
    }

    @Test
    void aServiceThatIsDownGives503Quickly() {
        startsClosed("down");
        long start = System.nanoTime();
        timed("/api/v1/down-test").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://unionhub.org/problems/service-unavailable"))
                .header("Retry-After", notNullValue());
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000L);
    }

    @Test
    void aServiceThatDropsTheConnectionGives502() {
        startsClosed("dropping");
        FakeServices.get("dropping").mode(FakeService.Mode.DROP);
        timed("/api/v1/drop-test").then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://unionhub.org/problems/bad-gateway"));
    }

    @Test
    void theBreakerOpensOnRepeatedFailuresAndClosesWhenTheServiceRecovers() {
        startsClosed("flaky");
        FakeService flaky = FakeServices.get("flaky");
        timed("/api/v1/flaky-test").then().statusCode(200);
        flaky.mode(FakeService.Mode.DROP);
        // failures until the breaker opens: then the service is not even called
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Response r = timed("/api/v1/flaky-test");
            return r.statusCode() == 503;
        });
        flaky.mode(FakeService.Mode.ECHO);
        int before = flaky.received();
        timed("/api/v1/flaky-test").then().statusCode(503)
                .body("detail", equalTo("the flaky service is failing; calls to it are paused for a moment"))
                .header("Retry-After", notNullValue());
        assertThat(flaky.received()).as("an open breaker spares the service").isEqualTo(before);

        // after the delay a half-open probe goes through and closes the breaker
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> timed("/api/v1/flaky-test").statusCode() == 200);
        timed("/api/v1/flaky-test").then().statusCode(200).body("service", equalTo("flaky"));
        assertThat(flaky.received()).isGreaterThan(before);
    }

    @Test
    void aServiceThatAnswersAnErrorIsNotRetried() {
        // retries are for connections that could not be made (UpstreamRetryTest); an answer is final
        startsClosed("erroring");
        FakeService erroring = FakeServices.get("erroring");
        erroring.answer("/api/v1/error-test/busy", req -> req.response().setStatusCode(503)
                .putHeader("Content-Type", "application/problem+json").end("{\"status\":503}"));
        int before = erroring.received();
        timed("/api/v1/error-test/busy").then().statusCode(503).body("status", equalTo(503));
        assertThat(erroring.received()).isEqualTo(before + 1);
    }
}
