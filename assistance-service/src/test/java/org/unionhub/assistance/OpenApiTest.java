package org.unionhub.assistance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document shows every endpoint, each with a summary that names roles, and a tag. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyEndpointIsDocumentedWithSummaryRolesAndTag() throws Exception {
        String doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonNode paths = new ObjectMapper().readTree(doc).get("paths");
        List<String> expected = List.of("/api/v1/programs", "/api/v1/programs/{code}", "/api/v1/programs/{code}/funds",
                "/api/v1/programs/{code}/funds/{year}", "/api/v1/applications", "/api/v1/applications/{id}",
                "/api/v1/applications/{id}/approve", "/api/v1/applications/{id}/reject", "/api/v1/applications/{id}/disburse",
                "/api/v1/members/{memberId}/applications", "/api/v1/members/{memberId}/assistance", "/api/v1/reports/assistance",
                "/api/v1/hardship-files", "/api/v1/hardship-files/{id}", "/api/v1/hardship-files/{id}/review",
                "/api/v1/hardship-files/{id}/close", "/api/v1/visits", "/api/v1/mutual-aid/enrollments", "/api/v1/mutual-aid/claims",
                "/api/v1/green-channel/diseases", "/api/v1/green-channel/hospitals", "/api/v1/green-channel/referrals",
                "/api/v1/green-channel/referrals/{id}", "/api/v1/green-channel/referrals/{id}/admit",
                "/api/v1/green-channel/referrals/{id}/close", "/api/v1/legal-cases", "/api/v1/legal-cases/{id}",
                "/api/v1/legal-cases/{id}/assign", "/api/v1/legal-cases/{id}/close", "/api/v1/legal-cases/stats", "/api/v1/audit");
        for (String p : expected) {
            assertThat(paths.has(p)).as(p + " in the OpenAPI document").isTrue();
        }
        Iterator<Map.Entry<String, JsonNode>> it = paths.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/")) continue;
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!op.getValue().isObject() || !op.getValue().has("responses")) continue;
                String where = op.getKey() + " " + path.getKey();
                assertThat(op.getValue().path("summary").asText()).as(where + " summary").isNotBlank();
                assertThat(op.getValue().path("summary").asText()).as(where + " names roles")
                        .containsAnyOf("role", "public");
                assertThat(op.getValue().path("tags").size()).as(where + " tag").isPositive();
            }
        }
    }
}
