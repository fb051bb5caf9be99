package org.unionhub.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.Metrics;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway serves /q/metrics (Prometheus) with HTTP server request metrics, like the services. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class GatewayMetricsTest {

    @Test
    void metricsAnswerWithHttpServerRequestsOfRoutedCalls() {
        String staff = DevTokens.staff(UUID.randomUUID());
        given().auth().oauth2(staff).get("/api/v1/organizations/" + UUID.randomUUID()).then().statusCode(200);
        given().get("/api/v1/organizations").then().statusCode(401);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(Metrics.find(metrics, "http_server_requests_seconds_count", Map.of("status", "200")))
                .as(metrics.lines().filter(l -> l.startsWith("http_server_requests")).toList().toString())
                .isNotEmpty();
        assertThat(Metrics.sum(metrics, "http_server_requests_seconds_count", Map.of("status", "401"))).isGreaterThanOrEqualTo(1);
        assertThat(Metrics.find(metrics, "http_server_requests_seconds_sum", Map.of())).isNotEmpty();
        // latency buckets for p95 panels, and no member id as a label value
        assertThat(Metrics.find(metrics, "http_server_requests_seconds_bucket", Map.of("status", "200", "application", "gateway")))
                .isNotEmpty();
        assertThat(metrics).doesNotContainPattern("uri=\"[^\"]*[0-9a-f]{8}-[0-9a-f]{4}-");
    }
}
