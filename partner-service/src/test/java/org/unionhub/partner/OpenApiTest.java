package org.unionhub.partner;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint is in the OpenAPI document with a summary naming who may call it. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationHasASummaryWithItsRoles() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                operations++;
                Object summary = op.getValue().get("summary");
                if (summary == null || !(summary.toString().contains("roles") || summary.toString().contains("public"))) {
                    missing.add(op.getKey() + " " + path.getKey());
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(11);
        assertThat(missing).isEmpty();
    }
}
