package org.unionhub.venue.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint is in the OpenAPI document with a summary naming its roles, and every request body has an example. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyEndpointIsDocumentedWithRolesAndExamples() throws Exception {
        String body = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode paths = new ObjectMapper().readTree(body).get("paths");
        assertThat(iterable(paths.fieldNames())).contains(
                "/api/v1/venues", "/api/v1/venues/{id}", "/api/v1/venues/{id}/network", "/api/v1/venues/{id}/closure",
                "/api/v1/venues/{id}/activities", "/api/v1/activities/{id}", "/api/v1/activities/{id}/bookings",
                "/api/v1/bookings/{id}", "/api/v1/members/{memberId}/bookings", "/api/v1/venues/{id}/checkins",
                "/api/v1/venues/{id}/stats", "/api/v1/venues/{id}/network/stats", "/api/v1/subsidy-budgets",
                "/api/v1/subsidy-budgets/{id}", "/api/v1/evaluations", "/api/v1/evaluations/{id}", "/api/v1/construction-subsidies",
                "/api/v1/construction-subsidies/{id}/approval", "/api/v1/construction-subsidies/{id}/rejection",
                "/api/v1/subsidies/{id}/payment", "/api/v1/subsidies", "/api/v1/subsidies/{id}");
        List<String> problems = new ArrayList<>();
        paths.fields().forEachRemaining(p -> {
            if (!p.getKey().startsWith("/api/v1/")) {
                return;
            }
            p.getValue().fields().forEachRemaining(op -> {
                if (!Set.of("get", "post", "patch", "put", "delete").contains(op.getKey())) {
                    return;
                }
                String where = op.getKey().toUpperCase() + " " + p.getKey();
                String summary = op.getValue().path("summary").asText("");
                if (!summary.contains("roles:") && !summary.contains("public")) {
                    problems.add(where + ": summary names no roles");
                }
                JsonNode content = op.getValue().path("requestBody").path("content");
                if (!content.isMissingNode() && content.path("application/json").path("examples").isMissingNode()) {
                    problems.add(where + ": request body without an example");
                }
            });
        });
        assertThat(problems).isEmpty();
    }

    private static Set<String> iterable(java.util.Iterator<String> it) {
        Set<String> s = new java.util.HashSet<>();
        it.forEachRemaining(s::add);
        return s;
    }
}
